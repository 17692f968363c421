//! `JsProxy.to_py(*, depth=-1, default_converter=None)`: Array → list,
//! plain Object and Map → dict, Set → set, nested; other objects stay
//! JsProxy unless `default_converter(value, convert, cache)` converts them.

use pyo3::prelude::*;

use crate::convert::deep;
use crate::host;

pub fn to_py<'py>(
    slf: &Bound<'py, PyAny>,
    depth: i32,
    default_converter: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let proxy = super::proxy_of(slf)?;
    let plan = host::to_py_plan(py, proxy.handle().key(), depth)?;
    let convert = match &default_converter {
        Some(conv) => Some(
            py.import(crate::runner::MODULE_NAME)?
                .getattr("nested_to_py")?
                .call1((depth, conv))?,
        ),
        None => None,
    };
    deep::build(py, plan, default_converter.as_ref(), convert)
}
