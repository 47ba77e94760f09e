"""The job timeout fires through text extraction (the job-pipeline issue, bug 1).

Before, RQ's timeout (``JobTimeoutException``, an ``Exception``) raised inside one page was caught by the
per-page guard: that page came back empty, RQ's one alarm was spent, and the job ran on to SUCCESS with
that page's go-backs missing.
"""

from __future__ import annotations

import time

import pytest
from fpdf import FPDF
from rq.timeouts import JobTimeoutException

from engine import read_pdf
from jobs.worker import JobTimeout, NexaWorker


def long_pdf(pages: int) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_font("Helvetica", size=8)
    for p in range(pages):
        pdf.add_page()
        for line in range(60):
            pdf.cell(0, 4, f"Page {p + 1} line {line}: Go-back Infraction: guy guard missing on pole {line}.")
            pdf.ln(4)
    return bytes(pdf.output())


def test_the_worker_timeout_stops_extraction_instead_of_emptying_a_page():
    # a PDF that takes well over the 1 s timeout to read on this machine (a faster machine gets more pages); three
    # times the timeout, so the second read still outlasts it when the machine is less loaded than for the first
    # (with 1.5 s the test failed once under a loaded parallel run: the second read finished inside the second)
    pages = 400
    while True:
        data = long_pdf(pages)
        started = time.monotonic()
        whole = read_pdf(data, max_pages=pages, max_seconds=600)
        full_time = time.monotonic() - started
        if full_time > 3.0 or pages >= 6400:
            break
        pages *= 2
    assert full_time > 3.0, (
        f"the PDF must take longer than 3x the 1 s timeout to read (took {full_time:.2f} s)"
    )
    assert all(whole.pages)
    started = time.monotonic()
    with pytest.raises(JobTimeout):
        with NexaWorker.death_penalty_class(1, JobTimeoutException):
            read_pdf(data, max_pages=pages, max_seconds=600)
    assert time.monotonic() - started < full_time
