//! bridge-py against a mock JS host, natively (CPython from the build machine).
//!
//! The mock is a tiny JS object model: objects are property maps, functions are
//! Rust closures, and every object Python holds goes through a real
//! `bridge_core` handle table, so each test can end with "live handles back to
//! baseline".

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Mutex, MutexGuard, Once};

use std::mem::MaybeUninit;

use bridge_core::boundary::JsFlags;
use bridge_core::buffer::ElementKind;
use bridge_core::error::BridgeError;
use bridge_core::handle::{HandleTable, JsRef};
use bridge_py::crossing::{JsHandle, Ref, Value};
use bridge_py::host::{
    BufferInfo, CallArgs, ItemKind, IterStep, JsAttrs, JsBuffers, JsCalls, JsDeep, JsError,
    JsItems, JsObjects,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

type Func = Rc<dyn Fn(Option<JsVal>, Vec<JsVal>) -> Result<JsVal, JsError>>;

/// A value in the mock JS world.
enum JsVal {
    /// Never a `Value::Handle`: handles are unwrapped on the way in.
    Prim(Value),
    Obj(Rc<RefCell<HashMap<String, JsVal>>>),
    Func(Func),
    /// A typed array of `kind` (`None`: an ArrayBuffer) over shared bytes;
    /// `None` bytes: detached.
    Buf(Rc<RefCell<Option<Vec<u8>>>>, Option<ElementKind>),
}

impl Clone for JsVal {
    fn clone(&self) -> Self {
        match self {
            JsVal::Prim(v) => JsVal::Prim(match v {
                Value::Undefined => Value::Undefined,
                Value::Null => Value::Null,
                Value::Bool(b) => Value::Bool(*b),
                Value::Int(i) => Value::Int(*i),
                Value::BigInt(b) => Value::BigInt(b.clone()),
                Value::Float(f) => Value::Float(*f),
                Value::Str(t) => Value::Str(t.clone()),
                Value::Bytes(b) => Value::Bytes(b.clone()),
                Value::Handle(_) => unreachable!("the mock never stores a handle"),
            }),
            JsVal::Obj(o) => JsVal::Obj(o.clone()),
            JsVal::Func(f) => JsVal::Func(f.clone()),
            JsVal::Buf(b, k) => JsVal::Buf(b.clone(), *k),
        }
    }
}

#[derive(Default)]
struct MockJs {
    globals: RefCell<HashMap<String, JsVal>>,
    table: RefCell<HandleTable<JsRef, JsVal>>,
}

impl MockJs {
    fn incoming(&self, v: JsVal) -> Value {
        match v {
            JsVal::Prim(p) => p,
            JsVal::Obj(ref o) => {
                let id = Rc::as_ptr(o) as usize as f64;
                self.hold(v, JsFlags::empty(), id)
            }
            JsVal::Func(ref f) => {
                let id = Rc::as_ptr(f) as *const () as usize as f64;
                self.hold(v, JsFlags::CALLABLE, id)
            }
            JsVal::Buf(ref b, kind) => {
                let id = Rc::as_ptr(b) as usize as f64;
                let flags = if kind.is_some() {
                    JsFlags::BUFFER | JsFlags::TYPED_ARRAY
                } else {
                    JsFlags::BUFFER
                };
                self.hold(v, flags, id)
            }
        }
    }

    fn hold(&self, v: JsVal, flags: JsFlags, id: f64) -> Value {
        let key = self.table.borrow_mut().insert(v).expect("mock table full");
        Value::Handle(Ref::Js(JsHandle::assume_owned(key, flags, id)))
    }

    fn outgoing(&self, v: Value) -> JsVal {
        match v {
            // The value owns one reference: unwrap and drop it.
            Value::Handle(Ref::Js(obj)) => {
                let key = obj.into_raw();
                let v = self.table.borrow().get(key).expect("live key").clone();
                self.table
                    .borrow_mut()
                    .decref(key)
                    .expect("release of a live key");
                v
            }
            other => JsVal::Prim(other),
        }
    }

    fn obj(&self, key: JsRef) -> JsVal {
        self.table.borrow().get(key).expect("live key").clone()
    }

    fn live(&self) -> usize {
        self.table.borrow().len()
    }
}

fn type_error(msg: &str) -> JsError {
    JsError {
        name: "TypeError".into(),
        message: msg.into(),
        value: None,
        refusal: None,
    }
}

impl JsAttrs for MockJs {
    fn global(&self, name: &str) -> Result<Option<Value>, JsError> {
        let v = self.globals.borrow().get(name).cloned();
        Ok(v.map(|v| self.incoming(v)))
    }
    fn get(&self, obj: JsRef, name: &str) -> Result<Option<Value>, JsError> {
        match self.obj(obj) {
            JsVal::Obj(map) => {
                let v = map.borrow().get(name).cloned();
                Ok(v.map(|v| self.incoming(v)))
            }
            _ => Ok(None),
        }
    }
    fn set(&self, obj: JsRef, name: &str, value: Value) -> Result<(), JsError> {
        let value = self.outgoing(value);
        match self.obj(obj) {
            JsVal::Obj(map) => {
                map.borrow_mut().insert(name.to_owned(), value);
                Ok(())
            }
            _ => Err(type_error(
                "cannot set a property on a function in the mock",
            )),
        }
    }
    fn delete(&self, obj: JsRef, name: &str) -> Result<bool, JsError> {
        match self.obj(obj) {
            JsVal::Obj(map) => Ok(map.borrow_mut().remove(name).is_some()),
            _ => Ok(false),
        }
    }
}

impl JsCalls for MockJs {
    fn call(&self, func: JsRef, this: Option<JsRef>, args: CallArgs) -> Result<Value, JsError> {
        let JsVal::Func(f) = self.obj(func) else {
            return Err(type_error("not a function"));
        };
        let this = this.map(|t| self.obj(t));
        let mut argv: Vec<JsVal> = args.args.into_iter().map(|a| self.outgoing(a)).collect();
        if !args.kwargs.is_empty() {
            let kw = args
                .kwargs
                .into_iter()
                .map(|(k, v)| (String::from_utf16_lossy(&k.to_utf16()), self.outgoing(v)))
                .collect();
            argv.push(JsVal::Obj(Rc::new(RefCell::new(kw))));
        }
        let out = f(this, argv)?;
        Ok(self.incoming(out))
    }
    fn construct(&self, ctor: JsRef, args: CallArgs) -> Result<Value, JsError> {
        self.call(ctor, None, args)
    }
}

/// The mock has no arrays, maps or iterators: every item operation is a JS TypeError.
impl JsItems for MockJs {
    fn len(&self, _: JsRef) -> Result<usize, JsError> {
        Err(type_error("the mock has no arrays"))
    }
    fn get_item(&self, _: JsRef, _: ItemKind, _: Value) -> Result<Option<Value>, JsError> {
        Err(type_error("the mock has no arrays"))
    }
    fn set_item(&self, _: JsRef, _: ItemKind, _: Value, _: Value) -> Result<bool, JsError> {
        Err(type_error("the mock has no arrays"))
    }
    fn del_item(&self, _: JsRef, _: ItemKind, _: Value) -> Result<bool, JsError> {
        Err(type_error("the mock has no arrays"))
    }
    fn contains(&self, _: JsRef, _: Value) -> Result<bool, JsError> {
        Err(type_error("the mock has no arrays"))
    }
    fn iter(&self, _: JsRef) -> Result<Value, JsError> {
        Err(type_error("the mock has no iterators"))
    }
    fn next(&self, _: JsRef) -> Result<IterStep, JsError> {
        Err(type_error("the mock has no iterators"))
    }
}

impl MockJs {
    fn bytes(&self, obj: JsRef) -> Result<Rc<RefCell<Option<Vec<u8>>>>, JsError> {
        match self.obj(obj) {
            JsVal::Buf(b, _) if b.borrow().is_some() => Ok(b),
            JsVal::Buf(..) => Err(type_error("detached")),
            _ => Err(type_error("not a buffer")),
        }
    }
}

impl JsBuffers for MockJs {
    fn buffer_info(&self, obj: JsRef) -> Result<BufferInfo, JsError> {
        match self.obj(obj) {
            JsVal::Buf(b, kind) => Ok(BufferInfo {
                kind,
                byte_len: b.borrow().as_ref().map_or(0, Vec::len),
                detached: b.borrow().is_none(),
            }),
            _ => Err(type_error("not a buffer")),
        }
    }
    fn buffer_read(&self, obj: JsRef, dst: &mut [MaybeUninit<u8>]) -> Result<(), JsError> {
        let b = self.bytes(obj)?;
        let b = b.borrow();
        for (d, s) in dst.iter_mut().zip(b.as_ref().unwrap()) {
            d.write(*s);
        }
        Ok(())
    }
    fn buffer_write(&self, obj: JsRef, offset: usize, src: &[u8]) -> Result<(), JsError> {
        let b = self.bytes(obj)?;
        let mut b = b.borrow_mut();
        b.as_mut().unwrap()[offset..offset + src.len()].copy_from_slice(src);
        Ok(())
    }
    fn buffer_merge(
        &self,
        obj: JsRef,
        offset: usize,
        old: &[u8],
        new: &[u8],
    ) -> Result<(), JsError> {
        let b = self.bytes(obj)?;
        let mut b = b.borrow_mut();
        let dst = b.as_mut().unwrap();
        for (i, (o, n)) in old.iter().zip(new).enumerate() {
            if o != n {
                dst[offset + i] = *n;
            }
        }
        Ok(())
    }
    fn new_typed_array(&self, kind: Option<ElementKind>, src: &[u8]) -> Result<Value, JsError> {
        Ok(self.incoming(JsVal::Buf(Rc::new(RefCell::new(Some(src.to_vec()))), kind)))
    }
    fn buffer_decode(&self, obj: JsRef, _: Option<&str>) -> Result<Option<String>, JsError> {
        let b = self.bytes(obj)?;
        let s = String::from_utf8(b.borrow().clone().unwrap()).ok();
        Ok(s)
    }
}

impl JsDeep for MockJs {
    fn to_py_plan(&self, _: JsRef, _: i32) -> Result<bridge_core::convert::Plan<Ref>, JsError> {
        Err(type_error("the mock has no deep conversion"))
    }
    fn to_js_build(
        &self,
        _: &[f64],
        _: &[u16],
        _: Vec<Ref>,
        _: bridge_py::host::ToJsOptions,
    ) -> Result<Value, JsError> {
        Err(type_error("the mock has no deep conversion"))
    }
}

impl JsObjects for MockJs {
    fn to_string(&self, obj: JsRef) -> Result<String, JsError> {
        Ok(match self.obj(obj) {
            JsVal::Obj(_) => "[object Object]".into(),
            JsVal::Func(_) => "function () { [native code] }".into(),
            JsVal::Prim(_) => "primitive".into(),
            JsVal::Buf(..) => "[object Uint8Array]".into(),
        })
    }
    fn truthy(&self, obj: JsRef) -> Result<bool, JsError> {
        Ok(match self.obj(obj) {
            JsVal::Obj(map) => !map.borrow().contains_key("__empty"),
            _ => true,
        })
    }
    fn same(&self, a: JsRef, b: JsRef) -> bool {
        a == b
    }
    fn incref(&self, obj: JsRef) -> Result<(), BridgeError> {
        self.table.borrow_mut().incref(obj).map(drop)
    }
    fn helper(&self, _: &str) -> Result<Option<Value>, JsError> {
        Ok(None)
    }
    fn double_proxy(&self, _: Value, _: bool, _: bool) -> Result<Value, JsError> {
        Err(type_error("the mock has no PyProxies"))
    }
    fn release(&self, obj: JsRef) {
        self.table
            .borrow_mut()
            .decref(obj)
            .expect("release of a live key");
    }
}

fn func(f: impl Fn(Option<JsVal>, Vec<JsVal>) -> Result<JsVal, JsError> + 'static) -> JsVal {
    JsVal::Func(Rc::new(f))
}

/// One test's mock host. Tests run one at a time (cargo runs them on several
/// threads, and the bridge, like wasm, is single-threaded): each holds the lock,
/// and collects its garbage before releasing it so that no proxy of this test
/// is finalized on another test's thread.
struct Mock {
    host: &'static MockJs,
    _serial: MutexGuard<'static, ()>,
}

impl std::ops::Deref for Mock {
    type Target = MockJs;
    fn deref(&self) -> &MockJs {
        self.host
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        Python::attach(|py| py.run(c"import gc; gc.collect()", None, None)).expect("gc runs");
    }
}

/// Start Python once per process; install a fresh mock host on this thread.
fn mock() -> Mock {
    static INIT: Once = Once::new();
    static SERIAL: Mutex<()> = Mutex::new(());
    let serial = SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let host: &'static MockJs = Box::leak(Box::default());
    bridge_py::host::install(host);
    INIT.call_once(|| bridge_py::initialize().expect("interpreter starts"));
    Mock {
        host,
        _serial: serial,
    }
}

fn run<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyDict>> {
    let globals = PyDict::new(py);
    py.run(&std::ffi::CString::new(code).unwrap(), Some(&globals), None)?;
    Ok(globals)
}

fn get<'py, T: for<'a> FromPyObject<'a, 'py>>(g: &Bound<'py, PyDict>, name: &str) -> T
where
    for<'a> <T as FromPyObject<'a, 'py>>::Error: std::fmt::Debug,
{
    g.get_item(name)
        .unwrap()
        .unwrap_or_else(|| panic!("{name} not set"))
        .extract::<T>()
        .unwrap()
}

#[test]
fn globals_attributes_and_calls_reach_the_host() {
    let js = mock();
    let obj: HashMap<String, JsVal> = [("x".to_owned(), JsVal::Prim(Value::Int(7)))].into();
    let obj = Rc::new(RefCell::new(obj));
    js.globals
        .borrow_mut()
        .insert("o".into(), JsVal::Obj(obj.clone()));
    js.globals.borrow_mut().insert(
        "count_args".into(),
        func(|_, args| Ok(JsVal::Prim(Value::Int(args.len() as i64)))),
    );
    Python::attach(|py| {
        let g = run(py, "from js import o, count_args\nx = o.x\no.y = 'set'\ndel o.x\nn = count_args(1, 2, k=3)\ndel o").unwrap();
        assert_eq!(get::<i64>(&g, "x"), 7);
        assert_eq!(
            get::<i64>(&g, "n"),
            3,
            "two positional args and one trailing kwargs object"
        );
        drop(g);
    });
    let map = obj.borrow();
    assert!(matches!(map.get("y"), Some(JsVal::Prim(Value::Str(t))) if t.as_str() == Some("set")));
    assert!(!map.contains_key("x"), "del reached the host");
    drop(map);
    assert_eq!(js.live(), 0, "every JsProxy released its handle");
}

#[test]
fn missing_global_is_import_error_and_missing_attribute_is_attribute_error() {
    let js = mock();
    js.globals
        .borrow_mut()
        .insert("o".into(), JsVal::Obj(Rc::default()));
    Python::attach(|py| {
        let err = run(py, "from js import nowhere").unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyImportError>(py));
        assert!(err.to_string().contains("nowhere"), "{err}");
        let err = run(py, "from js import o\no.nope").unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyAttributeError>(py));
        assert!(err.to_string().contains("nope"), "{err}");
    });
    assert_eq!(js.live(), 0);
}

#[test]
fn js_errors_become_js_exception_with_name_and_message() {
    let js = mock();
    js.globals
        .borrow_mut()
        .insert("boom".into(), func(|_, _| Err(type_error("it broke"))));
    Python::attach(|py| {
        let g = run(
            py,
            "from js import boom, JsException\ntry:\n  boom()\nexcept JsException as e:\n  r = (e.name, e.message, str(e))",
        )
        .unwrap();
        assert_eq!(
            get::<(String, String, String)>(&g, "r"),
            (
                "TypeError".into(),
                "it broke".into(),
                "TypeError: it broke".into()
            )
        );
    });
}

#[test]
fn methods_bind_this_and_release_it() {
    let js = mock();
    let obj: HashMap<String, JsVal> = [
        ("tag".to_owned(), JsVal::Prim(Value::Int(5))),
        (
            "get_tag".to_owned(),
            func(|this, _| match this {
                Some(JsVal::Obj(m)) => Ok(m.borrow().get("tag").cloned().unwrap()),
                _ => Err(type_error("no this")),
            }),
        ),
    ]
    .into();
    js.globals
        .borrow_mut()
        .insert("o".into(), JsVal::Obj(Rc::new(RefCell::new(obj))));
    Python::attach(|py| {
        let g = run(py, "from js import o\nm = o.get_tag\ndel o\nr = m()\ndel m").unwrap();
        assert_eq!(
            get::<i64>(&g, "r"),
            5,
            "`this` outlived the proxy it came from"
        );
    });
    assert_eq!(
        js.live(),
        0,
        "the method released its function and its `this`"
    );
}

#[test]
fn values_keep_their_type_and_content_through_a_round_trip() {
    let js = mock();
    js.globals
        .borrow_mut()
        .insert("echo".into(), func(|_, mut args| Ok(args.remove(0))));
    Python::attach(|py| {
        let g = run(
            py,
            concat!(
                "from js import echo\n",
                "cases = [0, 2**53-1, -(2**53-1), 2**53, -(2**200), 1.5, float('inf'), -0.0,\n",
                "         'a\\U0001F600', 'lone \\ud800 surrogate', True, None, [1, 2]]\n",
                "out = [echo(c) for c in cases]\n",
                "same = [type(a) is type(b) and (a == b or repr(a) == repr(b)) for a, b in zip(cases, out)]\n",
                "ident = out[-1] is cases[-1]\n",
            ),
        )
        .unwrap();
        assert!(
            get::<Vec<bool>>(&g, "same").into_iter().all(|b| b),
            "{:?}",
            g.get_item("out")
        );
        assert!(
            get::<bool>(&g, "ident"),
            "a Python object sent to JS and back is the same object"
        );
    });
}

#[test]
fn ints_cross_by_the_safe_integer_rule() {
    let js = mock();
    let seen: Rc<RefCell<Vec<Value>>> = Rc::default();
    let log = seen.clone();
    js.globals.borrow_mut().insert(
        "record".into(),
        func(move |_, args| {
            log.borrow_mut().extend(args.into_iter().map(|a| match a {
                JsVal::Prim(v) => v,
                _ => Value::Undefined,
            }));
            Ok(JsVal::Prim(Value::Undefined))
        }),
    );
    Python::attach(|py| {
        run(
            py,
            "from js import record\nrecord(2**53-1, 2**53, -(2**53-1), -(2**53))",
        )
        .unwrap();
    });
    let seen = seen.borrow();
    assert!(
        matches!(seen[0], Value::Int(n) if n == (1 << 53) - 1),
        "2^53-1 stays a Number"
    );
    assert!(
        matches!(&seen[1], Value::BigInt(_)),
        "2^53 becomes a BigInt"
    );
    assert!(matches!(seen[2], Value::Int(n) if n == -((1 << 53) - 1)));
    assert!(matches!(&seen[3], Value::BigInt(_)));
}

#[test]
fn a_temporary_js_object_returned_to_js_outlives_its_proxy() {
    let js = mock();
    let made: HashMap<String, JsVal> = [("id".to_owned(), JsVal::Prim(Value::Int(9)))].into();
    let made = Rc::new(RefCell::new(made));
    let m = made.clone();
    js.globals
        .borrow_mut()
        .insert("make".into(), func(move |_, _| Ok(JsVal::Obj(m.clone()))));
    // runPython's result is a JsProxy that Python drops before JS unwraps it.
    let out = bridge_py::ops::run_python("import js\njs.make()").expect("runs");
    match js.outgoing(out) {
        JsVal::Obj(o) => assert!(Rc::ptr_eq(&o, &made), "the original JS object comes back"),
        _ => panic!("expected the JS object"),
    }
    assert_eq!(js.live(), 0, "the value's reference was dropped on unwrap");
}

#[test]
fn setting_an_attribute_of_the_js_module_sets_the_js_global() {
    let js = mock();
    let global_this = Rc::new(RefCell::new(HashMap::new()));
    js.globals
        .borrow_mut()
        .insert("globalThis".into(), JsVal::Obj(global_this.clone()));
    Python::attach(|py| run(py, "import js\njs.made_in_python = 3").map(drop)).unwrap();
    assert!(matches!(
        global_this.borrow().get("made_in_python"),
        Some(JsVal::Prim(Value::Int(3)))
    ));
    Python::attach(|py| run(py, "import js\ndel js.made_in_python").map(drop)).unwrap();
    assert!(global_this.borrow().is_empty());
}

#[test]
fn a_lone_surrogate_keyword_name_crosses_and_leaks_nothing() {
    let js = mock();
    js.globals.borrow_mut().insert(
        "f".into(),
        func(|_, args| Ok(JsVal::Prim(Value::Int(args.len() as i64)))),
    );
    let obj = JsVal::Obj(Rc::new(RefCell::new(HashMap::new())));
    js.globals.borrow_mut().insert("o".into(), obj);
    Python::attach(|py| {
        let g = run(py, "import js\nf = js.f\no = js.o\n").unwrap();
        let before = js.live();
        // The first argument is a JsProxy (a new reference for the call); the
        // keyword name holds a lone surrogate (it failed to convert, leaking
        // the first argument, before names crossed as Text).
        for _ in 0..50 {
            py.run(c"assert f(o, **{'\\ud800x': 1}) == 2\n", Some(&g), None)
                .unwrap();
        }
        assert_eq!(js.live(), before, "handles leaked");
        drop(g);
    });
}

#[test]
fn proxies_of_one_object_are_equal_and_hash_alike() {
    let js = mock();
    let obj = JsVal::Obj(Rc::new(RefCell::new(HashMap::new())));
    js.globals.borrow_mut().insert("o".into(), obj);
    js.globals.borrow_mut().insert(
        "p".into(),
        JsVal::Obj(Rc::new(RefCell::new(HashMap::new()))),
    );
    Python::attach(|py| {
        let g = run(py, "import js\na = js.o\nb = js.o\nr = [a == b, hash(a) == hash(b), a != js.p, len({a, b}), a is b]\n").unwrap();
        assert_eq!(get::<Vec<i64>>(&g, "r"), vec![1, 1, 1, 1, 0]);
    });
}

#[test]
fn call_and_await_exist_only_where_the_flags_say() {
    let js = mock();
    js.globals.borrow_mut().insert(
        "o".into(),
        JsVal::Obj(Rc::new(RefCell::new(HashMap::new()))),
    );
    js.globals
        .borrow_mut()
        .insert("f".into(), func(|_, _| Ok(JsVal::Prim(Value::Int(1)))));
    Python::attach(|py| {
        let g = run(
            py,
            "import js\nfrom pyodide.ffi import JsProxy, JsCallable\nr = [callable(js.o), callable(js.f), hasattr(js.o, '__await__'), isinstance(js.f, JsCallable), isinstance(js.o, JsProxy), type(js.o).__name__]\n",
        )
        .unwrap();
        let r = g.get_item("r").unwrap().unwrap();
        assert_eq!(
            r.repr().unwrap().to_string(),
            "[False, True, False, True, True, 'JsProxy']"
        );
    });
}

#[test]
fn dunder_named_js_properties_are_reachable() {
    let js = mock();
    let obj: HashMap<String, JsVal> =
        [("__esModule".to_owned(), JsVal::Prim(Value::Bool(true)))].into();
    js.globals
        .borrow_mut()
        .insert("m".into(), JsVal::Obj(Rc::new(RefCell::new(obj))));
    Python::attach(|py| {
        let g = run(
            py,
            "import js\nm = js.m\nr = [m.__esModule, m.__class__.__name__]\n",
        )
        .unwrap();
        let r = g.get_item("r").unwrap().unwrap();
        assert_eq!(r.repr().unwrap().to_string(), "[True, 'JsProxy']");
    });
}

#[test]
fn a_memoryview_of_a_typed_array_writes_back_only_what_python_changed() {
    let js = mock();
    let bytes = Rc::new(RefCell::new(Some(vec![1u8, 2, 3, 4])));
    js.globals.borrow_mut().insert(
        "u16".into(),
        JsVal::Buf(bytes.clone(), Some(ElementKind::Uint16)),
    );
    let before = js.live();
    Python::attach(|py| {
        let g = run(
            py,
            "import js, struct\nm = memoryview(js.u16)\nr = [m.format, m.itemsize, m.shape, m.nbytes, m.readonly, m.tolist(), bytes(js.u16), struct.unpack_from('<H', js.u16, 2)[0]]\nm[0] = 0x0a0b\n",
        )
        .unwrap();
        let r = g.get_item("r").unwrap().unwrap();
        assert_eq!(
            r.repr().unwrap().to_string(),
            "['H', 2, (2,), 4, False, [513, 1027], b'\\x01\\x02\\x03\\x04', 1027]"
        );
        // Nothing reaches JS before the view is released...
        assert_eq!(bytes.borrow().as_ref().unwrap(), &vec![1, 2, 3, 4]);
        // ...and a byte JS changes meanwhile survives the write-back.
        bytes.borrow_mut().as_mut().unwrap()[3] = 9;
        py.run(c"m.release()", Some(&g), None).unwrap();
        assert_eq!(bytes.borrow().as_ref().unwrap(), &vec![0x0b, 0x0a, 3, 9]);
        // A detached buffer is refused with an error that says so.
        bytes.borrow_mut().take();
        let e = py.run(c"memoryview(js.u16)", Some(&g), None).unwrap_err();
        assert!(e.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert!(e.to_string().contains("detached"), "{e}");
        g.clear();
        py.run(c"import gc; gc.collect()", None, None).unwrap();
    });
    assert_eq!(js.live(), before);
}
