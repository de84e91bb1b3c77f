"""How many requests and how long a QuickBooks read takes: against the loopback fakes (a company
with many customers, with and without an expired access token) and the replayed sample company;
then, over a fake with latency, one request at a time (workers=1, the read before issue 15)
against the client's default pool, as wall time / (requests × latency) (goal ≤ 0.35, issue 15).

    .venv/bin/python benchmarks/quickbooks_requests.py [--latency 0.1]

Where the fakes run for the latency figures (changed in issue 15's last round; both ways are
measured in every run, alternating, so that the change of method is visible beside its
effect): in **their own process** (the figure against the goal: a real service answers from its
own machines, so only the client runs in the timed process; `tests.fakes.child_process`), and
in **this process** (how it was measured before: the fakes' JSON encoding then shares the
client's interpreter lock and is timed as the client's).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import latency  # noqa: E402
from benchmarks.latency import load  # noqa: E402
from tests.fakes.child_process import ChildFakes  # noqa: E402
from tests.fakes.intuit_server import CLIENT_ID, CLIENT_SECRET, REALM, FakeIntuit  # noqa: E402
from tests.fakes.quickbooks_server import FakeQuickBooks, customer, person  # noqa: E402
from wizard.sources import demo, intuit  # noqa: E402
from wizard.sources.quickbooks import WORKERS, QuickBooksClient, make_session  # noqa: E402

WHERE = {"own": "fakes in their own process", "here": "fakes in this process (as before)"}


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


@contextmanager
def company_fakes(customers: int, latency: float, keep_answers: bool = True
                  ) -> Iterator[tuple[tuple[str, str, str, str], Callable[[], int]]]:
    """Intuit and a company of `customers` customers and 250 employees; yields the API URL, a
    fresh grant and the discovery URL, and a function that returns (and clears) the number of
    API requests served since the last call. The fake encodes each answer once
    (`keep_answers`), as the Clockify fake does."""
    with FakeIntuit() as fake_intuit, FakeQuickBooks(fake_intuit, latency=latency) as fake_qbo:
        fake_qbo.lists["Customer"] = [customer(i, f"Customer {i:05d}") for i in range(customers)]
        fake_qbo.lists["Employee"] = [person(i, f"Person {i:04d}") for i in range(250)]
        fake_qbo.keep_answers = keep_answers
        grant = fake_intuit.issue()

        def take_log() -> int:
            served = len(fake_qbo.requests)
            fake_qbo.requests.clear()
            return served

        yield (fake_qbo.url, grant.access, grant.refresh, fake_intuit.discovery_url), take_log


def latency_read(info: tuple[str, str, str, str], take_log: Callable[[], int],
                 workers: int) -> tuple[float, int]:
    url, access, refresh, discovery_url = info
    take_log()
    keys = intuit.AppKeys(CLIENT_ID, CLIENT_SECRET, discovery_url)
    tokens = intuit.Tokens(REALM, refresh_token=refresh, access_token=access, persist=False,
                           keys_loader=lambda: keys)
    client = QuickBooksClient(make_session(), url, REALM, tokens, workers=workers)
    start = time.perf_counter()
    client.read()
    took = time.perf_counter() - start
    client.session.close()
    assert take_log() == client.requests_made
    return took, client.requests_made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for customers, expired in ((50, False), (1_150, False), (1_150, True), (5_500, False)):
        timed_read(customers, expired)
    for customers in (1_150, 30_000):
        with ExitStack() as stack:
            child = stack.enter_context(ChildFakes(company_fakes, customers, args.latency))
            here = stack.enter_context(company_fakes(customers, args.latency))
            fakes = {"own": (child.info, child.take_log), "here": here}
            for where in WHERE:  # warm-up
                latency_read(*fakes[where], WORKERS)
            before = load()
            times: dict[tuple[str, int], list[float]] = {}
            sent: dict[tuple[str, int], int] = {}
            for _ in range(args.runs):
                for where in WHERE:
                    for workers in (1, WORKERS):
                        took, sent[where, workers] = latency_read(*fakes[where], workers)
                        times.setdefault((where, workers), []).append(took)
            print(f"{customers:,} customers over {args.latency * 1000:.0f} ms latency "
                  f"(median of {args.runs}, alternating; {before} → {load()}):")
            for where, title in WHERE.items():
                print(f"  {title}:")
                for workers in (1, WORKERS):
                    median, ratio = latency.figure(times, sent, (where, workers), args.latency)
                    what, verdict = "one at a time", ""
                    if workers > 1:
                        what = f"{workers} at once   "
                        verdict = latency.verdict(ratio, sent[where, workers], sent[where, 1])
                    print(f"    {what}: {sent[where, workers]} requests, {median:.2f} s, "
                          f"wall / (requests × latency) = {ratio:.3f}{verdict}")
    start = time.perf_counter()
    for _ in range(20):
        demo.load_quickbooks()
    print(f"sample company through the replayed client: "
          f"{(time.perf_counter() - start) / 20 * 1000:.1f} ms per read")


if __name__ == "__main__":
    main()
