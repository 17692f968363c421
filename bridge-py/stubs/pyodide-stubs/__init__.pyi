# Type stubs for the pyodide package as pybridge provides it (PEP 561).
from . import code as code, console as console, ffi as ffi, http as http
