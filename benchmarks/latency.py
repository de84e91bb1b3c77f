"""What the two request-latency benchmarks print alike: the machine's load and each figure's
verdict against issue 15's goal."""

from __future__ import annotations

import os
import statistics
from collections.abc import Hashable, Mapping, Sequence

GOAL = 0.35  # wall time / (requests × latency), with the request count unchanged


def load() -> str:
    return "load " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def verdict(ratio: float, sent: int, sent_before: int, before: str = "one at a time") -> str:
    """The goal's verdict on a read, beside the request count of the read it replaces."""
    if sent == sent_before:
        count = "unchanged"
    elif sent < sent_before:
        count = f"{sent_before - sent} fewer than {before}"
    else:
        count = f"CHANGED: {sent - sent_before} more than {before}"
    return f"  (goal ≤ {GOAL}: {'met' if ratio <= GOAL else 'MISSED'}; request count {count})"


def figure(times: Mapping[Hashable, Sequence[float]], sent: Mapping[Hashable, int],
           key: Hashable, latency: float) -> tuple[float, float]:
    """One way of reading, from its runs: the median wall time, and that over (requests ×
    latency)."""
    median = statistics.median(times[key])
    return median, median / (sent[key] * latency)
