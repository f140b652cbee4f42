"""Writing a report file a block at a time, straight to the disk where the system allows it.

A report of a million people is gigabytes of JSON. Written through the page cache, each page of
it is first made and copied by the kernel: on a virtual machine that costs seconds of the
writer's time (1.7 GB: 1.1-4.5 s of kernel time on the 2-core machine of benchmarks/README.md),
time the threads formatting the next blocks need. ``ReportFile`` gathers the blocks into a
page-aligned buffer and writes each full buffer with ``O_DIRECT``: the disk reads it from there,
and the writer waits without working. The last part (not a whole number of disk blocks) is
written through the page cache. Where direct writes are not available (no ``O_DIRECT``, or a file
system that refuses it, as tmpfs does) the file is written the ordinary way; the bytes are the
same either way.
"""

from __future__ import annotations

import errno
import mmap
import os
from types import TracebackType
from typing import Any, BinaryIO, Optional, Type

# Direct writes start at, and are sizes of, multiples of this (a page: every disk's block divides it).
_ALIGN = mmap.PAGESIZE
_CHUNK = 8 << 20  # the buffer gathered before a direct write


class ReportFile:
    """A binary file opened for writing (created or emptied), with ``write(bytes)`` and
    ``close()``; a context manager. Used for ``--out`` of the CLI's JSON report."""

    def __init__(self, path: "os.PathLike[str] | str") -> None:
        self._file: Optional[BinaryIO] = None
        self._fd = -1
        direct = getattr(os, "O_DIRECT", 0)
        if direct:
            try:
                self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | direct | getattr(os, "O_CLOEXEC", 0),
                                   0o666)
            except OSError as err:
                if err.errno != errno.EINVAL:  # the file system does not write directly: the ordinary way
                    raise
        if self._fd < 0:
            self._file = open(path, "wb")
            return
        try:
            self._buffer = mmap.mmap(-1, _CHUNK)  # page-aligned, as direct writes need
        except BaseException:
            os.close(self._fd)
            raise
        self._used = 0

    def write(self, data: Any) -> int:
        if self._file is not None:
            return self._file.write(data)
        view = memoryview(data).cast("B")
        size, at = len(view), 0
        while at < size:
            take = min(size - at, _CHUNK - self._used)
            self._buffer[self._used:self._used + take] = view[at:at + take]
            self._used += take
            at += take
            if self._used == _CHUNK:
                self._write_out(_CHUNK)
        return size

    def _write_out(self, size: int) -> None:
        """The buffer's first `size` bytes (a multiple of _ALIGN) written directly, the rest of
        the buffer moved to its start."""
        with memoryview(self._buffer) as view:
            done = 0
            while done < size:
                try:
                    done += os.write(self._fd, view[done:size])
                except OSError as err:
                    if err.errno != errno.EINVAL or done % _ALIGN:
                        raise
                    self._stop_direct()  # opened, but direct writes refused: the ordinary way from here
        rest = self._used - size
        if rest:
            self._buffer.move(0, size, rest)
        self._used = rest

    def _stop_direct(self) -> None:
        import fcntl

        fcntl.fcntl(self._fd, fcntl.F_SETFL, fcntl.fcntl(self._fd, fcntl.F_GETFL) & ~os.O_DIRECT)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            return
        if self._fd < 0:
            return
        try:
            whole = self._used - self._used % _ALIGN
            if whole:
                self._write_out(whole)
            if self._used:  # the last part, not a whole block: through the page cache
                self._stop_direct()
                with memoryview(self._buffer) as view:
                    done = 0
                    while done < self._used:
                        done += os.write(self._fd, view[done:self._used])
                self._used = 0
        finally:
            os.close(self._fd)
            self._fd = -1
            # Let go of the buffer (unmapped once no view of it is left: an error's traceback may hold one).
            del self._buffer

    def __enter__(self) -> "ReportFile":
        return self

    def __exit__(self, kind: Optional[Type[BaseException]], error: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None:
        if error is None:
            self.close()
            return
        # A failed write: the file is closed as it is (as open() leaves it), the error kept.
        try:
            self.close()
        except OSError:
            pass


def write_text(path: "os.PathLike[str] | str", text: str) -> None:
    """`text` as UTF-8 to the file `path` (created or emptied), through ``ReportFile``; where the
    system has no direct writes, as ``Path.write_text`` writes it."""
    if not getattr(os, "O_DIRECT", 0):
        from pathlib import Path

        Path(path).write_text(text, encoding="utf-8")
        return
    with ReportFile(path) as f:
        f.write(text.encode("utf-8"))
