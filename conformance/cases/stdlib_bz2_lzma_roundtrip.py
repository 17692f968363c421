# bz2 and lzma work (libbz2 and xz-utils' liblzma built for wasm32-wasi):
# one-shot and incremental compression round trips, the container formats
# (.xz with a CRC64 check, raw LZMA2 filters, the legacy .lzma "alone" format),
# files through bz2.open / lzma.open, and corrupt input raising the module's
# error rather than crashing.
# expect: "bz2 True True True OSError; lzma True True True True LZMAError"
import bz2, lzma, os, tempfile
_data = bytes(range(256)) * 400 + "héllo wörld ✓".encode() * 1000
_out = []
_c = bz2.compress(_data, 9)
_inc = bz2.BZ2Compressor(1)
_parts = _inc.compress(_data[:5000]) + _inc.compress(_data[5000:]) + _inc.flush()
_path = os.path.join(tempfile.mkdtemp(), "d.bz2")
with bz2.open(_path, "wb") as _f:
    _f.write(_data)
with bz2.open(_path, "rb") as _f:
    _back = _f.read()
os.remove(_path)
try:
    bz2.decompress(b"BZh9" + b"\x00" * 40)
    _bad = "no error"
except OSError as _e:
    _bad = type(_e).__name__
_out.append(f"bz2 {bz2.decompress(_c) == _data and len(_c) < len(_data) // 10} {bz2.decompress(_parts) == _data} {_back == _data} {_bad}")
_x = lzma.compress(_data, check=lzma.CHECK_CRC64)
_raw_filters = [{"id": lzma.FILTER_LZMA2, "preset": 6}]
_raw = lzma.compress(_data, format=lzma.FORMAT_RAW, filters=_raw_filters)
_alone = lzma.compress(_data, format=lzma.FORMAT_ALONE)
_path = os.path.join(tempfile.mkdtemp(), "d.xz")
with lzma.open(_path, "wb", preset=1) as _f:
    _f.write(_data)
with lzma.open(_path, "rb") as _f:
    _back = _f.read()
os.remove(_path)
try:
    lzma.decompress(_x[:20] + b"\xff" * 20 + _x[40:])
    _bad = "no error"
except lzma.LZMAError as _e:
    _bad = type(_e).__name__
_out.append(f"lzma {lzma.decompress(_x) == _data and lzma.is_check_supported(lzma.CHECK_SHA256)} "
            f"{lzma.decompress(_raw, format=lzma.FORMAT_RAW, filters=_raw_filters) == _data} "
            f"{lzma.decompress(_alone) == _data} {_back == _data} {_bad}")
"; ".join(_out)
