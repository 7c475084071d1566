"""Run a command and measure its wall time and the peak memory of its process tree.

Memory is sampled two ways: summed RSS (shared copy-on-write pages counted once per process)
and summed PSS (each shared page split among the processes mapping it, so counted once).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass

PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.02


@dataclass
class Figure:
    """One measured run: seconds and peak memory (MB) of the whole process tree."""

    seconds: float
    peak_mb: float  # summed RSS
    peak_pss_mb: float  # summed PSS


def _scan_proc() -> tuple[dict[int, list[int]], dict[int, int]]:
    """One pass over /proc: children by parent pid, and resident bytes by pid."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE
    return children, rss


def _tree(root: int, children: dict[int, list[int]]) -> list[int]:
    """`root` and all its descendants (workers included)."""
    pids, stack = [], [root]
    while stack:
        pid = stack.pop()
        pids.append(pid)
        stack += children.get(pid, [])
    return pids


def _pss(pid: int) -> int | None:
    """Proportional set size in bytes from smaps_rollup; 0 if the process has exited since the
    scan (its pages are gone, so its stale RSS must not stand in), None if unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
        return None
    except ProcessLookupError:  # a zombie
        return 0
    except FileNotFoundError:
        return None if os.path.exists(f"/proc/{pid}") else 0
    except (OSError, ValueError, IndexError):
        return None


def _tree_memory(root: int, pss_above: int = 0) -> tuple[int, int]:
    """Summed RSS and summed PSS (bytes) of `root`'s tree; PSS falls back to RSS per process.

    PSS never exceeds RSS, so when the RSS sum is at most `pss_above` (the peak PSS so far)
    the costly smaps_rollup reads are skipped and 0 is returned for PSS.
    """
    children, rss = _scan_proc()
    pids = _tree(root, children)
    total_rss = sum(rss.get(pid, 0) for pid in pids)
    if total_rss <= pss_above:
        return total_rss, 0
    total_pss = 0
    for pid in pids:
        proportional = _pss(pid) if pid in rss else 0
        total_pss += rss.get(pid, 0) if proportional is None else proportional
    return total_rss, total_pss


class PeakSampler:
    """Samples the tree's memory every 20 ms in a thread; `peak_rss`, `peak_pss`: largest seen (bytes)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss = _tree_memory(self.pid, self.peak_pss)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(SAMPLE_SECONDS)

    def figure(self, seconds: float) -> Figure:
        """A Figure with these peaks in MB."""
        return Figure(seconds, self.peak_rss / 2**20, self.peak_pss / 2**20)


def run(command: list[str], cwd: str | None = None, env: dict | None = None) -> Figure:
    """Run to completion; fail loudly if the command fails."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    with PeakSampler(process.pid) as sampler:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed ({process.returncode}):\n{output.decode(errors='replace')[-3000:]}"
        )
    return sampler.figure(seconds)
