"""Library snapshots (engine.snapshot): a library saved once and loaded by every worker decides exactly as
the library it was saved from. Plain Python: no Django settings."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from engine import ClauseRecord, Library, decide, snapshot
from engine.pdftext import extract_pages
from engine.spec.parsing import parse_spec

CORPORA = sorted((Path(__file__).parent / "corpora").glob("realtext-*"))


def _corpus_library(corpus: Path) -> tuple[Library, list[str]]:
    """The corpus's specs as the import stores them, and every infraction text its audits hold."""
    exp = json.loads((corpus / "expected.json").read_text())
    records = []
    for spec in exp["specs"]:
        path = corpus / spec["file"]
        parsed = parse_spec(extract_pages(str(path)).pages, str(path))
        records += [
            ClauseRecord.of(c, document=parsed.document_number, title=parsed.title, revision=parsed.revision)
            for c in parsed.clauses
        ]
    texts = [i["text"] for a in exp["audits"] for i in a.get("infractions", [])]
    return Library(records), texts


def _outcome(d) -> tuple:
    return (
        d.verdict,
        d.confidence,
        d.reason,
        [(c["document"], c["section"], c["page"], c["quote"]) for c in d.citations],
    )


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_a_saved_library_decides_every_infraction_as_the_library_it_was_saved_from(corpus, tmp_path):
    built, texts = _corpus_library(corpus)
    assert texts
    expected = [_outcome(decide(t, {}, built)) for t in texts]
    assert snapshot.save(built, tmp_path / "snap") is True
    loaded = snapshot.load(tmp_path / "snap")
    assert len(loaded) == len(built) and len(loaded.units) == len(built.units)
    assert [_outcome(decide(t, {}, loaded)) for t in texts] == expected


def test_statements_come_from_the_snapshot_not_from_parsing_again(tmp_path, monkeypatch):
    built, _ = _corpus_library(CORPORA[0])
    snapshot.save(built, tmp_path / "snap")
    loaded = snapshot.load(tmp_path / "snap")

    def parse_unit(unit):
        raise AssertionError(f"unit {unit} was parsed again")

    monkeypatch.setattr(loaded, "parse_unit", parse_unit)
    for unit in range(len(loaded.units)):
        assert [s.text for s in loaded.statements(unit)] == [s.text for s in built.statements(unit)]


def test_a_second_save_of_the_same_version_keeps_the_first(tmp_path):
    built, _ = _corpus_library(CORPORA[0])
    assert snapshot.save(built, tmp_path / "snap") is True
    assert snapshot.save(built, tmp_path / "snap") is False
    assert snapshot.load(tmp_path / "snap").units[0].text == built.units[0].text
    assert [p.name for p in tmp_path.iterdir()] == ["snap"]  # no half-written copy left behind


def test_an_empty_library_round_trips(tmp_path):
    snapshot.save(Library([]), tmp_path / "snap")
    loaded = snapshot.load(tmp_path / "snap")
    assert len(loaded) == 0
    assert decide("Crossarm out of level by 2 degrees.", {}, loaded).verdict == "NEEDS_REVIEW"


def test_a_damaged_snapshot_raises_for_the_caller_to_rebuild(tmp_path):
    built, _ = _corpus_library(CORPORA[0])
    snapshot.save(built, tmp_path / "snap")
    (tmp_path / "snap" / "library.pickle").write_bytes(b"not a pickle")
    with pytest.raises(pickle.UnpicklingError):
        snapshot.load(tmp_path / "snap")
    with pytest.raises(FileNotFoundError):
        snapshot.load(tmp_path / "missing")


def test_the_snapshot_key_changes_with_the_engine_source():
    """Objects pickled by one engine are never read by another: the key carries a digest of its source."""
    from engine.library import ENGINE_VERSION

    assert snapshot.SNAPSHOT_KEY.startswith(f"{ENGINE_VERSION}-f{snapshot.FORMAT}-")
    assert len(snapshot.SNAPSHOT_KEY.rsplit("-", 1)[1]) == 12


def test_statements_parsed_by_forked_processes_are_the_same(tmp_path):
    built, texts = _corpus_library(CORPORA[0])
    snapshot.save(built, tmp_path / "one")
    snapshot.save(built, tmp_path / "two", processes=2, parallel_min_units=0)
    one, two = snapshot.load(tmp_path / "one"), snapshot.load(tmp_path / "two")
    assert (tmp_path / "one" / "statements.bin").read_bytes() == (
        tmp_path / "two" / "statements.bin"
    ).read_bytes()
    assert [_outcome(decide(t, {}, two)) for t in texts] == [_outcome(decide(t, {}, one)) for t in texts]
