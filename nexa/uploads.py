"""Bounded request bodies: nothing large is read, let alone written to disk, before the client is known.

``RequestBodyLimitMiddleware`` (after ``AuthenticationMiddleware``, before anything reads
``request.POST``/``FILES``; CSRF's check reads the form only in ``process_view``, later) looks at
the headers only:

- ``Transfer-Encoding: chunked`` (no ``Content-Length``): ``411`` ``length_required``. Behind
  gunicorn the WSGI request has no length, so Django would read an empty body and the view would
  answer ``no_file``; the client is told to send a length instead.
- a client that is not signed in (no session user, no valid ``Authorization: Token``) and declares
  more than ``settings.NEXA_ANON_MAX_BODY_BYTES`` (64 KiB: the login form and the CSRF check need
  far less): ``413`` at once, the body unread.
- a signed-in client declaring more than the request limit (``NEXA_MAX_REQUEST_BYTES`` for a
  single-file endpoint, ``NEXA_MAX_BATCH_REQUEST_BYTES`` elsewhere): ``413`` at once, the body unread.

Within the declared limit, ``BoundedFileUploadHandler`` (installed first on every request) stops
storing a file once it passes ``settings.NEXA_MAX_UPLOAD_BYTES``: the bytes already buffered or
written by Django's handlers are dropped at once, the rest of that file is read and discarded, and
the view receives an ``OversizeUpload`` (``size`` = the bytes sent, no content) that the usual
checks record as ``too_large`` (``413``). At most the limit plus one chunk (64 KiB) is ever held.

413/411 answers carry ``{"error": {"code", "message"}}`` (JSON) like the API's other refusals.
"""

from __future__ import annotations

import hashlib
import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import JsonResponse

from engine import NOT_A_PDF, TOO_LARGE, PdfError, looks_like_pdf

LENGTH_REQUIRED = "length_required"
# Paths that take one file: their request limit is one file plus form overhead.
SINGLE_FILE_PATHS = frozenset({"/analyze-audit-async", "/analyze-audit"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def check_upload(uploaded_file) -> None:
    """Cheap checks on an upload, without parsing it.

    Args:
        uploaded_file: a Django ``UploadedFile`` (or any file object with ``size``/``read``/``seek``).

    Raises:
        PdfError: ``too_large`` above ``settings.NEXA_MAX_UPLOAD_BYTES``; ``not_a_pdf`` when the
            first KiB has no ``%PDF-`` header (an empty file included).
    """
    size = uploaded_file.size or 0
    if size > settings.NEXA_MAX_UPLOAD_BYTES:
        raise PdfError(
            TOO_LARGE,
            f"The file is {size} bytes; the limit is {settings.NEXA_MAX_UPLOAD_BYTES} bytes.",
        )
    uploaded_file.seek(0)
    head = uploaded_file.read(1024)
    uploaded_file.seek(0)
    if not looks_like_pdf(head):
        raise PdfError(NOT_A_PDF, "The file is not a PDF (no %PDF- header).")


class OversizeUpload(UploadedFile):
    """Stands in for a file that passed ``NEXA_MAX_UPLOAD_BYTES`` while streaming: ``size`` is the
    number of bytes received, the content is empty (never stored), ``streamed_sha256`` the hex
    SHA-256 of every byte received (a file within the limit carries it too: ``BoundedFileUploadHandler``)."""

    def __init__(self, name: str, content_type: str, size: int, sha256: str):
        super().__init__(io.BytesIO(b""), name=name, content_type=content_type, size=size)
        self.streamed_sha256 = sha256


class BoundedFileUploadHandler(FileUploadHandler):
    """First upload handler: passes chunks on to Django's handlers until a file exceeds
    ``settings.NEXA_MAX_UPLOAD_BYTES``, then drops what they hold and swallows the rest."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.NEXA_MAX_UPLOAD_BYTES
        self._reset()

    def _reset(self):
        self.received = 0
        self.oversize = False
        self.digest = hashlib.sha256()

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self._reset()

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self.received += len(raw_data)
        self.digest.update(raw_data)
        if self.oversize:
            return None
        if self.received > self.limit:
            self.oversize = True
            self._drop_downstream()
            return None
        return raw_data

    def _drop_downstream(self) -> None:
        """Close (and so delete) the partial file of every later handler: a temporary file on disk
        or a memory buffer."""
        for handler in getattr(self.request, "upload_handlers", []):
            if handler is self:
                continue
            partial = getattr(handler, "file", None)
            if partial is not None:
                try:
                    partial.close()
                except OSError:
                    pass
                # Django skips a handler without ``file`` when it closes files or the body ends early.
                del handler.file

    def file_complete(self, file_size: int):
        """The file as the next handler delivers it, carrying ``streamed_sha256`` (hashed here as it
        streamed, so the submit path does not read the file again to hash it); past the limit an
        ``OversizeUpload``."""
        if self.oversize:
            return OversizeUpload(self.file_name, self.content_type, self.received, self.digest.hexdigest())
        handlers = getattr(self.request, "upload_handlers", [])
        for handler in handlers[handlers.index(self) + 1 :] if self in handlers else []:
            delivered = handler.file_complete(file_size)
            if delivered is not None:
                delivered.streamed_sha256 = self.digest.hexdigest()
                return delivered
        return None


def _json_error(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}, **extra}, status=status)


def _declared_length(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


def _is_signed_in(request) -> bool:
    """A session user, or an ``Authorization: Token`` the database knows (inactive users excluded).
    A bad token is counted like one DRF refuses (``nexa.security.note_token_failure``), so large
    bodies cannot be used to test tokens past the limit."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    header = request.META.get("HTTP_AUTHORIZATION", "").split()
    if len(header) != 2 or header[0].lower() != "token":
        return False
    from rest_framework.authtoken.models import Token

    from nexa.security import note_token_failure

    token = Token.objects.select_related("user").filter(key=header[1], user__is_active=True).first()
    if token is not None:
        request.checked_token = token  # GuardedTokenAuthentication takes it instead of a second query
        return True
    note_token_failure(request)  # a refused guess still counts towards the token failure limit
    return False


def request_limit(request) -> int:
    """The most bytes a signed-in client may send to ``request.path``."""
    if request.path in SINGLE_FILE_PATHS:
        return settings.NEXA_MAX_REQUEST_BYTES
    return settings.NEXA_MAX_BATCH_REQUEST_BYTES


class RequestBodyLimitMiddleware:
    """Refuses bodies by their headers before anything reads them (see the module docstring) and
    installs ``BoundedFileUploadHandler`` first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self.refuse(request)
        if refused is not None:
            return refused
        request.upload_handlers.insert(0, BoundedFileUploadHandler(request))
        return self.get_response(request)

    def refuse(self, request):
        """The 411/413 answer for ``request``, or None to let it through."""
        if request.method not in BODY_METHODS:
            return None
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _json_error(
                411,
                LENGTH_REQUIRED,
                "Chunked request bodies are not accepted; send the upload with a Content-Length "
                "(any HTTP client does when given a file).",
            )
        declared = _declared_length(request)
        if declared is None:
            return _json_error(400, "bad_request", "Content-Length is not a number.")
        anon_limit = settings.NEXA_ANON_MAX_BODY_BYTES
        if declared <= anon_limit:
            return None
        if not _is_signed_in(request):
            return _json_error(
                413,
                TOO_LARGE,
                f"The request body is {declared} bytes; without signing in the limit is "
                f"{anon_limit} bytes. Sign in (or send a valid API token) before uploading.",
                max_bytes=anon_limit,
            )
        limit = request_limit(request)
        if declared > limit:
            return _json_error(
                413,
                TOO_LARGE,
                f"The request body is {declared} bytes; the limit here is {limit} bytes "
                f"({settings.NEXA_MAX_UPLOAD_BYTES} bytes per file). Nothing was stored.",
                max_bytes=limit,
            )
        return None
