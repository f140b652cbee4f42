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
import warnings
from types import TracebackType
from typing import Any, BinaryIO, Optional, Type

# Direct writes start at, and are sizes of, multiples of this (a page: every disk's block divides it).
_ALIGN = mmap.PAGESIZE
_CHUNK = 4 << 20  # a buffer gathered before a direct write
_BUFFERS = 3  # one filled while the others are written, or wait to be


class _Disk:
    """What a ReportFile shares with its writer thread: the file's descriptor, the buffers handed
    over and given back, and the thread's error. The thread holds this, not the ReportFile: a
    ReportFile let go without close() is closed when it is collected, as a file is."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.error: Optional[BaseException] = None  # the writer thread's
        self.free: "queue.SimpleQueue[mmap.mmap]" = queue.SimpleQueue()
        self.full: "queue.SimpleQueue[Optional[mmap.mmap]]" = queue.SimpleQueue()

    def loop(self) -> None:
        """The writer thread: each full buffer written in turn (after an error, only given back),
        until None."""
        while True:
            buffer = self.full.get()
            if buffer is None:
                return
            if self.error is None:
                try:
                    self.write(buffer, _CHUNK)
                except BaseException as err:  # raised by the caller's next write or close
                    self.error = err
            self.free.put(buffer)

    def write(self, buffer: mmap.mmap, size: int) -> None:
        """A buffer's first `size` bytes (a multiple of _ALIGN) written directly."""
        with memoryview(buffer) as view:
            done = 0
            while done < size:
                try:
                    done += os.write(self.fd, view[done:size])
                except OSError as err:
                    if err.errno != errno.EINVAL or done % _ALIGN:
                        raise
                    self.stop_direct()  # opened, but direct writes refused: the ordinary way from here

    def stop_direct(self) -> None:
        import fcntl

        fcntl.fcntl(self.fd, fcntl.F_SETFL, fcntl.fcntl(self.fd, fcntl.F_GETFL) & ~os.O_DIRECT)


class ReportFile:
    """A binary file opened for writing (created or emptied), with ``write(bytes)`` and
    ``close()``; a context manager. Used for ``--out`` of the CLI's JSON report.

    Written directly, each full buffer is written by a thread of its own while the caller fills the
    next one: the caller's thread (which hands the report's blocks over as worker threads format
    them) does not wait for the disk. An error of that thread is raised by the next ``write`` or
    by ``close``. Let go without ``close()``, it is closed when collected (with a ResourceWarning,
    as a file is)."""

    def __init__(self, path: "os.PathLike[str] | str") -> None:
        self._file: Optional[BinaryIO] = None
        self._disk: Optional[_Disk] = None
        self._writer: Optional[threading.Thread] = None
        self._raised = False
        self._closing = False  # close() begun
        self._path = os.fspath(path)
        direct = getattr(os, "O_DIRECT", 0)
        fd = -1
        if direct:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | direct | getattr(os, "O_CLOEXEC", 0), 0o666)
            except OSError as err:
                if err.errno != errno.EINVAL:  # the file system does not write directly: the ordinary way
                    raise
        if fd < 0:
            self._file = open(path, "wb")
            return
        try:
            self._buffer = mmap.mmap(-1, _CHUNK)  # page-aligned, as direct writes need
        except BaseException:
            os.close(fd)
            raise
        self._disk = _Disk(fd)
        self._used = 0
        self._made = 1  # buffers made so far (the others are made as the writer falls behind)

    @property
    def _fd(self) -> int:
        """The descriptor of a file written directly (-1 once closed, or when written the ordinary way)."""
        return self._disk.fd if self._disk is not None else -1

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
        disk = self._disk
        assert disk is not None
        self._raise_error()
        if self._writer is None:
            try:
                writer = threading.Thread(target=disk.loop, name="teamgraph-report-writer", daemon=True)
                writer.start()
                self._writer = writer
            except RuntimeError:  # no thread (the interpreter is shutting down): written here
                disk.write(self._buffer, _CHUNK)
                self._used = 0
                return
        # The next buffer taken before the full one is handed over: if taking it fails or is
        # interrupted, the full one is still this file's own, written once by close().
        try:
            following = disk.free.get_nowait()
        except queue.Empty:
            if self._made < _BUFFERS:
                following = mmap.mmap(-1, _CHUNK)
                self._made += 1
            else:  # every other buffer is being written: the writer gives one back
                following = disk.free.get()
        disk.full.put(self._buffer)
        self._buffer = following
        self._used = 0
        self._raise_error()

    def _raise_error(self) -> None:
        """The writer thread's error, raised once (nothing after it is written)."""
        error = self._disk.error if self._disk is not None else None
        if error is not None and not self._raised:
            self._raised = True
            raise error

    def _stop_writer(self) -> None:
        """Waits for the writer thread to write what it was given, and ends it."""
        if self._writer is not None and self._disk is not None:
            self._disk.full.put(None)
            self._writer.join()
            self._writer = None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            return
        disk = self._disk
        if disk is None or disk.fd < 0:
            return
        self._closing = True
        try:
            self._stop_writer()
            self._raise_error()
            if disk.error is not None:  # raised before: the rest is not written either
                return
            whole = self._used - self._used % _ALIGN
            if whole:
                disk.write(self._buffer, whole)
            if self._used > whole:  # the last part, not a whole block: through the page cache
                disk.stop_direct()
                with memoryview(self._buffer) as view:
                    done = whole
                    while done < self._used:
                        done += os.write(disk.fd, view[done:self._used])
            self._used = 0
        finally:
            self._stop_writer()  # (when the wait above was interrupted)
            os.close(disk.fd)
            disk.fd = -1
            # Let go of the buffers (unmapped once no view of one is left: an error's traceback may hold one).
            del self._buffer, disk.free, disk.full

    def __del__(self) -> None:
        disk = getattr(self, "_disk", None)
        if disk is None or disk.fd < 0:
            return  # written the ordinary way (the file object closes itself), or closed
        try:
            if not self._closing:
                warnings.warn(f"unclosed report file {self._path!r}", ResourceWarning, source=self)
                self.close()
            else:  # close() was interrupted (a second Ctrl-C): nothing more is written, the file let go
                self._stop_writer()
                os.close(disk.fd)
                disk.fd = -1
        except BaseException:  # as a file's finalizer: nothing to raise to
            pass

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
