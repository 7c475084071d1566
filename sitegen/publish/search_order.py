"""Make Pagefind's bundle byte-identical from build to build.

Pagefind (1.x) writes its filter indexes, and the list of filters in its metadata file, in
hash-map order, which changes from run to run (Pagefind issue #638: fragments became stable
in 1.3, filters did not). Those files are gzip-compressed CBOR behind a `pagefind_dcd`
signature, named by a hash of their content. Here each filter file's values are sorted, the
metadata file's filter list is sorted by name, and those files are renamed by a hash of
their new content (the JavaScript only fetches them by name), the entry file following.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class Raw(bytes):
    """A CBOR item kept as its encoded bytes (floats, simple values, tags)."""


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    first = data[at]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
    return major, int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    """One CBOR item at `at`: (value, end). Definite lengths only, as Pagefind writes."""
    major, arg, end = _head(data, at)
    if major == 0:
        return arg, end
    if major == 1:
        return -1 - arg, end
    if major in (2, 3):
        chunk = data[end : end + arg]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), end + arg
    if major in (4, 5):
        items = []
        for _ in range(arg * (2 if major == 5 else 1)):
            item, end = decode(data, end)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2], strict=True))), end
    if major == 6:
        _, end = decode(data, end)
    return Raw(data[at:end]), end


def _encode_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def encode(value: Any) -> bytes:
    """CBOR with the shortest heads, as Pagefind writes it (so unchanged items keep their bytes)."""
    if isinstance(value, Raw):
        return bytes(value)
    if isinstance(value, bool) or value is None:
        raise TypeError("no booleans or nulls expected in a Pagefind file")
    if isinstance(value, int):
        return _encode_head(0, value) if value >= 0 else _encode_head(1, -1 - value)
    if isinstance(value, bytes):
        return _encode_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _encode_head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return _encode_head(5, len(value)) + b"".join(
            encode(k) + encode(v) for k, v in value.items()
        )
    raise TypeError(f"cannot encode {type(value).__name__}")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), f"{path.name}: not a Pagefind file"
    value, end = decode(data, len(SIGNATURE))
    assert end == len(data) and encode(value) == data[len(SIGNATURE) :], (
        f"{path.name}: CBOR does not round-trip"
    )
    return value


def _renamed(path: Path, value: Any) -> tuple[Path, bytes, str]:
    """Where value goes (named by its content hash), its compressed bytes, and its new `lang_hash`."""
    head, sep, stem = path.stem.rpartition(
        "."
    )  # "pagefind" "." "en_7425623277", or "" "" "en_72c94ce"
    language, _, old_hash = stem.partition("_")
    data = SIGNATURE + encode(value)
    new_stem = f"{language}_{hashlib.sha256(data).hexdigest()[: len(old_hash)]}"
    return (
        path.with_name(f"{head}{sep}{new_stem}{path.suffix}"),
        gzip.compress(data, compresslevel=9, mtime=0),
        new_stem,
    )


def _sorted_filters(item: Any, renamed: dict[str, str]) -> list | None:
    """The metadata's list of [filter name, filter file] pairs, sorted and renamed; None if item is not it."""
    if not (
        isinstance(item, list)
        and item
        and all(
            isinstance(f, list) and len(f) == 2 and isinstance(f[1], str) and f[1] in renamed
            for f in item
        )
    ):
        return None
    return sorted([name, renamed[old]] for name, old in item)


def stabilise(bundle: Path) -> None:
    """Sort the filter files and the metadata's filter list of a Pagefind bundle, in place.

    Everything is read and checked before anything is written: a bundle this cannot read
    (a future Pagefind format) raises ValueError and is left as Pagefind wrote it.
    """
    writes: list[tuple[Path, Path, bytes]] = []
    renamed: dict[str, str] = {}
    try:
        for path in sorted((bundle / "filter").glob("*.pf_filter")):
            name, values = _read(path)
            target, data, renamed[path.stem] = _renamed(
                path, [name, sorted(values, key=lambda pair: pair[0])]
            )
            writes.append((path, target, data))
        entry_path = bundle / "pagefind-entry.json"
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        for language in entry["languages"].values():
            meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
            meta = [_sorted_filters(item, renamed) or item for item in _read(meta_path)]
            target, data, language["hash"] = _renamed(meta_path, meta)
            writes.append((meta_path, target, data))
    except (AssertionError, KeyError, IndexError, TypeError, ValueError, OSError, EOFError) as exc:
        raise ValueError(
            f"unexpected Pagefind bundle layout ({type(exc).__name__}: {exc})"
        ) from None
    for old, new, data in writes:
        old.unlink()
        new.write_bytes(data)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
