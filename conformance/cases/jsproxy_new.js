// X.new(...) constructs a JS class instance from Python; its methods work and JS sees a real instance.
// expect: [52, true, 0]
globalThis.ConfPoint = class {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  sum() {
    return this.x + this.y;
  }
};
globalThis.confIsPoint = (p) => p instanceof globalThis.ConfPoint && p.x === 2 && p.y === 3;
return [
  py.runPython("from js import ConfPoint\np = ConfPoint.new(2, 3)\np.sum() * 10 + p.x"),
  py.runPython("from js import ConfPoint, confIsPoint\nconfIsPoint(ConfPoint.new(2, 3))"),
  py.runPython("from js import Date\nDate.new(0).getTime()"),
];
