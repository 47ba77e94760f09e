"""Building an engine ``Library`` from spec text in tests: each document is parsed as the import parses it."""

from __future__ import annotations

from engine import ClauseRecord, Library, parse_spec


def library_of(*documents: tuple[list[str], str]) -> Library:
    """A Library of the clauses of ``documents``, each ``(pages, filename)``: ``pages`` is the text of each
    page (page 1 first), parsed by ``engine.parse_spec`` with its title block read for the identity."""
    records = []
    for pages, filename in documents:
        spec = parse_spec(pages, filename)
        records += [
            ClauseRecord.of(c, document=spec.document_number, title=spec.title, revision=spec.revision)
            for c in spec.clauses
        ]
    return Library(records)
