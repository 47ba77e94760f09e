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

from jobs.api import TOO_MANY_FILES
from nexa.storage import clean_filename
from specs import serializers as s
from specs.models import SpecDocument, library_version
from specs.services import enqueue_import, register_oversized, register_upload

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
    that already has the same bytes (not re-imported), or ``failed`` (``too_large``: above
    ``NEXA_MAX_UPLOAD_BYTES``, recorded as a FAILED document, not stored). 202 unless every file was
    a duplicate (409). A previously FAILED document sent again is retried (``queued``). More than
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
                description="no file sent, or more than NEXA_BATCH_MAX_FILES (20)",
            ),
            403: OpenApiResponse(s.SpecErrorResponseSerializer, description="not a staff user"),
            409: OpenApiResponse(s.UploadSpecsResponseSerializer, description="every file is a duplicate"),
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
        results = []
        queued = 0
        with transaction.atomic():
            for upload in uploads:
                if upload.size > settings.NEXA_MAX_UPLOAD_BYTES:
                    reg = register_oversized(
                        upload.chunks(),
                        upload.size,
                        upload.name,
                        request.user,
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
        all_duplicates = duplicates == len(results)
        code = status.HTTP_409_CONFLICT if all_duplicates else status.HTTP_202_ACCEPTED
        return Response(body, status=code)
