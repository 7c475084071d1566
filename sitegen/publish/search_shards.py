"""Which search shard each briefing belongs to: a pure function of the set of briefing URLs.

Each URL is hashed (SHA-256, first 64 bits). The shards are the leaves of a binary trie over
those bits: the root holds every briefing, and a node holding more than `size` briefings is
split into its two children (next bit 0 and 1). A shard is named by its bit path ("s" for the
root, then "s0", "s01", ...).

Why this rule: it depends only on the current URLs, so an incremental build and a clean build
agree; a briefing's hash never changes, so an edit touches only its own shard; adding a
briefing changes one shard, or splits that one shard in two when it grows past `size`; a
removal changes one shard, or merges it with its sibling when both fit in `size` again. No
change ever reshuffles the other shards, and every shard holds at most `size` briefings.
"""

from __future__ import annotations

import hashlib

BITS = 64


def url_hash(url: str) -> int:
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big")


def shards(urls: list[str], size: int) -> dict[str, list[str]]:
    """Shard name -> its URLs (sorted), every shard holding at most `size` URLs."""
    if size < 1:
        raise ValueError("a shard holds at least one briefing")
    out: dict[str, list[str]] = {}
    todo = [("", sorted((url_hash(u), u) for u in set(urls)))]
    while todo:
        path, items = todo.pop()
        if len(items) <= size or len(path) == BITS:
            if items:
                out["s" + path] = sorted(u for _, u in items)
            continue
        shift = BITS - 1 - len(path)
        todo.append((path + "0", [i for i in items if not i[0] >> shift & 1]))
        todo.append((path + "1", [i for i in items if i[0] >> shift & 1]))
    return dict(sorted(out.items()))


def digest(parts: list[str]) -> str:
    """A shard's digest: what its records are made of, in order."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()[:12]
