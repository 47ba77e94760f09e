"""``python -m benchmarks``: run every benchmark and print the report (see ``benchmarks.run``)."""

import sys

from benchmarks.run import main

sys.exit(main(sys.argv[1:]))
