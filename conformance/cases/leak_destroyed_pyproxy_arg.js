// Passing a destroyed PyProxy as an argument throws ("destroyed") without
// leaking the arguments converted before it: after 100 calls
// pyf({}, destroyedProxy) the JS-object table is back to its count.
// expect: [100, 0]
py.runPython("def conf_takes_two(a, b):\n    return 1\nclass ConfDead:\n    pass");
const pyf = py.globals.get("conf_takes_two");
const dead = py.runPython("ConfDead()");
dead.destroy();
await ctx.gc();
const before = py.liveHandles().js;
const calls = () => {
  let thrown = 0;
  for (let i = 0; i < 100; i++) {
    try {
      pyf({}, dead);
    } catch (e) {
      if (/destroyed/.test(String(e?.message))) thrown++;
    }
  }
  return thrown;
};
const thrown = calls();
await ctx.gc();
return [thrown, py.liveHandles().js - before];
