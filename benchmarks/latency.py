"""What the two request-latency benchmarks print alike: the machine's load and each figure's
verdict against issue 15's goal."""

from __future__ import annotations

import os

GOAL = 0.35  # wall time / (requests × latency), with the request count unchanged


def load() -> str:
    return "load " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def verdict(ratio: float, sent: int, sent_one_at_a_time: int) -> str:
    """The goal's verdict on a concurrent read, beside the one-at-a-time read's request count."""
    count = "unchanged" if sent == sent_one_at_a_time else "CHANGED"
    return f"  (goal ≤ {GOAL}: {'met' if ratio <= GOAL else 'MISSED'}; request count {count})"
