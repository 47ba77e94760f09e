"""One error shape for every API answer (docs/architecture.md, "API errors"):

``{"error": {"code": "...", "message": "...", "fields": {...}?}}``

DRF's own errors (400 validation, 401, 403, 404, 405, 415, 429, ...) go through
:func:`exception_handler` (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``); Django's 404 and 500 for API
callers through :func:`not_found` and :func:`server_error` (``handler404``/``handler500``).
Outages (database, Redis, full disk) keep their 503/507 answers from
``nexa.unavailable.ServiceUnavailableMiddleware``, in the same shape.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

log = logging.getLogger(__name__)

INTERNAL_ERROR = "internal_error"
NOT_FOUND = "not_found"


def _message(detail) -> str:
    """The first message in a DRF ``detail`` (a string, a list or a dict of them)."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            text = _message(value)
            return text if key == "non_field_errors" else f"{key}: {text}"
        return ""
    if isinstance(detail, list | tuple):
        return _message(detail[0]) if detail else ""
    return str(detail)


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    """``{"error": {"code", "message", "fields"?}}``; ``fields`` maps a field to its messages."""
    error = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def exception_handler(exc, context):
    """DRF's exception handler, answering in the one error shape. ``ValidationError`` gives code
    ``invalid`` and ``fields`` (field -> list of messages); others their DRF code
    (``not_authenticated``, ``authentication_failed``, ``permission_denied``, ``not_found``,
    ``method_not_allowed``, ``unsupported_media_type``, ``throttled``, ``parse_error``).
    Exceptions DRF does not handle return None (Django's middleware and handler500 answer)."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        fields = {k: [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in detail.items()}
        response.data = error_body("invalid", _message(exc.detail) or "Invalid request.", fields)
        return response
    if isinstance(exc, exceptions.APIException):
        code = exc.get_codes()
        code = code if isinstance(code, str) else getattr(exc, "default_code", "error")
        response.data = error_body(code, _message(exc.detail))
    else:  # Http404 / PermissionDenied turned into responses by DRF
        code = NOT_FOUND if response.status_code == 404 else "permission_denied"
        response.data = error_body(code, _message(response.data.get("detail", "")) or code)
    return response


# First path segments of the JSON API (jobs/urls.py, specs/urls.py, the schema).
API_ROOTS = frozenset(
    {"analyze-audit-async", "analyze-audit", "batch-analyze", "batch", "job-result", "jobs", "queue-status",
     "cache-stats", "spec-library", "upload-specs", "api"}
)  # fmt: skip


def _wants_json(request) -> bool:
    """An API caller: a token, ``application/json`` in ``Accept``, or an API path without the
    trailing slash of the web pages (``/jobs`` is the API, ``/jobs/`` the page)."""
    if "HTTP_AUTHORIZATION" in request.META or "application/json" in request.META.get("HTTP_ACCEPT", ""):
        return True
    path = request.path
    return path.strip("/").split("/")[0] in API_ROOTS and not path.endswith("/")


def not_found(request, exception=None):
    """``handler404``: JSON for API callers (:func:`_wants_json`), Django's page otherwise."""
    if _wants_json(request):
        return JsonResponse(error_body(NOT_FOUND, f"No such path: {request.path}"), status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception=None):
    """``handler400`` (a request Django refuses before any view: too many fields, a malformed body,
    a disallowed host): JSON for API callers, Django's page otherwise."""
    if _wants_json(request):
        from django.core.exceptions import TooManyFieldsSent

        if isinstance(exception, TooManyFieldsSent):
            message = (
                f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} form fields; "
                "nothing was stored. Send the files and the few fields the endpoint names."
            )
            return JsonResponse(error_body("too_many_fields", message), status=400)
        return JsonResponse(error_body("bad_request", "The request could not be read."), status=400)
    return defaults.bad_request(request, exception)


def server_error(request):
    """``handler500``: JSON for API callers, Django's page otherwise (the error is logged by Django)."""
    if _wants_json(request):
        message = "The server failed unexpectedly; the error was logged for staff."
        return JsonResponse(error_body(INTERNAL_ERROR, message), status=500)
    return defaults.server_error(request)
