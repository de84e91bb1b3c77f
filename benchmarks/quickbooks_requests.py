"""How many requests and how long a QuickBooks read takes: against the loopback fakes (a company
with many customers, with and without an expired access token) and the replayed sample company.

    .venv/bin/python benchmarks/quickbooks_requests.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit  # noqa: E402
from tests.fakes.quickbooks_server import FakeQuickBooks, customer, person  # noqa: E402
from wizard.sources import demo, intuit  # noqa: E402
from wizard.sources.quickbooks import QuickBooksClient, make_session  # noqa: E402


def timed_read(customers: int, expired: bool) -> None:
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit) as fake_qbo:
        fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(customers)]
        fake_qbo.lists["Employee"] = [person(i, f"Person {i:04d}") for i in range(250)]
        grant = fake_intuit.issue()
        if expired:
            fake_intuit.expire_access_tokens()
        keys = intuit.AppKeys(CLIENT_ID, CLIENT_SECRET, fake_intuit.discovery_url)
        tokens = intuit.Tokens(REALM, refresh_token=grant.refresh, access_token=grant.access,
                               persist=False, keys_loader=lambda: keys)
        client = QuickBooksClient(make_session(), fake_qbo.url, REALM, tokens)
        start = time.perf_counter()
        data = client.read()
        took = time.perf_counter() - start
        print(f"{customers:6,} customers, access token {'expired' if expired else 'fresh  '}: "
              f"{client.requests_made} API requests, {tokens.refreshes} refresh, "
              f"{len(data.customers or ()):,} read in {took * 1000:.0f} ms")


def main() -> None:
    for customers, expired in ((50, False), (1_150, False), (1_150, True), (5_500, False)):
        timed_read(customers, expired)
    start = time.perf_counter()
    for _ in range(20):
        demo.load_quickbooks()
    print(f"sample company through the replayed client: "
          f"{(time.perf_counter() - start) / 20 * 1000:.1f} ms per read")


if __name__ == "__main__":
    main()
