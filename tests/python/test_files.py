"""ReportFile: a report written straight to the disk where it can be, the same bytes either way."""

from __future__ import annotations

import errno
import os

import pytest

import teamgraph
from teamgraph import files
from teamgraph.cli import main
from teamgraph.files import ReportFile, write_text

direct_io = pytest.mark.skipif(not getattr(os, "O_DIRECT", 0), reason="no O_DIRECT on this system")


def blocks(sizes: list[int]) -> list[bytes]:
    # Distinct bytes at every position, so a block written twice or out of place shows.
    out, at = [], 0
    for size in sizes:
        out.append(bytes((at + k) * 7 % 251 for k in range(size)))
        at += size
    return out


SHAPES = [[], [1], [4095], [4096], [4097], [1] * 300, [65535], [65536], [65537], [70000, 3, 200000, 4096, 1],
          [5000] * 50]


@pytest.mark.parametrize("sizes", SHAPES)
def test_every_shape_of_writes_gives_the_same_bytes(tmp_path, monkeypatch, sizes) -> None:
    monkeypatch.setattr(files, "_CHUNK", 65536)  # many buffers' worth in a small test
    path = tmp_path / "out.bin"
    parts = blocks(sizes)
    with ReportFile(path) as f:
        for part in parts:
            assert f.write(part) == len(part)
    assert path.read_bytes() == b"".join(parts)


@direct_io
def test_a_file_system_that_refuses_direct_opening_is_written_the_ordinary_way(tmp_path, monkeypatch) -> None:
    real_open = os.open

    def refusing(path, flags, *args):
        if flags & os.O_DIRECT:
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing)
    parts = blocks([100000, 7])
    with ReportFile(tmp_path / "out.bin") as f:
        assert f._file is not None
        for part in parts:
            f.write(part)
    assert (tmp_path / "out.bin").read_bytes() == b"".join(parts)


@direct_io
def test_direct_writes_refused_after_opening_go_on_the_ordinary_way(tmp_path, monkeypatch) -> None:
    import fcntl

    monkeypatch.setattr(files, "_CHUNK", 65536)
    real_write = os.write
    refused = []

    def refusing(fd, data):
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            refused.append(len(data))
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", refusing)
    parts = blocks([200000, 5, 70000])
    with ReportFile(tmp_path / "out.bin") as f:
        assert f._file is None  # opened for direct writes
        for part in parts:
            f.write(part)
    assert refused == [65536]  # the first direct write, then none
    assert (tmp_path / "out.bin").read_bytes() == b"".join(parts)


def test_other_errors_are_not_hidden(tmp_path, monkeypatch) -> None:
    with pytest.raises(FileNotFoundError):
        ReportFile(tmp_path / "missing" / "out.bin")
    monkeypatch.setattr(files, "_CHUNK", 65536)

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    f = ReportFile(tmp_path / "out.bin")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as raised:
        with f:
            f.write(b"x" * 200000)
    assert raised.value.errno == errno.ENOSPC
    assert f._fd == -1  # closed all the same


def test_pipes_and_devices_are_written_the_ordinary_way(tmp_path) -> None:
    with ReportFile(os.devnull) as f:
        f.write(b"x" * 100000)
    fifo = tmp_path / "fifo"
    if not hasattr(os, "mkfifo"):
        return
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    with ReportFile(fifo) as f:
        assert f._file is not None
        f.write(b"y" * 100000)
    reader.join()
    assert got == [b"y" * 100000]


def test_reports_written_to_files_are_the_reports(tmp_path) -> None:
    report = teamgraph.assess(teamgraph.read_org(teamgraph.sample_team_path()))
    assert main(["report", "--format", "json", "--out", str(tmp_path / "r.json")]) == 0
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == report.to_json()
    assert main(["report", "--format", "markdown", "--top", "0", "--out", str(tmp_path / "r.md")]) == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == report.to_markdown()
    text = report.to_json(tmp_path / "api.json")
    assert (tmp_path / "api.json").read_text(encoding="utf-8") == text
    write_text(tmp_path / "zh.txt", "团队报告\n")
    assert (tmp_path / "zh.txt").read_bytes() == "团队报告\n".encode("utf-8")


@direct_io
def test_no_file_is_left_open_when_the_buffer_cannot_be_had(tmp_path, monkeypatch) -> None:
    import mmap

    def no_memory(*args):
        raise MemoryError

    monkeypatch.setattr(mmap, "mmap", no_memory)
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    with pytest.raises(MemoryError):
        ReportFile(tmp_path / "out.bin")
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before


@direct_io
def test_a_next_buffer_that_cannot_be_had_loses_and_repeats_nothing(tmp_path, monkeypatch) -> None:
    # The second buffer, made when the first is full, cannot be had: the write fails, and the
    # full buffer is written once, by close, not also by the writer thread.
    import mmap

    monkeypatch.setattr(files, "_CHUNK", 65536)
    real_mmap, made = mmap.mmap, []

    def second_fails(*args):
        made.append(args)
        if len(made) == 2:
            raise MemoryError
        return real_mmap(*args)

    monkeypatch.setattr(mmap, "mmap", second_fails)
    part = blocks([65536])[0]
    path = tmp_path / "out.bin"
    with pytest.raises(MemoryError):
        with ReportFile(path) as f:
            f.write(part)
    assert path.read_bytes() == part


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@direct_io
def test_a_report_file_let_go_without_close_is_written_and_closed_when_collected(tmp_path, monkeypatch) -> None:
    # Its writer thread does not hold it: collected, it writes what it was given (with the warning
    # of an unclosed file), ends its thread and closes its descriptor.
    import gc
    import threading

    monkeypatch.setattr(files, "_CHUNK", 65536)
    parts = blocks([200000, 7])
    threads, descriptors = threading.active_count(), open_descriptors()
    f = ReportFile(tmp_path / "out.bin")
    if f._file is not None:
        pytest.skip("the file system writes the ordinary way")
    for part in parts:
        f.write(part)
    assert threading.active_count() == threads + 1  # its writer
    with pytest.warns(ResourceWarning, match="unclosed report file"):
        del f
        gc.collect()
    assert threading.active_count() == threads and open_descriptors() == descriptors
    assert (tmp_path / "out.bin").read_bytes() == b"".join(parts)


@direct_io
def test_a_close_interrupted_twice_lets_the_file_go_when_collected(tmp_path, monkeypatch) -> None:
    # Two Ctrl-C while close() waits for the writer thread: the second leaves close() before the
    # descriptor is closed; collected, the file waits for its thread and closes it, writing nothing
    # more (no warning: it was being closed).
    import gc
    import threading
    import warnings

    monkeypatch.setattr(files, "_CHUNK", 65536)
    threads, descriptors = threading.active_count(), open_descriptors()
    f = ReportFile(tmp_path / "out.bin")
    if f._file is not None:
        pytest.skip("the file system writes the ordinary way")
    part = blocks([200000])[0]
    f.write(part)
    real_join, interrupts = threading.Thread.join, [2]

    def interrupted(self, *args, **kwargs):
        if interrupts[0]:
            interrupts[0] -= 1
            raise KeyboardInterrupt
        return real_join(self, *args, **kwargs)

    monkeypatch.setattr(threading.Thread, "join", interrupted)
    with pytest.raises(KeyboardInterrupt):
        f.close()
    assert f._fd >= 0 and open_descriptors() == descriptors + 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ResourceWarning
        del f
        gc.collect()
    assert threading.active_count() == threads and open_descriptors() == descriptors
    assert (tmp_path / "out.bin").read_bytes() == part[:3 * 65536]  # the full buffers, not the rest
