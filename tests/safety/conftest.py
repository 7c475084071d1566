"""Helpers for the safety tests: small sites on disk, the CLI in-process, output inspection."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fuzz.live_code import check_output  # noqa: F401  (re-exported for the tests)
from tests.corpus import require

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "fixtures" / "hostile"
CORPUS = REPO / ".." / "shared" / "corpus" / "bbc"
SITE_CONFIG = 'search: false\nbase_url: "https://example.org/"\n'


def make_site(
    root: Path,
    content: dict[str, str | bytes] | None = None,
    seeds: dict[str, str | bytes] | None = None,
    config: str = SITE_CONFIG,
) -> Path:
    """A site folder with sitegen.yaml, seeds/ and content/ holding the given files."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "sitegen.yaml").write_text(config, encoding="utf-8")
    for folder, files in (("content", content or {}), ("seeds", seeds or {})):
        for name, data in files.items():
            path = root / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


def briefing(
    title: str = "A quiet day",
    date: str = "2023-10-27",
    tags: str = '["Iraq"]',
    body: str = "Nothing happened.\n",
) -> str:
    """The text of a valid content file."""
    return f"---\ntitle: {title}\ndate: {date}\ntags: {tags}\n---\n{body}"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (relative POSIX path -> bytes)."""
    out = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    """sitegen.cli.main(argv) -> (exit status, stderr)."""
    from sitegen.cli import main

    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


def text_of(page: Path, tag: str = "h1") -> str:
    """The text of the first `tag` element of an HTML page, parsed as a browser would."""
    import html5lib

    root = html5lib.parse(page.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    return "".join(root.find(f".//{tag}").itertext())


def corpus_seeds(count: int) -> list[Path]:
    """The first `count` BBC seeds, or skip when the shared corpus is absent."""
    require(CORPUS)
    return sorted(CORPUS.glob("*.txt"))[:count]
