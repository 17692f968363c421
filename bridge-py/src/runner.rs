//! `runPython`: the interpreter-side helper module (`python/_bridge.py`) and
//! the entry points that use it.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyModule};

pub const MODULE_NAME: &str = "_bridge";

/// Load the helper module into `sys.modules` (once, at start-up).
pub fn install(py: Python<'_>) -> PyResult<()> {
    let module = PyModule::from_code(py, c_source(), c"<bridge>", c"_bridge")?;
    // The asyncio loop's module is compiled on first use (asyncio costs
    // start-up time): `_bridge.loop_module()`.
    module.setattr("_LOOP_SOURCE", LOOP_SOURCE)?;
    module.setattr("_CODE_SOURCE", CODE_SOURCE)?;
    module.setattr("_HTTP_SOURCE", HTTP_SOURCE)?;
    module.setattr("_CONSOLE_SOURCE", CONSOLE_SOURCE)?;
    module.setattr("_WHEELS_SOURCE", WHEELS_SOURCE)?;
    module.setattr("_MICROPIP_SOURCE", MICROPIP_SOURCE)?;
    py.import("sys")?
        .getattr("modules")?
        .set_item(MODULE_NAME, module.clone())?;
    module.getattr("install_js_module")?.call0()?;
    Ok(())
}

const LOOP_SOURCE: &str = include_str!("python/_bridge_loop.py");
const CODE_SOURCE: &str = include_str!("python/pyodide_code.py");
const HTTP_SOURCE: &str = include_str!("python/pyodide_http.py");
const CONSOLE_SOURCE: &str = include_str!("python/pyodide_console.py");
const WHEELS_SOURCE: &str = include_str!("python/bridge_wheels.py");
const MICROPIP_SOURCE: &str = include_str!("python/micropip.py");

fn c_source() -> &'static std::ffi::CStr {
    const SRC: &str = concat!(include_str!("python/_bridge.py"), "\0");
    // The file is ours and has no NUL byte; checked by the test below.
    std::ffi::CStr::from_bytes_with_nul(SRC.as_bytes()).expect("_bridge.py contains a NUL byte")
}

/// The `__main__` namespace.
pub fn main_globals(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    Ok(py.import("__main__")?.dict())
}

/// Run `code` in `__main__`; the value of its last expression, or `None`.
pub fn run<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    let globals = main_globals(py)?;
    py.import(MODULE_NAME)?
        .getattr("run")?
        .call1((code, globals))
}

/// `runPythonAsync(code)`: a JS Promise of the code run as a Task on the loop.
pub fn run_async<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
    let globals = main_globals(py)?;
    py.import(MODULE_NAME)?
        .getattr("run_async")?
        .call1((code, globals))
}

/// `await proxy` in Python: see `await_js` in `python/_bridge.py`.
pub fn await_js<'py>(proxy: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    proxy
        .py()
        .import(MODULE_NAME)?
        .getattr("await_js")?
        .call1((proxy,))
}

#[cfg(test)]
mod tests {
    #[test]
    fn helper_source_has_no_nul() {
        assert!(!include_str!("python/_bridge.py").contains('\0'));
        assert!(!include_str!("python/_bridge_loop.py").contains('\0'));
    }
}
