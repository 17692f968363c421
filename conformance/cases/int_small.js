// Small ints, zero and negative, are plain numbers.
// expect: [0, -7, 123456789]
return [py.runPython("0"), py.runPython("-7"), py.runPython("123456789")];
