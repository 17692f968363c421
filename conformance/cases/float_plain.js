// Floats convert exactly (0.1 + 0.2 keeps its last bit; 2.0 is the number 2).
// expect: [0.30000000000000004, 2, 1e+300, -2.5e-300]
return [py.runPython("0.1 + 0.2"), py.runPython("2.0"), py.runPython("1e300"), py.runPython("-2.5e-300")];
