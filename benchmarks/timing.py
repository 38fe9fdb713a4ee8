"""Exact times for `make load` (benchmarks/journeys.py): every request by step and phase,
and the app servers' own CPU time in the measured minute, written to LOAD_TIMES as JSON
when locust quits (benchmarks/load.py reads it)."""

from __future__ import annotations

import json
import os

import gevent
from locust import events

# Every request's time, exact (locust's own table rounds percentiles), by phase: while
# people arrive (sign-ins, tablets enrolled) and once all have (what the targets are about).
TIMES: dict[str, dict[str, list[float]]] = {"arriving": {}, "steady": {}}
ERRORS: dict[str, dict[str, int]] = {"arriving": {}, "steady": {}}
PHASE = ["arriving"]


ARRIVED = [0]
CPU: dict[str, float] = {}  # the app servers' CPU seconds when the minute starts and ends


def app_cpu_seconds() -> float:
    """CPU time of every process serving the app ports (gunicorn masters and workers):
    what the app itself spent, however busy the machine is with other work."""
    ports = [p for p in os.environ.get("LOAD_APP_PORTS", "").split(",") if p]
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = open(f"/proc/{pid}/cmdline", "rb").read()  # noqa: SIM115
            if not any(f"127.0.0.1:{port}".encode() in command for port in ports):
                continue
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: SIM115
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue  # gone meanwhile
    return total


STEADY_SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))


def arrived(environment) -> None:
    """One more person has signed in (or their tablet is enrolled). When all have, the
    measured minute starts, and the run stops when it ends."""
    ARRIVED[0] += 1
    runner = environment.runner
    if PHASE[0] == "arriving" and ARRIVED[0] >= (runner.target_user_count or 0):
        PHASE[0] = "steady"
        CPU["start"] = app_cpu_seconds()
        gevent.spawn_later(STEADY_SECONDS, stop, runner)


def stop(runner) -> None:
    CPU["end"] = app_cpu_seconds()
    runner.quit()


@events.request.add_listener
def record(name, response_time, exception, **_):
    TIMES[PHASE[0]].setdefault(name, []).append(response_time)
    if exception is not None:
        errors = ERRORS[PHASE[0]].setdefault(name, {})
        errors[str(exception)[:200]] = errors.get(str(exception)[:200], 0) + 1


@events.quitting.add_listener
def write_times(**_):
    if path := os.environ.get("LOAD_TIMES"):
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"times": TIMES, "errors": ERRORS, "cpu": CPU}, out)
