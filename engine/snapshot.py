"""A built Library saved to a directory and loaded back: each library version is built once, not once
per worker. Plain Python, no Django.

A snapshot directory holds:

- ``library.pickle``: the Library without its BM25 matrices and parsed statements (units, groups,
  document and table facts, the index's document frequencies);
- ``bm25/``: the BM25 index as bm25s saves it, loaded memory-mapped, so workers on one machine share
  its pages through the page cache;
- ``statements.bin`` + ``statements.idx.npy``: every unit's parsed statements, one pickle per unit
  at the offsets of the index file; a unit's statements are read from the memory-mapped file on first
  use (tens of microseconds) instead of parsed (about half a millisecond each, 14 s for a
  2,000-page library);
- ``texts.bin`` + ``texts.idx.npy``: every unit's text (UTF-8), read from the memory-mapped file
  when asked for, so the largest part of a library is shared by the workers of a machine instead of
  copied into each.

Snapshots are written to a temporary directory and renamed into place, so a reader sees a whole
snapshot or none. They are pickles: only this process's own data directory is read, never a file a
user supplied. Their directory name carries ``SNAPSHOT_KEY`` (the engine version, this format and a
digest of the engine's source), so a changed engine never reads an older engine's objects.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import bm25s
import numpy as np

from engine.library import ENGINE_VERSION, Library
from engine.requirements import Statement

FORMAT = 2
_PICKLE = "library.pickle"
_BM25 = "bm25"
_STATEMENTS = "statements"  # statements.bin + statements.idx.npy
_TEXTS = "texts"  # texts.bin + texts.idx.npy


def _source_digest() -> str:
    """SHA-256 (12 hex digits) of the engine package's Python source: any code change gives new keys."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


SNAPSHOT_KEY = f"{ENGINE_VERSION}-f{FORMAT}-{_source_digest()}"


def _random_access(mapped: object) -> None:
    """Tell the kernel a mapping is read at random (``MADV_RANDOM``): no read-ahead, so a worker's
    resident memory holds the pages it read, not their neighbours. No-op where unsupported."""
    advice = getattr(mmap, "MADV_RANDOM", None)
    target = mapped if isinstance(mapped, mmap.mmap) else getattr(mapped, "_mmap", None)
    if advice is not None and isinstance(target, mmap.mmap):
        try:
            target.madvise(advice)
        except OSError:
            pass


class _BlobStore:
    """One byte string per unit, read on demand from a memory-mapped file and its offsets.

    Args:
        directory: a snapshot directory; ``name`` the blob file, ``name`` + ``.idx.npy`` the offsets.
    Raises:
        OSError: the files are missing or unreadable.
    """

    def __init__(self, directory: Path, name: str):
        self._offsets = np.load(directory / f"{name}.idx.npy", mmap_mode="r")
        with open(directory / f"{name}.bin", "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        _random_access(self._data)

    def __len__(self) -> int:
        return max(0, len(self._offsets) - 1)

    def blob(self, unit: int) -> bytes | None:
        """Unit ``unit``'s bytes, or None past the end."""
        if not 0 <= unit < len(self):
            return None
        return self._data[int(self._offsets[unit]) : int(self._offsets[unit + 1])]

    @staticmethod
    def write(directory: Path, name: str, blobs: Iterator[bytes]) -> None:
        """Write ``blobs`` (one per unit, in unit order) as a store ``name`` in ``directory``."""
        offsets = [0]
        with open(directory / f"{name}.bin", "wb") as fh:
            for blob in blobs:
                fh.write(blob)
                offsets.append(offsets[-1] + len(blob))
        np.save(directory / f"{name}.idx.npy", np.asarray(offsets, dtype=np.int64))


class StatementStore(_BlobStore):
    """Parsed statements of every unit, unpickled on demand (``Library.statements``)."""

    def __init__(self, directory: Path):
        super().__init__(directory, _STATEMENTS)

    def get(self, unit: int) -> list[Statement] | None:
        """The statements of unit ``unit`` (a new list each call), or None past the end."""
        blob = self.blob(unit)
        return None if blob is None else pickle.loads(blob)


class TextStore(_BlobStore):
    """Every unit's text, UTF-8 decoded on demand (``Unit.text``)."""

    def __init__(self, directory: Path):
        super().__init__(directory, _TEXTS)

    def text(self, unit: int) -> str:
        """The text of unit ``unit`` ("" past the end)."""
        blob = self.blob(unit)
        return "" if blob is None else blob.decode("utf-8", "surrogatepass")


PARALLEL_MIN_UNITS = 5000  # below this, forking costs more than it saves


def _write_range(library: Library, start: int, end: int, part: Path) -> None:
    """Pickle units ``start`` to ``end`` (exclusive) into ``part``, each blob length-prefixed."""
    with open(part, "wb") as fh:
        for unit in range(start, end):
            blob = pickle.dumps(library.parse_unit(unit), protocol=pickle.HIGHEST_PROTOCOL)
            fh.write(len(blob).to_bytes(8, "little"))
            fh.write(blob)


def _read_range(part: Path) -> Iterator[bytes]:
    with open(part, "rb") as fh:
        while head := fh.read(8):
            yield fh.read(int.from_bytes(head, "little"))


def _statement_blobs(
    library: Library, processes: int, parallel_min_units: int, scratch: Path
) -> Iterator[bytes]:
    """Every unit's pickled statements in unit order. A library of at least ``parallel_min_units`` units
    is split into ``processes`` ranges parsed by forked children (each inherits the library
    copy-on-write, writes its range to a file in ``scratch`` and leaves with ``os._exit``: no cleanup
    of anything inherited, no lock shared with this process); a range whose child failed is parsed
    here instead."""
    count = len(library.units)
    if processes <= 1 or count < parallel_min_units or not hasattr(os, "fork"):
        for unit in range(count):
            yield pickle.dumps(library.parse_unit(unit), protocol=pickle.HIGHEST_PROTOCOL)
        return
    ranges = [(k * count // processes, (k + 1) * count // processes) for k in range(processes)]
    children = []
    for k, (start, end) in enumerate(ranges):
        part = scratch / f"part-{k}"
        pid = os.fork()
        if pid == 0:  # the child: parse, write, leave
            code = 1
            try:
                _write_range(library, start, end, part)
                code = 0
            finally:
                os._exit(code)
        children.append((pid, part, start, end))
    for pid, part, start, end in children:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            _write_range(library, start, end, part)  # the child failed: parse its range here
        yield from _read_range(part)
        part.unlink()


def save(
    library: Library, directory: Path, *, processes: int = 1, parallel_min_units: int = PARALLEL_MIN_UNITS
) -> bool:
    """Write ``library`` as a snapshot at ``directory`` (parsing every unit's statements first).

    Args:
        library: a built Library.
        directory: the snapshot's final path; its parent is created if missing.
        processes: parse statements in this many forked processes (libraries of at least
            ``parallel_min_units`` units; the children only parse and write a file, touching no
            database or socket); 1 parses in this process.
    Returns:
        True when this call put the snapshot in place, False when another process had already.
    Raises:
        OSError: the directory cannot be written (disk full, read-only); nothing is left behind.
    """
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = directory.with_name(f".{directory.name}.tmp-{uuid.uuid4().hex[:8]}")
    tmp.mkdir()
    try:
        scratch = tmp / "parts"
        scratch.mkdir()
        _BlobStore.write(tmp, _STATEMENTS, _statement_blobs(library, processes, parallel_min_units, scratch))
        scratch.rmdir()
        _BlobStore.write(tmp, _TEXTS, (u.text.encode("utf-8", "surrogatepass") for u in library.units))
        bm25 = library.index.bm25
        if bm25 is not None:
            bm25.save(str(tmp / _BM25))
        with open(tmp / _PICKLE, "wb") as fh:
            pickle.dump(library, fh, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            os.rename(tmp, directory)
        except OSError:
            if (directory / _PICKLE).exists():
                return False  # another worker got there first: its snapshot is the same library
            raise
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load(directory: Path) -> Library:
    """The Library saved at ``directory``, its BM25 matrices memory-mapped and its statements read on
    first use.

    Raises:
        FileNotFoundError: no snapshot there.
        Exception: a damaged snapshot (unpickling or bm25s errors); the caller rebuilds it.
    """
    directory = Path(directory)
    with open(directory / _PICKLE, "rb") as fh:
        library: Library = pickle.load(fh)
    if (directory / _BM25).is_dir():
        bm25 = bm25s.BM25.load(str(directory / _BM25), mmap=True)
        for matrix in (bm25.scores or {}).values():
            _random_access(matrix)
        library.index.attach(bm25)
    library.attach_statements(StatementStore(directory))
    library.attach_texts(TextStore(directory))
    return library
