"""Test helper: build small audit PDFs with fpdf2 (running header/footer, two-column rows)."""

from __future__ import annotations

from fpdf import FPDF


class _Doc(FPDF):
    def __init__(self, header_text: str = "", footer_text: str = ""):
        super().__init__(format="Letter")
        self.header_text = header_text
        self.footer_text = footer_text
        self.set_auto_page_break(auto=True, margin=20)

    def header(self):
        if self.header_text:
            self.set_font("Helvetica", "B", 9)
            self.cell(0, 6, self.header_text, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        text = f"{self.footer_text}    Page {self.page_no()} of {{nb}}" if self.footer_text else ""
        if text:
            self.cell(0, 6, text)


def build_pdf(blocks: list, header: str = "", footer: str = "", width: float = 0) -> bytes:
    """A PDF from ``blocks``: a str is a paragraph (wrapped by fpdf2 at ``width`` mm, 0 = full),
    ``("row", [cell, ...])`` a table row of equal columns, ``("page",)`` a page break,
    ``("gap",)`` vertical space, ``("bold", text)`` a bold heading line, ``("table", widths, rows)``
    a bordered table whose cells wrap (``widths`` in mm, first row the header)."""
    pdf = _Doc(header, footer)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for b in blocks:
        if isinstance(b, str):
            pdf.multi_cell(width, 5, b, new_x="LMARGIN", new_y="NEXT")
        elif b[0] == "row":
            cells = b[1]
            w = pdf.epw / len(cells)
            for c in cells:
                pdf.cell(w, 6, c)
            pdf.ln(6)
        elif b[0] == "page":
            pdf.add_page()
        elif b[0] == "gap":
            pdf.ln(8)
        elif b[0] == "bold":
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(width, 6, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
        elif b[0] == "table":
            with pdf.table(col_widths=b[1], width=sum(b[1]), text_align="LEFT", line_height=5) as table:
                for cells in b[2]:
                    row = table.row()
                    for c in cells:
                        row.cell(c)
    return bytes(pdf.output())
