// pyimport gives a module proxy whose functions are callable from JS.
// expect: [4, "\"x\"", 3]
const math = py.pyimport("math");
const json = py.pyimport("json");
return [math.sqrt(16), json.dumps("x"), math.floor(3.7)];
