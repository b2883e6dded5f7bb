"""Load benchmark of the dashboards: p95 latency at 20 concurrent users, on 127.0.0.1 only.

    python benchmarks/bench_web.py [--users 20] [--seconds 30] [--think 1.0] [--people 20000]

Sets up the demo council (`carelens demo --no-serve`) in a temporary
CARELENS_HOME, serves it with `carelens serve` (gunicorn, 2 workers), signs each
simulated user in, and then each user, for --seconds, asks for a page, waits
--think seconds, and asks again (a closed loop, as locust's users do). It runs
the same load twice in this process: first on the home page (the baseline: a
Django page that reads no measures), then on the overview and measure pages
with varied months and teams. Prints p50/p95/max per page and the target from
issue 7: p95 under 300 ms for the overview and measure pages.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

TARGET_P95_MS = 300
PASSWORD = "bench-web-password-1"  # noqa: S105 (a throwaway demo home)
MEASURES = [
    "discharge_to_residential",
    "reviews_overdue",
    "ascof_2a",
    "homecare_hours_week",
    "new_requests_outcomes",
]
TEAMS = ["", "North+Locality", "Hospital+Discharge+West", "South+Locality"]
MONTHS = ["2025-03", "2024-12", "2024-06"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def carelens() -> str:
    return str(Path(sys.executable).with_name("carelens"))


class User:
    """One signed-in browser session."""

    def __init__(self, base: str, username: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(f"{base}/accounts/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1 only)
            f"{base}/accounts/login/", data=form, headers={"Referer": f"{base}/accounts/login/"}
        )
        landed = self.opener.open(request).geturl()
        if "/accounts/login" in landed:
            raise SystemExit(f"could not sign in as {username}")

    def get(self, path: str) -> float:
        start = time.perf_counter()
        with self.opener.open(self.base + path) as response:
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
        return time.perf_counter() - start


def load(users: list[User], pages, seconds: float, think: float) -> dict[str, list[float]]:
    """Each user asks for pages(rng) in a loop with `think` seconds between requests."""
    timings: dict[str, list[float]] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(index: int, user: User) -> None:
        rng = random.Random(index)  # noqa: S311 (page choice, not security)
        time.sleep(rng.random() * think)  # users do not arrive in step
        while time.monotonic() < stop:
            kind, path = pages(rng)
            elapsed = user.get(path)
            with lock:
                timings.setdefault(kind, []).append(elapsed)
            time.sleep(think)

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def dashboard_page(rng: random.Random) -> tuple[str, str]:
    query = f"?month={rng.choice(MONTHS)}&team={rng.choice(TEAMS)}"
    if rng.random() < 0.5:
        return "overview", f"/performance/{query}"
    return "measure", f"/performance/{rng.choice(MEASURES)}/{query}"


def report(name: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000
    print(
        f"  {name:<10} {len(samples):>6} requests  p50 {statistics.median(ordered) * 1000:7.1f} ms"
        f"  p95 {p95:7.1f} ms  max {ordered[-1] * 1000:7.1f} ms"
    )
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="carelens-bench-web-"))
    env = {**os.environ, "CARELENS_HOME": str(home), "CARELENS_DEMO_PASSWORD": PASSWORD}
    server = None
    try:
        started = time.perf_counter()
        subprocess.run(
            [carelens(), "demo", "--no-serve", "--people", str(args.people)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(
            f"demo council of {args.people:,} people set up in "
            f"{time.perf_counter() - started:.1f} s"
        )
        port = free_port()
        server = subprocess.Popen(
            [carelens(), "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        users = [User(base, "analyst") for _ in range(args.users)]
        started = time.perf_counter()
        users[0].get("/performance/")  # the first view may work the measures out
        print(
            f"first overview (measures worked out or read from the cache): "
            f"{time.perf_counter() - started:.2f} s"
        )
        for worker in range(args.workers * 2):  # every worker process reads the grid once
            users[worker % len(users)].get(f"/performance/{MEASURES[0]}/")
        print(f"{args.users} users, {args.seconds:.0f} s each run, {args.think} s between requests")
        print("baseline: home page")
        baseline = load(users, lambda rng: ("home", "/"), args.seconds, args.think)
        base_p95 = report("home", baseline["home"])
        print("dashboards")
        timings = load(users, dashboard_page, args.seconds, args.think)
        worst = max(report(kind, timings[kind]) for kind in ("overview", "measure"))
        print(f"p95 dashboards / p95 home page: {worst / base_p95:.1f}x")
        verdict = "met" if worst < TARGET_P95_MS else "NOT met"
        print(f"target p95 < {TARGET_P95_MS} ms for overview and measure pages: {verdict}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
