"""Run a command and measure its wall time and the peak summed RSS of its process tree."""
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
    peak_mb: float


def _tree_rss(root: int) -> int:
    """Summed resident bytes of `root` and all its descendants (workers included)."""
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
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


class PeakSampler:
    """Samples the tree's summed RSS every 20 ms in a thread; `peak` is the largest seen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
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
            self.peak = max(self.peak, _tree_rss(self.pid))
            self._stop.wait(SAMPLE_SECONDS)


def run(command: list[str], cwd: str | None = None, env: dict | None = None) -> Figure:
    """Run to completion; fail loudly if the command fails."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    with PeakSampler(process.pid) as sampler:
        output, _ = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{output.decode(errors='replace')[-3000:]}")
    return Figure(seconds, sampler.peak / 2**20)
