"""Loopback fakes served from a child process, so that a benchmark times the client alone.

A real service answers from its own machines; a fake in the benchmark's own process shares its
interpreter lock with the client under test, and its JSON work is then timed as the client's.
`ChildFakes(setup, *args)` runs `setup(*args)` in a new process: a context manager (a
module-level function, so that it can be named across processes) that serves the fakes and
yields what the parent needs to reach them (picklable: URLs, keys) and a function that returns
and clears the request log (picklable too, e.g. a list of paths).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from contextlib import AbstractContextManager
from multiprocessing.connection import Connection
from typing import Any, Self

Setup = Callable[..., AbstractContextManager[tuple[Any, Callable[[], Any]]]]


def _serve(conn: Connection, setup: Setup, args: tuple[Any, ...]) -> None:
    with setup(*args) as (info, take_log):
        conn.send(info)
        while (command := conn.recv()) != "stop":
            assert command == "log", command
            conn.send(take_log())
    conn.send("stopped")


class ChildFakes:
    """`info` is what `setup` yielded; `take_log()` the requests served since the last call."""

    def __init__(self, setup: Setup, *args: Any) -> None:
        context = multiprocessing.get_context("spawn")  # no threads of ours carried over
        self._conn, child_end = context.Pipe()
        self._process = context.Process(target=_serve, args=(child_end, setup, args),
                                        daemon=True, name="fakes")
        self._process.start()
        child_end.close()
        self.info: Any = self._conn.recv()

    def take_log(self) -> Any:
        self._conn.send("log")
        return self._conn.recv()

    def close(self) -> None:
        if self._process.is_alive():
            self._conn.send("stop")
            self._conn.recv()
        self._process.join(10)
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
