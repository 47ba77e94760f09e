"""Nexa benchmarks: ``make bench`` (``python -m benchmarks``) measures the performance targets of
docs/architecture.md ("Performance targets").

Generated inputs (``benchmarks.generate``, cached by ``benchmarks.inputs``), in-process
measurements (``benchmarks.sections``), real-process ones (``benchmarks.server``: gunicorn and
rqworkers), and the report (``benchmarks.report``): a table on stdout and
``benchmarks/out/results.json``.
"""
