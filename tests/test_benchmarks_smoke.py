"""Smoke test of the benchmark harness: the generators make valid PDFs, the report formats figures.

No timing assertions: ``make bench`` measures; this only keeps the harness from rotting.
"""

import pytest

from benchmarks import generate
from benchmarks.report import Report, Section, fmt, format_table, judge
from benchmarks.server import multipart, percentile, procfile_web_command, unique_pdf
from engine.pdftext import extract_pages

pytestmark = pytest.mark.no_redis


def test_spec_document_is_a_readable_pdf_with_the_drawn_text():
    data, drawn = generate.spec_document(3, 2)
    text = extract_pages(data)
    assert text.page_count == 2
    assert text.pages == [generate.page_text(lines) for lines in drawn]
    first = text.pages[0]
    assert f"Document {generate.spec_number(3)}" in first
    assert "Revision:" in first and "shall" in first
    assert any(line.startswith("Table ") for page in drawn for line in page)


def test_spec_vocabulary_varies_between_documents():
    words = [set(generate.page_text(generate.spec_document(i, 1)[1][0]).split()) for i in (1, 2)]
    assert len(words[0] ^ words[1]) > 50


def test_audit_pdf_has_both_go_back_layouts_and_a_page_per_page():
    data = generate.audit_pdf(seed=1, pages=3, nonce="x")
    pages = extract_pages(data).pages
    assert len(pages) == 3
    joined = "\n".join(pages)
    assert joined.count("Go-back Infraction:") == 3
    assert "INFRACTION #2:" in joined and "PM Number:" in pages[0]
    assert generate.audit_pdf(seed=1, pages=1, nonce="a") != generate.audit_pdf(seed=1, pages=1, nonce="b")


def test_upload_is_about_one_megabyte_and_still_a_pdf():
    data = generate.upload_pdf(1_000_000)
    assert 950_000 < len(data) < 1_050_000
    assert "PM Number:" in extract_pages(data).pages[0]
    unique = unique_pdf(data, "t1")
    assert unique != data and extract_pages(unique).page_count == 1
    body, ctype = multipart(unique, "u.pdf")
    assert ctype.startswith("multipart/form-data; boundary=") and unique in body


def test_fmt_and_table():
    assert fmt(None) == "-"
    assert fmt(12345) == "12,345"
    assert fmt(0.12345) == "0.123"
    assert fmt(1234.5) == "1,234"
    assert fmt(3.14159) == "3.14"
    table = format_table(["what", "ms"], [["extract", 12.5], ["decide", 3.25]])
    lines = table.splitlines()
    assert lines[0].startswith("what") and set(lines[1]) <= {"-", " "}
    assert lines[2].endswith("12.5") and lines[3].endswith("3.25")


def test_report_judges_targets_and_marks_missing_sections():
    report = Report(header=["Nexa benchmarks"])
    figures = {"concurrent": {"rps": 90.0}, "open_loop": {"p99_ms": 42.0}}
    report.sections.append(Section("submit", "Submit", figures=figures, headers=["x"], rows=[[1]]))
    report.sections.append(Section("memory", "Memory", unavailable="audits.library not there"))
    verdicts = {v["target"]: v["status"] for v in judge(report.figures())}
    assert verdicts["submit_p99"] == "met"
    assert verdicts["submit_rate"] == "NOT MET"  # 90 < 150 req/s
    assert verdicts["memory"] == "not available"
    text = report.render()
    assert "not available: audits.library not there" in text
    assert "== Targets" in text and "42.0 ms" in text and "90.0 req/s" in text
    assert report.to_json()["figures"]["memory"]["not_available"]


def test_percentile_and_procfile_command():
    assert percentile([], 99) == 0.0
    assert percentile(list(range(1, 101)), 99) == 99
    assert percentile([5.0], 50) == 5.0
    argv = procfile_web_command(8123)
    assert "gunicorn" in argv and argv[argv.index("--bind") + 1] == "127.0.0.1:8123"
    # the settings come from gunicorn.conf.py, the file run_local reads too
    assert argv[argv.index("-c") + 1] == "gunicorn.conf.py" and "${" not in " ".join(argv)
