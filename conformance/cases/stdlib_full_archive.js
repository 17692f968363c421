// The optional stdlib archive: loadPython({ fullStdLib: true }) also loads
// python313-extra.zip, with the IANA time zone database (zoneinfo works),
// pydoc_data and the pure-Python twins of built-in modules. Without it,
// importing one of those is a ModuleNotFoundError that names the option, and
// zoneinfo's "No time zone found" carries that reason as its context. A
// fullStdLib that is not a boolean is a TypeError.
// expect: [["2:00:00", "CET", true, true, "Decimal"], [true, true, true], "TypeError"]
const full = await ctx.loadPython({ fullStdLib: true });
const withIt = full.runPython(`
import zoneinfo, datetime, pydoc_data.topics, _pydecimal
tz = zoneinfo.ZoneInfo("Europe/Paris")
summer = datetime.datetime(2024, 7, 1, 12, tzinfo=tz)
winter = datetime.datetime(2024, 1, 1, 12, tzinfo=tz)
[str(summer.utcoffset()), winter.tzname(), "Europe/Berlin" in zoneinfo.available_timezones(),
 "assert" in pydoc_data.topics.topics, type(_pydecimal.Decimal(1)).__name__]
`).toJs();
const without = py.runPython(`
import zoneinfo
out = []
try:
    import pydoc_data.topics
    out.append("imported")
except ModuleNotFoundError as e:
    out.append("fullStdLib: true" in str(e))
try:
    zoneinfo.ZoneInfo("Europe/Paris")
    out.append("found")
except zoneinfo.ZoneInfoNotFoundError as e:
    ctx = e.__context__
    while ctx is not None and "fullStdLib" not in str(ctx):
        ctx = ctx.__context__
    out.append(ctx is not None)
try:
    import _pydecimal
    out.append("imported")
except ModuleNotFoundError as e:
    out.append("fullStdLib" in str(e))
out
`).toJs();
let bad;
try {
  await ctx.loadPython({ fullStdLib: "yes" });
  bad = "accepted";
} catch (e) {
  bad = e.name;
}
return [withIt, without, bad];
