// Python sets the DOM title in the browser.
// hosts: chromium
// expect: ["before", "set-by-python"]
document.title = "before";
const before = document.title;
py.runPython('from js import document\ndocument.title = "set-by-python"');
return [before, document.title];
