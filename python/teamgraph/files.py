"""Writing a report file a block at a time, straight to the disk where the system allows it.

A report of a million people is gigabytes of JSON. Written through the page cache, each page of
it is first made and copied by the kernel: on a virtual machine that costs seconds of the
writer's time (1.7 GB: 1.1-4.5 s of kernel time on the 2-core machine of benchmarks/README.md),
time the threads formatting the next blocks need. ``ReportFile`` gathers the blocks into a
page-aligned buffer and writes each full buffer with ``O_DIRECT``: the disk reads it from there,
and a thread of the file's own waits for it without working, while the caller fills the next
buffer. The last part (not a whole number of disk blocks) is
written through the page cache. Where direct writes are not available (no ``O_DIRECT``, or a file
system that refuses it, as tmpfs does) the file is written the ordinary way; the bytes are the
same either way.
"""

from __future__ import annotations

import errno
import mmap
import os
import queue
import threading
from types import TracebackType
from typing import Any, BinaryIO, Optional, Type

# Direct writes start at, and are sizes of, multiples of this (a page: every disk's block divides it).
_ALIGN = mmap.PAGESIZE
_CHUNK = 4 << 20  # a buffer gathered before a direct write
_BUFFERS = 3  # one filled while the others are written, or wait to be


class ReportFile:
    """A binary file opened for writing (created or emptied), with ``write(bytes)`` and
    ``close()``; a context manager. Used for ``--out`` of the CLI's JSON report.

    Written directly, each full buffer is written by a thread of its own while the caller fills the
    next one: the caller's thread (which hands the report's blocks over as worker threads format
    them) does not wait for the disk. An error of that thread is raised by the next ``write`` or
    by ``close``."""

    def __init__(self, path: "os.PathLike[str] | str") -> None:
        self._file: Optional[BinaryIO] = None
        self._fd = -1
        self._writer: Optional[threading.Thread] = None
        self._error: Optional[BaseException] = None  # the writer thread's
        self._raised = False
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
        self._made = 1  # buffers made so far (the others are made as the writer falls behind)
        self._free: "queue.SimpleQueue[mmap.mmap]" = queue.SimpleQueue()
        self._full: "queue.SimpleQueue[Optional[mmap.mmap]]" = queue.SimpleQueue()

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
                self._hand_over()
        return size

    def _hand_over(self) -> None:
        """The full buffer to the writer thread (started the first time), the next one taken: a
        free one, a new one while fewer than _BUFFERS are made, else the first one written.
        Where no thread can be started, the buffer is written here."""
        self._raise_error()
        if self._writer is None:
            try:
                writer = threading.Thread(target=self._write_loop, name="teamgraph-report-writer", daemon=True)
                writer.start()
                self._writer = writer
            except RuntimeError:  # no thread (the interpreter is shutting down): written here
                self._write_direct(self._buffer, _CHUNK)
                self._used = 0
                return
        # The next buffer taken before the full one is handed over: if taking it fails or is
        # interrupted, the full one is still this file's own, written once by close().
        try:
            following = self._free.get_nowait()
        except queue.Empty:
            if self._made < _BUFFERS:
                following = mmap.mmap(-1, _CHUNK)
                self._made += 1
            else:  # every other buffer is being written: the writer gives one back
                following = self._free.get()
        self._full.put(self._buffer)
        self._buffer = following
        self._used = 0
        self._raise_error()

    def _write_loop(self) -> None:
        """The writer thread: each full buffer written in turn (after an error, only given back),
        until None."""
        while True:
            buffer = self._full.get()
            if buffer is None:
                return
            if self._error is None:
                try:
                    self._write_direct(buffer, _CHUNK)
                except BaseException as err:  # raised by the caller's next write or close
                    self._error = err
            self._free.put(buffer)

    def _raise_error(self) -> None:
        """The writer thread's error, raised once (nothing after it is written)."""
        if self._error is not None and not self._raised:
            self._raised = True
            raise self._error

    def _write_direct(self, buffer: mmap.mmap, size: int) -> None:
        """A buffer's first `size` bytes (a multiple of _ALIGN) written directly."""
        with memoryview(buffer) as view:
            done = 0
            while done < size:
                try:
                    done += os.write(self._fd, view[done:size])
                except OSError as err:
                    if err.errno != errno.EINVAL or done % _ALIGN:
                        raise
                    self._stop_direct()  # opened, but direct writes refused: the ordinary way from here

    def _stop_direct(self) -> None:
        import fcntl

        fcntl.fcntl(self._fd, fcntl.F_SETFL, fcntl.fcntl(self._fd, fcntl.F_GETFL) & ~os.O_DIRECT)

    def _stop_writer(self) -> None:
        """Waits for the writer thread to write what it was given, and ends it."""
        if self._writer is not None:
            self._full.put(None)
            self._writer.join()
            self._writer = None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            return
        if self._fd < 0:
            return
        try:
            self._stop_writer()
            self._raise_error()
            if self._error is not None:  # raised before: the rest is not written either
                return
            whole = self._used - self._used % _ALIGN
            if whole:
                self._write_direct(self._buffer, whole)
            if self._used > whole:  # the last part, not a whole block: through the page cache
                self._stop_direct()
                with memoryview(self._buffer) as view:
                    done = whole
                    while done < self._used:
                        done += os.write(self._fd, view[done:self._used])
            self._used = 0
        finally:
            self._stop_writer()  # (when the wait above was interrupted)
            os.close(self._fd)
            self._fd = -1
            # Let go of the buffers (unmapped once no view of one is left: an error's traceback may hold one).
            del self._buffer, self._free, self._full

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
