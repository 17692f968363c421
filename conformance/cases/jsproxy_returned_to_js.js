// A JsProxy returned to JS (as runPython's result) is the original JS object, even a temporary one.
// expect: [true, true, 2, true]
globalThis.ConfPoint2 = class {
  constructor(x) {
    this.x = x;
  }
};
globalThis.confObjG = { a: 1 };
const held = py.runPython("from js import confObjG\nconfObjG");
const temp = py.runPython("from js import ConfPoint2\nConfPoint2.new(2)");
return [held === globalThis.confObjG, temp instanceof globalThis.ConfPoint2, temp.x, py.runPython("from js import Math\nMath") === Math];
