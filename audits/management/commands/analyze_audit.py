"""``manage.py analyze_audit [--json] FILE...``: analyse audit PDFs now against the current spec library."""

from __future__ import annotations

import hashlib
import json
import logging
import os

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand

from audits.confidence import confidence_label
from audits.models import Audit
from audits.services import analyze_audit, failure_result
from engine import PdfError
from nexa.storage import clean_filename

CLI_USER = "cli"

log = logging.getLogger(__name__)


def cli_user():
    """The system user that owns audits analysed from the command line (unusable password)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=CLI_USER, defaults={"is_active": True})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def analyze_file(path: str, owner) -> dict:
    """Store ``path`` as an Audit of ``owner``, analyse it and return the docs/architecture.md result.

    Never raises for bad input: an unreadable or bad PDF, or an empty library, gives the FAILURE object.
    """
    name = clean_filename(os.path.basename(path))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return failure_result(name, "unreadable", f"Cannot read the file: {exc.strerror or exc}")
    audit = Audit(
        owner=owner,
        original_filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
    )
    audit.file.save(name, ContentFile(data), save=True)
    try:
        return analyze_audit(audit)
    except PdfError as exc:
        return failure_result(name, exc.code, exc.message)
    except Exception as exc:  # one bad file must not stop the others
        log.exception("analysis of %s failed", name)
        return failure_result(name, "analysis_error", f"The analysis failed: {exc.__class__.__name__}")


def format_report(result: dict) -> str:
    """A readable report of one §3 result."""
    lines = [f"== {result['file']}"]
    if result["status"] != "SUCCESS":
        err = result.get("error") or {}
        lines.append(f"FAILURE {err.get('code')}: {err.get('message')}")
        return "\n".join(lines)
    meta = result.get("audit") or {}
    ident = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in meta.items() if v)
    if ident:
        lines.append(ident)
    s = result["summary"]
    lines.append(
        f"{result['infractions_found']} infraction(s): {s['repealable']} repealable, {s['valid']} valid, "
        f"{s['needs_review']} need review"
    )
    for w in result.get("warnings") or []:
        lines.append(f"warning: {w}")
    for inf in result["infractions"]:
        lines.append("")
        lines.append(
            f"[{inf['status']} {confidence_label(inf['confidence'])}] {inf['code']} (page {inf['page']})"
        )
        lines.append(f"  {inf['description']}")
        if inf.get("reason"):
            lines.append(f"  reason: {inf['reason']}")
        for c in inf.get("citations", [])[:2]:
            rev = f" rev {c['revision']}" if c.get("revision") else ""
            lines.append(f"  cites {c['document']}{rev} §{c['section']} p.{c['page']}: {c['quote'][:120]}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Analyse audit PDFs synchronously against the current spec library. Prints a readable report, or "
        "with --json the result object (an array for several files). A bad file gives its FAILURE object."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the docs/architecture.md JSON only"
        )

    def handle(self, *args, files, as_json: bool = False, **options):
        owner = cli_user()
        results = [analyze_file(path, owner) for path in files]
        if as_json:
            payload = results[0] if len(results) == 1 else results
            self.stdout.write(_dumps(payload))
            return
        self.stdout.write("\n\n".join(format_report(r) for r in results))


def _dumps(payload) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)
