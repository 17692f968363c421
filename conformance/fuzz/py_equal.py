"""The Python → JS → Python round trip of the fuzzer, and its comparator.

`trip(src, mode, depth, tolerate)` builds `root` by running `src` (made by
py_gen.mjs), converts it with `pyodide.ffi.to_js` (with `depth`) and back with `to_py()`,
and compares the result with the original under the rules of
docs/conversions.md. It returns None, or a JSON object
{path, rule, message} naming the first difference; `known` lists the rules
in `tolerate` that were broken but let the comparison go on. The answer
is JSON {outcome, diff}: `outcome` names what the trip was predicted to do.

`mode` is how dicts cross: "object" (the default to_js: a plain JS Object,
keys made property names) or "map" (`dict_converter=js.Map.new`).
"""

import array
import collections
import json
import math

import js
from pyodide.ffi import JsProxy, destroy_proxies, jsnull, to_js

MAX_SAFE = 2**53 - 1


class FuzzObj:
    """A Python object with no conversion rule: crosses as a PyProxy."""


class FuzzList(list):
    pass


class FuzzDict(dict):
    pass


class FuzzSet(set):
    pass


class FuzzFreshList(list):
    """Iterates as a list of fresh one-item lists, [x] for each item x: to_js
    goes through a subclass's own __iter__ (docs "Deep conversion")."""

    def __iter__(self):
        return iter([[x] for x in list.__iter__(self)])


class FuzzFreshDict(dict):
    """Its items() are (k, [v]): fresh one-item lists, as FuzzFreshList."""

    def items(self):
        return [(k, [v]) for k, v in dict.items(self)]


def seq_items(o):
    """The items to_js converts for a list or tuple: a list subclass's own
    __iter__ (bridge-py/src/convert/to_js.rs, PyWalk::shape)."""
    if isinstance(o, list) and type(o) is not list:
        return list(iter(o))
    return list(o)


def dict_items(o):
    """The entries to_js converts for a dict: a subclass's own items()."""
    if type(o) is not dict:
        return [(k, v) for k, v in o.items()]
    return list(dict.items(o))


# ---- The rules, one value at a time.


def norm_str(s):
    """A str after a trip through UTF-16 (docs "By value", str: lone
    surrogates kept; a high and a low surrogate written as two code points
    are the pair of one astral character in UTF-16, and come back as it)."""
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def js_number_str(x):
    """JS `String(x)` of a Number (ECMA-262 Number::toString): the same
    shortest digits as Python's repr, laid out the JS way."""
    if x != x:
        return "NaN"
    if x == 0:
        return "0"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    sign = "-" if x < 0 else ""
    mant, _, exp = repr(abs(x)).partition("e")
    ip, _, fp = mant.partition(".")
    fp = fp.rstrip("0")
    digits = (ip + fp).lstrip("0")
    # value = 0.DIGITS * 10**n
    n = (len(ip.lstrip("0")) if ip.lstrip("0") else -(len(fp) - len(fp.lstrip("0")))) + (int(exp) if exp else 0)
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    es = ("+" if e >= 0 else "-") + str(abs(e))
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + es


def is_primitive(k):
    """What to_js accepts as a dict key or set member (docs "Deep
    conversion": keys must be primitives)."""
    return k is None or k is jsnull or isinstance(k, (bool, int, float, str, JsProxy))


def key_name(k):
    """The property name a dict key becomes in a plain JS Object: JS
    `String(key)` of the converted key (docs "Deep conversion": `str(key)` as
    JS spells it, True → "true", None → "undefined")."""
    if isinstance(k, str):
        return norm_str(k)
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "undefined"
    if k is jsnull:
        return "null"
    if isinstance(k, int):
        return str(k)
    return js_number_str(k)


def scalar_back(x):
    """What a scalar is after the trip (docs "By value"): an int stays an
    int (Number or BigInt in JS); a float stays a float, bit for bit, except
    that an integral float with |x| <= 2**53-1 comes back as an int (JS has
    one Number; an integral Number in that range is an int) and -0.0 stays
    -0.0; a str as norm_str; None, jsnull and bools as themselves."""
    if isinstance(x, float) and x.is_integer() and abs(x) <= MAX_SAFE and not (x == 0 and math.copysign(1, x) < 0):
        return int(x)
    if isinstance(x, str):
        return norm_str(x)
    return x


def member_back(x):
    """A set member or a Map key after the trip: as scalar_back, except
    that -0.0 comes back as 0: JS Set.prototype.add and Map.prototype.set
    turn -0 into +0 (ECMA-262), an integral Number, so an int."""
    if isinstance(x, float) and x == 0:
        return 0
    return scalar_back(x)


def same_scalar(a, b):
    """a and b are the same value of the same type (nan == nan, -0.0 != 0.0)."""
    if type(a) is not type(b):
        return a is jsnull and b is jsnull
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


def canon(x):
    """A dict/set key equal for two converted keys JS would take as one:
    Python equality, except that every NaN is one (a JS Map or Set holds one
    NaN)."""
    if isinstance(x, float) and math.isnan(x):
        return ("nan",)
    if x is jsnull:
        return ("jsnull",)
    return (type(x) is str, x)


# Buffer formats after the trip: the typed array of the format, whose
# memoryview format is this (docs "Buffers": l/L are 4 bytes on wasm32).
BACK_FORMAT = {"l": "i", "L": "I", "c": "B"}


def buffer_info(o):
    """(kind, format, shape) of a buffer object, kind None if not one."""
    if isinstance(o, (bytes, bytearray)):
        return "buffer", "B", None
    if isinstance(o, array.array):
        return "buffer", o.typecode, None
    if isinstance(o, memoryview):
        if o.format == "?":
            return "bools", "?", None
        if o.ndim > 1:
            return "rows", o.format, o.shape
        return "buffer", o.format, None
    return None, None, None


# ---- Errors.


def is_list_shaped(o):
    """A memoryview to_js makes an Array of (format '?', or n-D)."""
    return isinstance(o, memoryview) and (o.format == "?" or o.ndim > 1)


class Walked:
    """What plan() saw: the containers it left as proxies, those it walked
    (ids), and the objects themselves (kept alive, so the ids stay theirs)."""

    def __init__(self, proxied, seen, keep):
        self.proxied, self.seen, self.keep = proxied, seen, keep

    def beyond(self, o, d, depth):
        """Whether container `o`, first reached at depth `d`, stays a proxy.
        A fresh object from a subclass's __iter__/items() was not seen by
        plan() (it made its own): judged by the depth it is reached at."""
        if id(o) in self.seen:
            return id(o) in self.proxied
        return 0 <= depth <= d


def check_keys(o, mode):
    """The error converting dict or set `o` raises on its own keys, or None."""
    if isinstance(o, dict):
        names = set()
        for k in o:
            if not is_primitive(k):
                return ("ConversionError", f"Cannot use {k!r} as a key for a Javascript Map")
            if mode == "object":
                name = key_name(k)
                if name in names:
                    return ("ConversionError", f"Key collision when converting Python dictionary to JavaScript. Key: '{name}'")
                names.add(name)
    elif isinstance(o, set):
        for k in o:
            if not is_primitive(k):
                return ("ConversionError", f"Cannot use {k!r} as a key for a Javascript Set")
    return None


def plan(root, mode, depth):
    """Walk `root` as to_js's planner does, and return (error, proxied,
    unchecked): the error the trip must raise, as (class name, message), or
    None; the ids of the containers left as PyProxies by `depth`; and the
    error a planner raises that also checks the keys of those (a bug).

    The planner walks depth first, children in order (a dict's keys then
    its values, entry by entry), each list, tuple, dict and set once (docs
    "Deep conversion": a shared child is converted once); `depth=d`: the
    root is depth 0 and containers at depth >= d stay proxies, unexamined.
    A dict's keys are checked when the dict is converted: a non-primitive
    key is ConversionError "Cannot use K as a key for a Javascript Map" (a
    set member: "... Set"); in "object" mode two keys making one property
    name are ConversionError "Key collision when converting Python
    dictionary to JavaScript. Key: 'name'"; an array.array with no typed
    array ('w') is ConversionError "Unrecognized format character 'w'." (a
    buffer is a leaf: it converts at any depth). In "map" mode, a dict
    reached again while its own entries are converted (a cycle through it)
    cannot be handed to the dict_converter: JsException "TypeError: to_js:
    a dict converted by dict_converter is part of a cycle"
    (bridge-js/package/to_js.js)."""
    seen = set()
    keep = []  # every object walked, alive, so that its id stays its own
    proxied = set()
    error = None
    # What the planner raises if it checks the keys of the dicts it leaves
    # as proxies too (the bug the depth-checks rule names).
    unchecked = None
    stack = [(root, 0)]
    while stack and error is None:
        o, d = stack.pop()
        keep.append(o)
        beyond = False
        # Containers, and memoryviews to_js makes Arrays of, are converted
        # once however often they are reached (docs "Deep conversion").
        if isinstance(o, (list, tuple, dict, set)) or is_list_shaped(o):
            if id(o) in seen:
                continue
            seen.add(id(o))
            beyond = 0 <= depth <= d
            if beyond:
                proxied.add(id(o))
        e = check_keys(o, mode)
        unchecked = unchecked or e
        if beyond:
            continue
        error = e
        if isinstance(o, dict):
            stack.extend(reversed([(x, d + 1) for kv in dict_items(o) for x in kv]))
        elif isinstance(o, (list, tuple)):
            stack.extend(reversed([(x, d + 1) for x in seq_items(o)]))
        elif isinstance(o, array.array) and o.typecode in "uw":
            error = ("ConversionError", f"Unrecognized format character '{o.typecode}'.")
    if error or mode != "map":
        return error, Walked(proxied, seen, keep), unchecked
    state = {}

    walked = Walked(proxied, seen, keep)

    def build(o, d=0):
        # Recursion is fine: py_gen.mjs nests a few levels only. A fresh
        # object from a subclass's items() is not plan()'s: walked.beyond
        # judges it by its depth.
        if not isinstance(o, (list, tuple, dict)) or (id(o) not in state and walked.beyond(o, d, depth)):
            return False
        s = state.get(id(o))
        if s == "done":
            return False
        if s == "building":
            return True
        keep.append(o)
        state[id(o)] = "building" if isinstance(o, dict) else "done"
        kids = [x for kv in dict_items(o) for x in kv] if isinstance(o, dict) else seq_items(o)
        for c in kids:
            if build(c, d + 1):
                return True
        state[id(o)] = "done"
        return False

    if build(root):
        error = ("JsException", "TypeError: to_js: a dict converted by dict_converter is part of a cycle; it cannot contain itself")
    return error, walked, unchecked


# ---- The comparison.


class Diff(Exception):
    def __init__(self, path, rule, message):
        super().__init__(message)
        self.path, self.rule, self.message = path, rule, message


def short(x):
    r = repr(x)
    return r if len(r) <= 60 else r[:60] + "…"


def compare(orig, res, mode, depth, walked, tolerate, known):
    fwd = {}  # id(original) -> (original, result)
    back = {}  # id(result) -> original

    def fail(path, rule, message):
        raise Diff(path, rule, message)

    def beyond(path, o, r):
        # Beyond to_js's depth: a PyProxy, which to_py gives back as the object.
        if r is o:
            return
        if id(o) not in walked.seen and type(r) is type(o) and isinstance(o, list) and len(r) == len(o) and all(a is b for a, b in zip(list.__iter__(o), list.__iter__(r))):
            # A fresh list from a subclass's __iter__/items(): the one to_js
            # saw is not ours (the comparator made its own), but it holds
            # the same objects.
            return
        fail(path, "depth", f"this {type(o).__name__} is at or beyond depth {depth}: expected the original object back, got {short(r)}")

    def walk(path, o, r, d=0):
        if o is None or o is jsnull or isinstance(o, (bool, int, float, str)):
            want = scalar_back(o)
            if not same_scalar(want, r):
                rule = "str" if isinstance(o, str) else "float" if isinstance(o, float) else "scalar"
                fail(path, rule, f"expected {short(want)} ({type(want).__name__}) for {short(o)}, got {short(r)} ({type(r).__name__})")
            return
        if isinstance(o, JsProxy):
            # "By reference": a JS object comes back as a proxy of itself.
            if not (isinstance(r, JsProxy) and r == o):
                fail(path, "identity", f"expected the same JS object {short(o)}, got {short(r)}")
            return
        kind, fmt, shape = buffer_info(o)
        container = isinstance(o, (list, tuple, dict, set))
        if (container or kind in ("bools", "rows")) and id(o) not in fwd and walked.beyond(o, d, depth):
            return beyond(path, o, r)
        if not container and kind is None:
            # No rule (class instance, frozenset): a PyProxy, which comes back
            # as the original object ("a proxy sent back").
            if r is not o:
                fail(path, "identity", f"expected the original {short(o)} (a PyProxy sent back), got {short(r)}")
            return
        # "Deep conversion": a shared child is converted once and shared in
        # the result, a cycle stays a cycle: a one-to-one correspondence.
        rule = "sharing" if container else "buffer-sharing"
        check_sharing = container or rule not in tolerate
        if id(o) in fwd:
            if fwd[id(o)][1] is not r:
                if check_sharing:
                    fail(path, rule, f"this {type(o).__name__} was reached before and converted to another object: sharing or a cycle was lost")
                known.add(rule)
            else:
                return
        elif id(r) in back and back[id(r)] is not o:
            if check_sharing:
                fail(path, rule, f"two different originals became the same {type(r).__name__}")
            known.add(rule)
        if r is o:
            fail(path, "copy", f"the result is the original {type(o).__name__}, not a copy")
        fwd.setdefault(id(o), (o, r))
        back.setdefault(id(r), o)
        if kind == "buffer":
            # "Deep conversion": a buffer → a typed array copy of its format;
            # "Buffers": to_py() of it is a memoryview of a copy.
            want = BACK_FORMAT.get(fmt, fmt)
            if not isinstance(r, memoryview) or r.format != want:
                fail(path, "buffer", f"expected a memoryview of format {want!r} for {short(o)}, got {short(r)}" + (f" (format {r.format!r})" if isinstance(r, memoryview) else ""))
            if r.tobytes() != memoryview(o).tobytes():
                fail(path, "buffer", f"bytes differ: expected {memoryview(o).tobytes()!r}, got {r.tobytes()!r}")
        elif kind == "bools":
            # '?' → an Array of booleans → a list.
            if type(r) is not list or r != o.tolist():
                fail(path, "buffer", f"expected the list {o.tolist()!r} for a '?' memoryview, got {short(r)}")
        elif kind == "rows":
            # n-D → nested Arrays of typed-array rows → lists of memoryviews.
            rows = o.tolist()
            if type(r) is not list or len(r) != len(rows):
                fail(path, "buffer", f"expected {len(rows)} rows for a {shape} memoryview, got {short(r)}")
            for i, (want, got) in enumerate(zip(rows, r)):
                if not isinstance(got, memoryview) or got.tolist() != want:
                    fail(f"{path}[{i}]", "buffer", f"expected a memoryview of {want!r}, got {short(got)}")
        elif isinstance(o, (list, tuple)):
            # list and tuple → Array → list.
            items = seq_items(o)
            if type(r) is not list:
                fail(path, "list", f"expected a list for a {type(o).__name__}, got {short(r)}")
            if len(r) != len(items):
                fail(path, "list", f"expected length {len(items)}, got {len(r)}")
            for i, (a, b) in enumerate(zip(items, r)):
                walk(f"{path}[{i}]", a, b, d + 1)
        elif isinstance(o, set):
            # set → Set → set; members by value; JS keeps one NaN.
            if type(r) is not set:
                fail(path, "set", f"expected a set, got {short(r)}")
            want = {}
            for m in o:
                want.setdefault(canon(member_back(m)), member_back(m))
            got = {}
            for m in r:
                got.setdefault(canon(m), m)
            if len(got) != len(r) or set(want) != set(got) or not all(same_scalar(want[c], got[c]) for c in want):
                fail(path, "set", f"expected members {sorted(map(short, want.values()))}, got {sorted(map(short, r))}")
        elif isinstance(o, dict):
            if type(r) is not dict:
                fail(path, "dict", f"expected a dict, got {short(r)}")
            if mode == "object":
                # A plain Object: keys are property names (key_name), values converted.
                want = {key_name(k): v for k, v in dict_items(o)}
                if set(want) != set(r) or not all(type(k) is str for k in r):
                    fail(path, "dict-object", f"expected keys {sorted(map(short, want))}, got {sorted(map(short, r))}")
                for k, v in want.items():
                    walk(f"{path}[{short(k)}]", v, r[k], d + 1)
            else:
                # A Map: keys by value, in order; keys JS takes as one collapse
                # as in a Map (the first key stays, the last value wins).
                want = {}
                for k, v in dict_items(o):
                    kb = member_back(k)
                    c = canon(kb)
                    want[c] = (want[c][0] if c in want else kb, v)
                got = list(r.items())
                if len(got) != len(want):
                    fail(path, "dict-map", f"expected {len(want)} entries, got {len(got)}")
                for i, ((wk, wv), (gk, gv)) in enumerate(zip(want.values(), got)):
                    if not same_scalar(wk, gk):
                        fail(f"{path}.keys()[{i}]", "dict-map", f"expected key {short(wk)} ({type(wk).__name__}), got {short(gk)} ({type(gk).__name__})")
                    walk(f"{path}[{short(gk)}]", wv, gv, d + 1)

    # The root: a value that crosses by value never reaches JS ("A lone value
    # needs no JS-side build", bridge-py/src/convert/to_js.rs; case
    # to_js_python_basic.js: such values "come back unchanged"), except that
    # a str is carried as UTF-16 (norm_str). An object with no rule becomes a
    # JsDoubleProxy (docs "Deep conversion"), made with roundtrip semantics:
    # to_py() of it is a JsDoubleProxy again, whose unwrap() is the object.
    if orig is None or orig is jsnull or isinstance(orig, (bool, int, float, str)):
        want = norm_str(orig) if isinstance(orig, str) else orig
        if not same_scalar(want, res):
            raise Diff("$", "scalar", f"expected {short(want)} ({type(want).__name__}) for {short(orig)} at the root, got {short(res)} ({type(res).__name__})")
        return
    no_rule = not isinstance(orig, (list, tuple, dict, set, JsProxy)) and buffer_info(orig)[0] is None
    if no_rule or id(orig) in walked.proxied or (depth == 0 and is_list_shaped(orig)):
        if type(res).__name__ != "JsDoubleProxy" or res.unwrap() is not orig:
            raise Diff("$", "identity", f"expected a JsDoubleProxy of the original {short(orig)} at the root, got {short(res)}")
        return
    walk("$", orig, res)


def error_diff(err, expected, unchecked):
    got = (type(err).__name__, str(err).strip().splitlines()[-1] if str(err).strip() else "")
    if got == unchecked and got != expected:
        return Diff("$", "depth-checks", f"{got[0]}: {got[1]}, raised for a container at or beyond depth, which must stay a PyProxy unexamined")
    if expected is None:
        return Diff("$", "error", f"unexpected {got[0]}: {got[1]}")
    if got[0] != expected[0] or got[1] != expected[1]:
        return Diff("$", "error", f"expected {expected[0]}: {expected[1]}, got {got[0]}: {got[1]}")
    return None


def outcome_of(message):
    """A predicted error, named by kind (for the fuzzer's tally)."""
    for start, kind in [("Cannot use", "bad key"), ("Key collision", "key collision"), ("Unrecognized format", "unsupported format"), ("TypeError: to_js: a dict", "dict cycle")]:
        if message.startswith(start):
            return kind + (" (set member)" if message.endswith("Javascript Set") else "")
    return message


def trip(src, mode, depth=-1, tolerate=""):
    ns = {"FuzzObj": FuzzObj, "FuzzList": FuzzList, "FuzzDict": FuzzDict, "FuzzSet": FuzzSet, "FuzzFreshList": FuzzFreshList, "FuzzFreshDict": FuzzFreshDict, "jsnull": jsnull, "js": js, "array": array, "collections": collections}
    exec(src, ns)
    root = ns["root"]
    ns.clear()
    expected, walked, unchecked = plan(root, mode, depth)
    known = set()
    proxies = js.Array.new()
    kwargs = {"pyproxies": proxies, "depth": depth}
    if mode == "map":
        kwargs["dict_converter"] = js.Map.new
    out = err = None
    try:
        r = to_js(root, **kwargs)
        out = r.to_py() if isinstance(r, JsProxy) else r
        del r
    except Exception as e:
        err = e
    try:
        if err is not None:
            d = error_diff(err, expected, unchecked)
            if d is not None:
                raise d
        elif expected is not None:
            raise Diff("$", "error", f"expected {expected[0]}: {expected[1]}, but the trip succeeded")
        else:
            compare(root, out, mode, depth, walked, set(tolerate.split(",")) - {""}, known)
    except Diff as d:
        diff = {"path": d.path, "rule": d.rule, "message": d.message, "known": sorted(known)}
    else:
        diff = {"known": sorted(known)} if known else None
    finally:
        # After the comparison, which may still look at the proxies.
        destroy_proxies(proxies)
        del err, out, root, proxies, walked
    outcome = "converted" if expected is None else f"{expected[0]}: {outcome_of(expected[1])}"
    return json.dumps({"outcome": outcome, "diff": diff})
