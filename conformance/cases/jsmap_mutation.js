// m[k] = v and del m[k] reach the JS Map; deleting a missing key is KeyError.
// expect: [[["b", 2], ["c", 3]], "KeyError"]
globalThis.confMutM = new Map([["a", 1], ["b", 2]]);
py.runPython("from js import confMutM as m\nm['c'] = 3\ndel m['a']");
const entries = [...globalThis.confMutM];
const err = py.runPython("try:\n    del m['zz']\n    r = 'no error'\nexcept KeyError:\n    r = 'KeyError'\nr");
py.runPython("del m");
delete globalThis.confMutM;
return [entries, err];
