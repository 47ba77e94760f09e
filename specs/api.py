"""Spec library API (docs/architecture.md): ``GET /spec-library`` and ``POST /upload-specs``."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import TooManyFilesSent
from django.db import transaction
from django.db.models import Count
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from engine import TOO_LARGE, PdfError
from jobs.api import TOO_MANY_FILES
from nexa.storage import clean_filename
from nexa.uploads import check_upload
from specs import serializers as s
from specs.models import SpecDocument, library_version
from specs.services import enqueue_import, register_refused, register_upload

NO_FILE = "no_file"


def library_queryset():
    """Every document with its clause count (one query, no N+1)."""
    return SpecDocument.objects.annotate(clause_count=Count("clauses")).order_by(
        "document_number", "-uploaded_at"
    )


class SpecLibraryView(APIView):
    """``GET /spec-library``: the documents of the library (all statuses, superseded ones marked)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="spec_library",
        summary="List the spec library",
        responses={200: s.SpecLibrarySerializer},
    )
    def get(self, request):
        docs = list(library_queryset())
        body = {
            "library_version": library_version(),
            "count": len(docs),
            "documents": s.SpecDocumentSerializer(docs, many=True, context={"request": request}).data,
        }
        return Response(body)


def _too_many_files(limit: int, count: str) -> Response:
    """The ``400`` for an upload above ``NEXA_BATCH_MAX_FILES`` files (``count``: "35" or "far
    more"); same body as ``POST /batch-analyze`` gives."""
    return Response(
        {
            "error": {
                "code": TOO_MANY_FILES,
                "message": f"An upload takes at most {limit} files; this one has {count}. "
                "Nothing was stored: send them in several uploads.",
            },
            "max_files": limit,
        },
        status=status.HTTP_400_BAD_REQUEST,
    )


LIBRARY_STAFF_ONLY = "Only staff can change the spec library; every signed-in user can read it."


class IsLibraryStaff(BasePermission):
    """Changes to the shared spec library are for staff (``is_staff``): a spec import can supersede the
    revision every user's analyses cite."""

    message = LIBRARY_STAFF_ONLY

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_staff)


class UploadSpecsView(APIView):
    """``POST /upload-specs`` (multipart ``files``): store each file and queue its import.

    Each file is reported: ``queued`` with its new document id, ``duplicate`` with the document
    that already has the same bytes (not re-imported), or ``failed`` at once (``too_large``: above
    ``NEXA_MAX_UPLOAD_BYTES``; ``not_a_pdf``: no ``%PDF-`` header, an empty file included; recorded
    as a FAILED document, not stored, never queued). 202 when any file was queued; 409 when every
    file was a duplicate; 400 (413 when all were too large) when every file was refused. A previously FAILED document sent again is retried (``queued``). More than
    ``NEXA_BATCH_MAX_FILES`` files (the batch limit): 400 ``too_many_files`` and nothing stored.
    Staff only (403 ``permission_denied`` for other users): the library is shared.
    """

    permission_classes = [IsAuthenticated, IsLibraryStaff]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="upload_specs",
        summary="Add spec PDFs to the library (imported in the background)",
        request={"multipart/form-data": s.UploadSpecsSerializer},
        responses={
            202: s.UploadSpecsResponseSerializer,
            400: OpenApiResponse(
                s.SpecErrorResponseSerializer,
                description="no file sent, more than NEXA_BATCH_MAX_FILES (20), or every file refused at once "
                "(then also ``files`` with each file's reason)",
            ),
            403: OpenApiResponse(s.SpecErrorResponseSerializer, description="not a staff user"),
            409: OpenApiResponse(s.UploadSpecsResponseSerializer, description="every file is a duplicate"),
            413: OpenApiResponse(
                s.SpecErrorResponseSerializer, description="every file is too large (``files`` lists them)"
            ),
        },
    )
    def post(self, request):
        limit = settings.NEXA_BATCH_MAX_FILES
        try:
            uploads = request.FILES.getlist("files") or request.FILES.getlist("file")
        except TooManyFilesSent:  # far above the limit: Django stops parsing the upload
            return _too_many_files(limit, "far more")
        if len(uploads) > limit:
            return _too_many_files(limit, str(len(uploads)))
        if not uploads:
            return Response(
                {
                    "error": {
                        "code": NO_FILE,
                        "message": "Send spec PDFs as multipart/form-data field 'files'.",
                    }
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        results: list[dict] = []
        queued = 0
        with transaction.atomic():
            for upload in uploads:
                try:
                    check_upload(upload)
                except PdfError as exc:  # recorded as a FAILED document at once, never stored or queued
                    reg = register_refused(
                        upload.chunks(),
                        upload.size or 0,
                        upload.name,
                        request.user,
                        code=exc.code,
                        message=exc.message,
                        sha256=getattr(upload, "streamed_sha256", None),
                    )
                else:
                    reg = register_upload(upload.read(), upload.name, request.user)
                item = {"filename": clean_filename(upload.name), "document_id": reg.document.pk}
                if reg.duplicate_of is None and not reg.queued:
                    item["status"] = "failed"
                    item["error"] = {
                        "code": reg.document.error_code,
                        "message": reg.document.error_message_for(request.user),
                    }
                elif reg.duplicate_of is not None:
                    dup = reg.duplicate_of
                    item["status"] = "duplicate"
                    item["duplicate_of"] = {
                        "document_id": dup.pk,
                        "document_number": dup.document_number,
                        "revision": dup.revision,
                        "title": dup.title,
                        "status": dup.status,
                    }
                else:
                    item["status"] = "queued"
                    queued += 1
                    enqueue_import(reg.document)
                results.append(item)
        duplicates = sum(1 for r in results if r["status"] == "duplicate")
        body = {"files": results, "queued": queued, "duplicates": duplicates}
        code = _upload_status(results)
        if code in (status.HTTP_400_BAD_REQUEST, status.HTTP_413_REQUEST_ENTITY_TOO_LARGE):
            first: dict[str, str] = results[0]["error"]
            count = len(results)
            body["error"] = {  # the one error shape of the API, each file's reason in "files"
                "code": first["code"]
                if code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE or count == 1
                else "invalid",
                "message": first["message"]
                if count == 1
                else f"None of the {count} files could be added: see files.",
            }
        return Response(body, status=code)


def _upload_status(results: list[dict]) -> int:
    """409 when every file is a duplicate; when every file was refused at once, 413 if all were too
    large, else 400 (as ``/analyze-audit-async`` answers one refused audit); otherwise 202."""
    states = {r["status"] for r in results}
    if states == {"duplicate"}:
        return status.HTTP_409_CONFLICT
    if states == {"failed"}:
        codes = {r["error"]["code"] for r in results}
        return (
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE if codes == {TOO_LARGE} else status.HTTP_400_BAD_REQUEST
        )
    return status.HTTP_202_ACCEPTED
