"""The convert manifest (<site>/.sitegen-cache/convert.json) and atomic file writes."""

from __future__ import annotations

import json
import json.encoder
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitegen.convert.site_template import SiteLines

MANIFEST = Path(".sitegen-cache") / "convert.json"
VERSION = 2
_SEED_KEY = re.compile(r'^seed: "((?:[^"\\]|\\.)*)"$', re.M)


@dataclass(frozen=True, slots=True)
class Entry:
    """What we know about one converted seed and the content file written from it."""

    size: int
    mtime_ns: int
    sha256: str
    content: str
    content_sha256: str
    draft: bool = False
    warnings: tuple[
        tuple[int | None, str, str | None], ...
    ] = ()  # repeated while the seed is unchanged
    site: SiteLines | None = (
        None  # its evidence for its source's template, and the template lines it dropped
    )


def load_manifest(site_root: Path) -> dict[str, Entry] | None:
    """Entries by seed name; None when the manifest is missing or unreadable (regenerate)."""
    return read_manifest(site_root)[0]


def read_manifest(site_root: Path) -> tuple[dict[str, Entry] | None, str]:
    """Entries by seed name (None when missing or unreadable) and the digest of the convert
    settings they were made with ("" when not recorded)."""
    try:
        raw = json.loads((site_root / MANIFEST).read_text(encoding="utf-8"))
        if raw.get("version") != VERSION:
            return None, ""
        settings = raw.get("settings", "")
        return {
            name: _entry(entry) for name, entry in raw["seeds"].items()
        }, settings if isinstance(settings, str) else ""
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None, ""


def _entry(raw: dict) -> Entry:
    warnings = tuple((line, message, hint) for line, message, hint in raw.pop("warnings", ()))
    site = raw.pop("site", None)
    if site is not None:
        site = SiteLines(
            site["name"],
            site["story"],
            tuple(site["lines"]),
            tuple(site["kept"]),
            tuple(site["applied"]),
        )
    return Entry(**raw, warnings=warnings, site=site)


def save_manifest(site_root: Path, entries: dict[str, Entry], settings: str = "") -> None:
    """Write the manifest atomically, seeds in sorted order, with the digest of the convert settings."""
    atomic_write(site_root / MANIFEST, manifest_text(entries, settings).encode())


def manifest_text(entries: dict[str, Entry], settings: str = "") -> str:
    """The manifest JSON, exactly as `json.dumps(..., indent=1, sort_keys=True)` writes it, but fast."""
    quote = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]
    tail = (
        f' "settings": {quote(settings)},\n' if settings else ""
    ) + f' "version": {VERSION:d}\n}}\n'
    if not entries:
        return '{\n "seeds": {},\n' + tail
    if any(entry.warnings for entry in entries.values()):  # rare: the plain encoder
        seeds = {name: _as_dict(entry) for name, entry in entries.items()}
        return (
            json.dumps(
                {
                    "seeds": seeds,
                    "version": VERSION,
                    **({"settings": settings} if settings else {}),
                },
                indent=1,
                sort_keys=True,
            )
            + "\n"
        )
    items = []
    for name in sorted(entries):
        entry = entries[name]
        items.append(
            f'  {quote(name)}: {{\n   "content": {quote(entry.content)},\n   "content_sha256": {quote(entry.content_sha256)},\n'
            f'   "draft": {"true" if entry.draft else "false"},\n   "mtime_ns": {int(entry.mtime_ns)},\n'
            f'   "sha256": {quote(entry.sha256)},\n{_site_text(entry.site)}   "size": {int(entry.size)}\n  }}'
        )
    return '{\n "seeds": {\n' + ",\n".join(items) + "\n },\n" + tail


def _site_text(site: SiteLines | None) -> str:
    """The "site" member of an entry as the plain encoder writes it, or "" when there is none."""
    if site is None:
        return ""
    quote = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]

    def keys(values: tuple[str, ...]) -> str:
        return (
            "[\n" + ",\n".join(f"     {quote(value)}" for value in values) + "\n    ]"
            if values
            else "[]"
        )

    return (
        f'   "site": {{\n    "applied": {keys(site.applied)},\n    "kept": {keys(site.kept)},\n    "lines": {keys(site.lines)},\n'
        f'    "name": {quote(site.site)},\n    "story": {quote(site.story)}\n   }},\n'
    )


def _site_dict(site: SiteLines) -> dict:
    return {
        "name": site.site,
        "story": site.story,
        "lines": list(site.lines),
        "kept": list(site.kept),
        "applied": list(site.applied),
    }


def _as_dict(entry: Entry) -> dict:
    fields = {
        "content": entry.content,
        "content_sha256": entry.content_sha256,
        "draft": entry.draft,
        "mtime_ns": entry.mtime_ns,
        "sha256": entry.sha256,
        "size": entry.size,
    }
    if entry.warnings:
        fields["warnings"] = [list(w) for w in entry.warnings]
    if entry.site:
        fields["site"] = _site_dict(entry.site)
    return fields


def atomic_write(path: Path, data: bytes) -> None:
    """Write a temporary file in the same folder, then rename it over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def seed_named_in(data: bytes) -> str | None:
    """The `seed:` value in a content file's front matter, if any."""
    head = data[:4096].decode("utf-8", "replace").split("\n---", 1)[0]
    match = _SEED_KEY.search(head)
    if not match:
        return None
    try:
        value = yaml.safe_load('"' + match.group(1) + '"')
    except yaml.YAMLError:
        return None
    return value if isinstance(value, str) else None
