"""``manage.py import_specs FILE...``: import spec PDFs now, one line per file."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from specs.models import SpecDocument
from specs.services import describe, import_document, register_upload


class Command(BaseCommand):
    help = (
        "Import spec PDFs into the library synchronously (the same import the RQ job runs). "
        "Prints one line per file: imported / duplicate / failed <code>. Exits 1 only when no file "
        "could be imported or was already in the library."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files, **options):
        ok = 0
        for path in files:
            name = os.path.basename(path)
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                self.stdout.write(f"failed unreadable: {exc.strerror or exc} [{name}]")
                continue
            reg = register_upload(data, name)
            if reg.duplicate_of is not None:
                ok += 1
                self.stdout.write(f"duplicate of {describe(reg.duplicate_of)} [{name}]")
                continue
            doc = import_document(reg.document.pk)
            if doc is None:
                self.stdout.write(f"failed import_error: the document disappeared [{name}]")
            elif doc.status == SpecDocument.Status.READY:
                ok += 1
                count = doc.clauses.count()
                note = f" - {doc.import_note}" if doc.import_note else ""
                self.stdout.write(f"imported {describe(doc)} ({count} clauses){note} [{name}]")
            else:
                self.stdout.write(f"failed {doc.error_code}: {doc.error_message} [{name}]")
        if files and not ok:
            raise CommandError("no file could be imported")
