"""`sitegen convert --explain SEED`: what the converter chose for one seed and why, without writing anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GERMAN = """Stadtrat beschließt neuen Haushalt - Lokales - Musterstädter Anzeiger

Startseite
Lokales
Sport
Kultur

Stadtrat beschließt neuen Haushalt

Von
Erika Mustermann

Veröffentlicht am 6. November 2023, 11:41 Uhr

Der Stadtrat hat am Montagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit einer knappen Mehrheit.

Die Ausgaben für Schulen und den Nahverkehr steigen deutlich, während bei der Verwaltung gespart werden soll, wie der Kämmerer sagte.

Weitere Artikel
Neue Buslinie ab 1. Dezember 2023
Schwimmbad öffnet am 20. November 2023 wieder

© 2023 Musterstädter Anzeiger
Impressum
Datenschutz
"""


def explain(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "convert", "--site", str(site), "--explain", *args],
        capture_output=True,
        text=True,
    )


def test_explain_names_each_choice_its_line_and_what_it_passed_over(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "haushalt.txt").write_text(GERMAN, encoding="utf-8")
    result = explain(tmp_path, "haushalt.txt")  # a bare name is looked up in the seeds folder
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "language: de" in out
    assert "headline: 'Stadtrat beschließt neuen Haushalt' (line 1, repeated on line 8)" in out
    assert (
        "repeated on line 8" in out.split("source:")[0].split("\n", 3)[3]
    )  # the evidence counts lines as the headline does
    assert "source: 'Musterstädter Anzeiger'" in out
    assert "author: 'Erika Mustermann'" in out
    assert "date: 2023-11-06" in out and "(line 13)" in out
    assert "passed over" in out and "2023-12-01" in out  # a date of another story, with the reason
    assert "Impressum" in out  # dropped as furniture, named
    assert not (tmp_path / "content").exists()  # nothing written
    assert "Traceback" not in result.stderr


def test_explain_a_missing_seed_is_a_usage_error(tmp_path):
    (tmp_path / "seeds").mkdir()
    result = explain(tmp_path, "nosuch.txt")
    assert result.returncode == 2
    assert "seed not found: nosuch.txt" in result.stderr and "Traceback" not in result.stderr


def test_explain_a_bad_seed_names_it_and_fails(tmp_path):
    (tmp_path / "seeds").mkdir()
    bad = tmp_path / "seeds" / "empty.txt"
    bad.write_bytes(b"")
    result = explain(tmp_path, str(bad))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "seed rejected: empty file" in result.stderr
    assert "Traceback" not in result.stderr


REVIEW = """A new play opens in the West End

Published: 6 November 2023

The play opens at a West End theatre on Friday, with a cast of six on a bare stage.

At this stage the director will not say how long the play will run. The midfielder who plays a goalkeeper in the second act bows last.
"""


def test_explain_shows_why_each_topic_was_given_and_passed_over(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "review.txt").write_text(REVIEW, encoding="utf-8")
    out = explain(tmp_path, "review.txt").stdout
    assert "topics: Theatre (main group: culture)" in out
    given = next(line for line in out.splitlines() if line.startswith("  given Theatre"))
    assert (
        "[culture]" in given and "1 in headline" in given and "weak" in given
    )  # the evidence, by place
    football = next(line for line in out.splitlines() if line.startswith("  passed over Football"))
    assert (
        "outside the story's main group (culture)" in football
    )  # a candidate refused, with the reason
