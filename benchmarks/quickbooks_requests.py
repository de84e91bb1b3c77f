"""How many requests and how long a QuickBooks read takes: against the loopback fakes (a company
with many customers, with and without an expired access token) and the replayed sample company;
then, over a fake with latency, one request at a time (workers=1, the read before issue 15)
against the client's default pool, as wall time / (requests × latency).

    .venv/bin/python benchmarks/quickbooks_requests.py [--latency 0.1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit  # noqa: E402
from tests.fakes.quickbooks_server import FakeQuickBooks, customer, person  # noqa: E402
from wizard.sources import demo, intuit  # noqa: E402
from wizard.sources.quickbooks import WORKERS, QuickBooksClient, make_session  # noqa: E402


def timed_read(customers: int, expired: bool, latency: float = 0.0, workers: int = WORKERS,
               quiet: bool = False) -> tuple[float, int]:
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit, latency=latency) as fake_qbo:
        fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(customers)]
        fake_qbo.lists["Employee"] = [person(i, f"Person {i:04d}") for i in range(250)]
        grant = fake_intuit.issue()
        if expired:
            fake_intuit.expire_access_tokens()
        keys = intuit.AppKeys(CLIENT_ID, CLIENT_SECRET, fake_intuit.discovery_url)
        tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                               persist=False, keys_loader=lambda: keys)
        client = QuickBooksClient(make_session(), fake_qbo.url, REALM, tokens, workers=workers)
        start = time.perf_counter()
        data = client.read()
        took = time.perf_counter() - start
        client.session.close()
        if quiet:
            return took, client.requests_made
        print(f"{customers:6,} customers, access token {'expired' if expired else 'fresh  '}: "
              f"{client.requests_made} API requests, {tokens.refreshes} refresh, "
              f"{len(data.customers or ()):,} read in {took * 1000:.0f} ms")
        return took, client.requests_made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for customers, expired in ((50, False), (1_150, False), (1_150, True), (5_500, False)):
        timed_read(customers, expired)
    for customers in (1_150, 30_000):
        times: dict[int, list[float]] = {1: [], WORKERS: []}
        sent: dict[int, int] = {}
        for _ in range(args.runs):
            for workers in (1, WORKERS):
                took, sent[workers] = timed_read(customers, False, args.latency, workers, True)
                times[workers].append(took)
        print(f"{customers:,} customers over {args.latency * 1000:.0f} ms latency "
              f"(median of {args.runs}, alternating):")
        for workers in (1, WORKERS):
            median = statistics.median(times[workers])
            print(f"  {'one at a time' if workers == 1 else f'{workers} at once   '}: "
                  f"{sent[workers]} requests, {median:.2f} s, wall / (requests × latency) = "
                  f"{median / (sent[workers] * args.latency):.2f}")
    start = time.perf_counter()
    for _ in range(20):
        demo.load_quickbooks()
    print(f"sample company through the replayed client: "
          f"{(time.perf_counter() - start) / 20 * 1000:.1f} ms per read")


if __name__ == "__main__":
    main()
