"""micropip, the part that needs no package index: install pure-Python wheels
from URLs (`https://…`, `file:///…`, or a path the host can read), and list
what is installed. Installing by name needs an index (PyPI's JSON API), which
this build does not query: such a requirement is an error saying so, unless
the project is installed already."""

import re

import js
import _bridge_wheels as _wheels

__all__ = ["install", "list"]


def _is_wheel_url(req):
    return req.endswith(".whl") or "://" in req


async def install(requirements, keep_going=False, deps=True, credentials=None, pre=False,
                  index_urls=None, *, constraints=None, reinstall=False, verbose=None):
    """Install the wheels named by URL in `requirements` (a string or a list),
    checking their RECORD hashes and resolving their dependencies among
    themselves and what is installed (see `_bridge_wheels`)."""
    if isinstance(requirements, str):
        requirements = [requirements]
    if reinstall:
        raise NotImplementedError("micropip.install(reinstall=True): uninstalling is not supported in this build")
    have = _wheels.installed()
    wheels = []
    for req in requirements:
        if not isinstance(req, str):
            raise TypeError(f"micropip.install: each requirement must be a str, not {type(req).__name__}")
        if _is_wheel_url(req):
            data = await js._helper("readBinary")(req)
            filename = re.split(r"[/\\\\]", req.split("?", 1)[0].split("#", 1)[0])[-1]
            wheels.append((filename, data.to_bytes()))
            continue
        name, spec, marker = _wheels.parse_requirement(req)
        if marker is not None and not _wheels.marker_true(marker):
            continue
        if name in have and _wheels.satisfies(have[name], spec):
            continue
        raise ValueError(
            f"Can't find a pure Python 3 wheel for {req!r}: installing by name needs a package index, "
            "which this build does not query; pass the wheel's URL (https://…/name-1.0-py3-none-any.whl or file:///…)"
        )
    if wheels:
        _wheels.install(wheels, deps=deps)


class _Package:
    def __init__(self, name, version):
        self.name = name
        self.version = version
        self.source = "pybridge"

    def __repr__(self):
        return f"{self.name}=={self.version}"


def list():
    """The installed distributions: `{name: package}`, each with `name`, `version`, `source`."""
    import importlib.metadata

    out = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name and name not in out:
            out[name] = _Package(name, dist.version)
    return out
