"""What the two request-latency benchmarks print alike: the machine's load and each figure's
verdict against issue 15's goal."""

from __future__ import annotations

import os
import statistics

GOAL = 0.35  # wall time / (requests × latency), with the request count unchanged


def load() -> str:
    return "load " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def verdict(ratio: float, sent: int, sent_one_at_a_time: int) -> str:
    """The goal's verdict on a concurrent read, beside the one-at-a-time read's request count."""
    count = "unchanged" if sent == sent_one_at_a_time else "CHANGED"
    return f"  (goal ≤ {GOAL}: {'met' if ratio <= GOAL else 'MISSED'}; request count {count})"


def figure(times: dict[tuple[str, int], list[float]], sent: dict[tuple[str, int], int],
           where: str, workers: int, latency: float) -> tuple[str, float, float, str]:
    """One way of reading, from its runs: how many at once (as printed), the median wall time,
    that over (requests × latency), and the goal's verdict (none for one at a time)."""
    key = (where, workers)
    median = statistics.median(times[key])
    ratio = median / (sent[key] * latency)
    if workers == 1:
        return "one at a time", median, ratio, ""
    return f"{workers} at once   ", median, ratio, verdict(ratio, sent[key], sent[where, 1])
