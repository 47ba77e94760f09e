"""Where the shared evaluation corpora live (``../shared`` beside the checkout, or ``NEXA_SHARED_DIR``).

Tests that read them are skipped with a reason when they are absent, so ``make test`` passes on a
clone that has only the repository.
"""

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("NEXA_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
EVAL = SHARED / "eval"
CORPUS = SHARED / "corpus"

needs_shared = pytest.mark.skipif(
    not (EVAL / "dev").is_dir() or not CORPUS.is_dir(),
    reason=f"shared corpora not found at {SHARED} (set NEXA_SHARED_DIR)",
)
