"""Knowing when a request has left: its bytes handed to the system, its answer not yet back.

`requests` tells a caller nothing between sending a request and returning its answer. Two
reads want that moment: a fan-out whose first request is the one on the critical path lets the
others start only once it has left (until then they compete with it for the interpreter lock,
a few ms on a busy machine), and the QuickBooks customers list builds its first page's records
once its second page has been asked, not before.

A session mounts `SignallingAdapter` (the QuickBooks reads do); `when_sent(session, url,
callback)` around a request on that session runs `callback` on the requesting thread right
after the request's bytes have been written. A callback must be quick and must not raise: it
runs inside urllib3, between writing the request and reading the answer. Where the moment
can't be known (an adapter of another kind, such as the sample company's replay; a SOCKS
proxy), the callback runs at once, before the request, so nobody waits on it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_waiting = threading.local()  # .callback: what to run once this thread's request has left


def _request_left() -> None:
    callback = getattr(_waiting, "callback", None)
    if callback is not None:
        _waiting.callback = None
        callback()


class _Signalling:
    """Mixed into urllib3's connections: a request's bytes written, it says so."""

    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)  # type: ignore[misc]
        _request_left()


class _SignallingHTTPConnection(_Signalling, HTTPConnection):
    pass


class _SignallingHTTPSConnection(_Signalling, HTTPSConnection):
    pass


class _SignallingHTTPPool(HTTPConnectionPool):
    ConnectionCls = _SignallingHTTPConnection


class _SignallingHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _SignallingHTTPSConnection


_POOLS: dict[str, type[HTTPConnectionPool]] = {"http": _SignallingHTTPPool,
                                               "https": _SignallingHTTPSPool}


def _signalling(manager: PoolManager) -> PoolManager:
    """Direct requests and HTTP(S) proxies: their pools use the connections above. A SOCKS
    manager keeps its own pools (and then nothing signals: see `when_sent`)."""
    plain = {"http": HTTPConnectionPool, "https": HTTPSConnectionPool}
    if manager.pool_classes_by_scheme == plain:
        manager.pool_classes_by_scheme = dict(_POOLS)
    return manager


class SignallingAdapter(HTTPAdapter):
    """An `HTTPAdapter` whose connections say when a request has left (see `when_sent`)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _signalling(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        return _signalling(super().proxy_manager_for(proxy, **proxy_kwargs))


@contextmanager
def when_sent(session: requests.Session, url: str,
              callback: Callable[[], None] | None) -> Iterator[None]:
    """Runs `callback` once: when the first request made in the block on this thread has
    left; at once when `session` can't tell (an adapter other than `SignallingAdapter`); at
    the end of the block when no request left (a connection refused, a SOCKS proxy)."""
    if callback is None:
        yield
        return
    if not isinstance(session.get_adapter(url), SignallingAdapter):
        callback()
        yield
        return
    _waiting.callback = callback
    try:
        yield
    finally:
        _request_left()  # runs it unless the request's leaving already did
