"""Upload forms for the web pages: one or many PDFs, checked cheaply before anything is stored.

The checks here are the ones a person can fix at the form (wrong file type, too large, too many
files); a file refused on its own is still recorded by the view as a failed job. Deeper problems
(corrupt, encrypted, no text layer) are found by the worker and shown on the jobs page with their
error code.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from engine.pdftext import looks_like_pdf
from nexa.storage import clean_filename

# ValidationError codes of MultiplePdfField that refuse the submission as a whole
WHOLE_SUBMISSION_ERRORS = ("required", "too_many_files")


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that lets the picker (and drag-and-drop) choose several files."""

    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    """A file field whose cleaned value is a list of uploaded PDFs.

    Args:
        max_files: the most files one submission may carry (``None``: read
            ``settings.NEXA_BATCH_MAX_FILES`` at validation time).
        max_bytes: the largest accepted file in bytes (``None``: ``settings.NEXA_MAX_UPLOAD_BYTES``).

    Raises ``ValidationError`` with one plain-words message per problem: no file chosen, too many
    files, an empty file, a file over the size limit, a file that is not a PDF.
    """

    widget = MultipleFileInput

    def __init__(self, *args, max_files: int | None = None, max_bytes: int | None = None, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)
        self._max_files = max_files
        self._max_bytes = max_bytes

    @property
    def max_files(self) -> int:
        """The most files accepted in one submission."""
        return self._max_files or settings.NEXA_BATCH_MAX_FILES

    @property
    def max_bytes(self) -> int:
        """The largest accepted file, in bytes."""
        return self._max_bytes or settings.NEXA_MAX_UPLOAD_BYTES

    def clean(self, data, initial=None):
        """Return the list of uploaded files, or raise ``ValidationError`` listing every problem."""
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            raise forms.ValidationError("Choose at least one PDF file.", code="required")
        if len(files) > self.max_files:
            raise forms.ValidationError(
                f"Too many files: you chose {len(files)}, the limit is {self.max_files} per upload.",
                code="too_many_files",
            )
        errors = []
        for upload in files:
            name = clean_filename(upload.name)
            if not upload.size:
                errors.append(f"{name} is empty (0 bytes).")
                continue
            if upload.size > self.max_bytes:
                errors.append(
                    f"{name} is too large ({filesizeformat(upload.size)}); "
                    f"the limit is {filesizeformat(self.max_bytes)}."
                )
                continue
            if not _starts_like_pdf(upload):
                errors.append(f"{name} is not a PDF file.")
        if errors:
            raise forms.ValidationError(errors)
        return files


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

    def files_refused_one_by_one(self) -> list:
        """The submitted files when the form was refused file by file (empty, too large, not a PDF).

        Returns ``[]`` when the form is unbound or valid, or refused as a whole (nothing chosen,
        too many files: nothing of such a submission is recorded).
        """
        if not self.is_bound or "files" not in self.errors:
            return []
        if any(self.has_error("files", code) for code in WHOLE_SUBMISSION_ERRORS):
            return []
        return [f for f in self.files.getlist("files") if f]
