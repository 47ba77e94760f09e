"""Upload forms for the web pages: one or many PDFs, checked cheaply before anything is stored.

The checks here are the ones a person can fix at the form (wrong file type, too large, too many
files). A submission goes through file by file, as the API's batch does: the good files are accepted
and each refused one is listed with its reason (``MultiplePdfField.refused``); only a submission with
no good file at all is refused as a whole. Refused files are not stored and get no job row. Deeper
problems (corrupt, encrypted, no text layer) are found by the worker and shown on the jobs page with
their error code.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from engine import looks_like_pdf
from nexa.storage import clean_filename


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that lets the picker (and drag-and-drop) choose several files."""

    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    """A file field whose cleaned value is a list of uploaded PDFs.

    Args:
        max_files: the most files one submission may carry (``None``: read
            ``settings.NEXA_BATCH_MAX_FILES`` at validation time).
        max_bytes: the largest accepted file in bytes (``None``: ``settings.NEXA_MAX_UPLOAD_BYTES``).

    ``clean`` returns the files that pass and keeps the others in ``refused`` as ``(file name, reason)``;
    it raises ``ValidationError`` when nothing was chosen, too many files were, or no file passes (then
    with one plain-words message per refused file: empty, over the size limit, not a PDF).
    """

    widget = MultipleFileInput

    def __init__(self, *args, max_files: int | None = None, max_bytes: int | None = None, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)
        self._max_files = max_files
        self._max_bytes = max_bytes
        self.refused: list[tuple[str, str]] = []

    @property
    def max_files(self) -> int:
        """The most files accepted in one submission."""
        return self._max_files or settings.NEXA_BATCH_MAX_FILES

    @property
    def max_bytes(self) -> int:
        """The largest accepted file, in bytes."""
        return self._max_bytes or settings.NEXA_MAX_UPLOAD_BYTES

    def clean(self, data, initial=None):
        """Return the list of files that pass; see the class docstring."""
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        self.refused = []
        if not files:
            raise forms.ValidationError("Choose at least one PDF file.", code="required")
        if len(files) > self.max_files:
            raise forms.ValidationError(
                f"Too many files: you chose {len(files)}, the limit is {self.max_files} per upload.",
                code="too_many_files",
            )
        good = []
        for upload in files:
            reason = self._refusal(upload)
            if reason:
                self.refused.append((clean_filename(upload.name), reason))
            else:
                good.append(upload)
        if not good:
            raise forms.ValidationError([f"{name} {reason}" for name, reason in self.refused])
        return good

    def _refusal(self, upload) -> str:
        """Why ``upload`` is refused at the form ("is not a PDF file."), or ``""``."""
        if not upload.size:
            return "is empty (0 bytes)."
        if upload.size > self.max_bytes:
            return f"is too large ({filesizeformat(upload.size)}); the limit is {filesizeformat(self.max_bytes)}."
        if not _starts_like_pdf(upload):
            return "is not a PDF file."
        return ""

    def refusal_message(self) -> str:
        """One sentence listing the refused files with their reasons, or ``""``."""
        if not self.refused:
            return ""
        n = len(self.refused)
        listed = " ".join(f"{name} {reason}" for name, reason in self.refused)
        return f"{n} file{'s were' if n != 1 else ' was'} not accepted and not stored: {listed}"


def _starts_like_pdf(upload) -> bool:
    """True when the first KiB of ``upload`` has the ``%PDF-`` marker; rewinds the file."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    return looks_like_pdf(head)


class AuditUploadForm(forms.Form):
    """One or many audit PDFs (up to ``settings.NEXA_BATCH_MAX_FILES``)."""

    files = MultiplePdfField(
        label="Audit PDFs",
        help_text="One or more audit reports in PDF format.",
    )


def refusal_message(form: forms.Form) -> str:
    """The refused files of ``form``'s ``files`` field (a ``MultiplePdfField``), in one sentence, or ``""``."""
    field = form.fields["files"]
    return field.refusal_message() if isinstance(field, MultiplePdfField) else ""
