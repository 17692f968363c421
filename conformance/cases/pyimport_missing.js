// pyimport of a module that does not exist is a PythonError(ModuleNotFoundError) naming it.
// expect-error: PythonError ModuleNotFoundError
// expect-message: conf_no_such_module
py.pyimport("conf_no_such_module");
