"""Progress reports for long calls: a callback (done, total), or a tqdm bar."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from . import _arguments

Callback = Callable[[int, int], Any]


@contextmanager
def reporter(progress: Any, what: str = "draws") -> Iterator[Optional[Callback]]:
    """The callback for `progress`: None or False for none, a callable (done, total) as it is, or
    True for a tqdm bar (closed when the block ends, however it ends)."""
    if progress is None or progress is False:
        yield None
        return
    if callable(progress):
        yield progress
        return
    if progress is not True:
        _arguments.fail("progress", f"got {progress!r}", "True (a tqdm bar), False, or a function (done, total)")
    from tqdm.auto import tqdm  # Debian's python3-tqdm

    bar = tqdm(total=None, desc=what, unit=" draws", leave=False)

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()
