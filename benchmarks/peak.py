"""Run `carelens` in a child process that reports its own peak memory.

A child's ru_maxrss from getrusage includes the parent's memory at fork time on
Linux, so it would overstate the child's peak; the child's own VmHWM does not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

CHILD = """
import atexit, os
def _peak():
    with open('/proc/self/status') as status, open(os.environ['BENCH_PEAK'], 'w') as out:
        out.write(next(line.split()[1] for line in status if line.startswith('VmHWM')))
atexit.register(_peak)
from carelens.cli import main
main()
"""


def run_carelens(args: list[str], peak_file: Path, **env: str):
    """(seconds, peak MB, CompletedProcess) of `carelens ARGS` in a child process."""
    environment = {**os.environ, **env, "BENCH_PEAK": str(peak_file)}
    environment.pop("DATABASE_URL", None)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak_mb = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return seconds, peak_mb, result
