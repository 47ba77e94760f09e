"""Spec side of the engine: document identity and clause structure (docs/architecture.md).

``parsing.parse_spec`` is the one pass over a spec's lines; the parts it reads with, each small: ``clauses``
(what a clause is), ``identity`` (title block), ``numbering`` (section chain, sub-items), ``notes``
(exceptions and notes), ``tables`` (tables in the clause stream), ``grid`` (case-by-column tables),
``rows`` (text table rows), ``lines`` (page lines), ``patterns`` (shared patterns), ``screen`` (an audit
uploaded as a spec).
"""
