"""``make eval PDF_TEXT=pdfium``: this directory on PYTHONPATH makes every Python process the scorer starts
read page text with PDFium (``benchmarks.pdfium.use_pdfium``) instead of pypdf."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.pdfium import use_pdfium  # noqa: E402

use_pdfium()
