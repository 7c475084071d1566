"""Fault injection: SIGKILL `sitegen build` at 50 random moments; output/ is always the last complete site.

After each kill the previous output/ must be byte-identical to what it was (same files, same
bytes), and the next, uninterrupted build must equal a clean build of the same inputs.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.safety.conftest import REPO, SITE_CONFIG, tree
from tests.safety.synthetic import seed_text, write_seeds

KILLS = 50
SEEDS = 250


def _scratch(tmp_path: Path) -> Path:
    """A folder on tmpfs when there is one (many small files), else tmp_path."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        folder = shm / f"sitegen-kill-{os.getpid()}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        return folder
    return tmp_path


def _command(site: Path) -> list[str]:
    return [sys.executable, "-m", "sitegen", "build", "--site", str(site), "-q"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _build(site: Path) -> None:
    result = subprocess.run(_command(site), env=_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def _clean_build(site: Path, scratch: Path) -> dict[str, bytes]:
    """Build a copy of the site's inputs from nothing; return its output tree."""
    clean = scratch / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    clean.mkdir()
    shutil.copytree(site / "seeds", clean / "seeds")
    shutil.copy2(site / "sitegen.yaml", clean / "sitegen.yaml")
    _build(clean)
    return tree(clean / "output")


def _edit(site: Path, rng: random.Random, step: int) -> None:
    """Change the inputs so the next build differs: rewrite, add or delete a seed."""
    seeds = sorted((site / "seeds").glob("*.txt"))
    action = step % 3
    victim = rng.choice(seeds)
    if action == 0:
        day = int(victim.stem.rpartition("-")[2])
        victim.write_text(seed_text(random.Random(day), day, revision=step), encoding="utf-8")
    elif action == 1:
        (site / "seeds" / f"new-{step:03d}.txt").write_text(
            seed_text(rng, 300 + step), encoding="utf-8"
        )
    else:
        victim.unlink()
        for made in (site / "content").glob(
            "*.md"
        ):  # its briefing goes too, so its pages must vanish
            if f'seed: "{victim.name}"' in made.read_text(encoding="utf-8"):
                made.unlink()


def test_sigkill_at_random_moments_never_damages_output(tmp_path: Path) -> None:
    scratch = _scratch(tmp_path)
    try:
        _run_kills(scratch)
    finally:
        if scratch != tmp_path:
            shutil.rmtree(scratch, ignore_errors=True)


def _run_kills(scratch: Path) -> None:
    site = scratch / "site"
    write_seeds(site / "seeds", SEEDS)
    (site / "sitegen.yaml").write_text(SITE_CONFIG, encoding="utf-8")
    _build(site)
    published = tree(site / "output")
    rng = random.Random(20231027)
    _edit(site, rng, 0)
    started = time.perf_counter()
    _build(site)  # an incremental build like the ones killed below: measure how long it takes
    duration = time.perf_counter() - started
    published = tree(site / "output")
    killed_before, killed_after = 0, 0
    for step in range(1, KILLS + 1):
        _edit(site, rng, step)
        moment = rng.uniform(0.0, duration * 1.2)
        process = subprocess.Popen(
            _command(site), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        assert code in (0, -signal.SIGKILL), f"build {step} failed on its own"
        after = tree(site / "output")
        _build(site)  # the next build, uninterrupted, cleans up after the killed one
        current = tree(site / "output")
        assert current == _clean_build(site, scratch), (
            f"after kill {step} at {moment:.3f} s the next build differs from a clean build"
        )
        assert sorted(p.name for p in site.iterdir()) == [
            ".sitegen-cache",
            "content",
            "output",
            "seeds",
            "sitegen.yaml",
        ]  # no staging or previous left
        if (
            code == -signal.SIGKILL and after != current
        ):  # killed before the swap: the previous site, whole and unchanged
            killed_before += 1
            assert sorted(after) == sorted(published), (
                f"kill {step} at {moment:.3f} s: the file list of output/ changed"
            )
            assert after == published, f"kill {step} at {moment:.3f} s: output/ bytes changed"
        elif (
            code == -signal.SIGKILL
        ):  # killed after the swap, while cleaning up: the new site, whole
            killed_after += 1
            assert after == current
        published = current
    print(
        f"{KILLS} builds: {killed_before} killed before the swap, {killed_after} after it, {KILLS - killed_before - killed_after} finished; build ~{duration:.2f} s"
    )
    assert killed_before >= KILLS * 0.5, (
        f"only {killed_before} of {KILLS} builds were killed before they published"
    )
