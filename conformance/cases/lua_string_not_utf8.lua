-- A Lua string that is not UTF-8 does not cross as a JS string (it would lose bytes): a clear error.
-- expect-error: LuaError
-- expect-message: not UTF-8
-- expect-message: js.bytes
return "\xff\xfe"
