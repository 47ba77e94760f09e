"""Security plumbing: Content-Security-Policy, submit rate limit, guarded token auth, lockout answer.

The rate limits count in the Django cache (Redis), so they hold across web processes and machines;
the token failure counter fails open while Redis is down. Login lockouts (django-axes) count in
the database.

- ``ContentSecurityPolicyMiddleware`` sets a strict ``Content-Security-Policy`` on every response;
  only the staff-only RQ dashboard (``/admin/rq/``, inline scripts and styles of django-rq) and the
  signed-in Swagger page (``/api/docs/``, Swagger UI from static files with an inline bootstrap script)
  get a wider one.
- ``SubmitRateThrottle`` (DRF, every API ``POST``) and ``SubmitRateLimitMiddleware`` (the web
  upload forms) share one per-user budget, ``settings.NEXA_SUBMIT_RATE`` (``"120/min"``): over it,
  ``429`` with ``Retry-After``.
- ``GuardedTokenAuthentication``: DRF token auth that answers bad tokens ``429`` with
  ``Retry-After`` once one client address (``client_ip``: trusted proxies only) has sent
  ``NEXA_TOKEN_FAILURE_LIMIT`` bad tokens within ``NEXA_TOKEN_FAILURE_WINDOW`` seconds; valid
  tokens keep working.
- ``lockout_response`` / ``client_str``: the django-axes hooks (login lockout ``429`` with
  ``Retry-After``; log lines without usernames or addresses).
- ``RedactSecretsFilter``: a logging filter that blanks tokens, passwords and session ids.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from redis.exceptions import RedisError
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.throttling import UserRateThrottle

log = logging.getLogger(__name__)

STRICT_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Path prefix -> policy, first match wins. Both pages need a login (the RQ dashboard staff).
RELAXED_CSP = {
    "/admin/rq/": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    # Swagger UI from drf-spectacular-sidecar's static files; its bootstrap script and style
    # are inline in the page.
    "/api/docs/": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self' 'unsafe-inline'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
}


# Django's own debug pages (DEBUG only: ``make run``) style themselves inline
DEBUG_ERROR_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def csp_for(path: str) -> str:
    """The ``Content-Security-Policy`` value for a request path (``"/audits/1/"``)."""
    for prefix, policy in RELAXED_CSP.items():
        if path.startswith(prefix):
            return policy
    return STRICT_CSP


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` (see ``csp_for``) unless the view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code >= 400:
            response.headers.setdefault("Content-Security-Policy", DEBUG_ERROR_CSP)
        response.headers.setdefault("Content-Security-Policy", csp_for(request.path))
        return response


# --- per-user submit rate limit ------------------------------------------------------------------


class SubmitRateThrottle(UserRateThrottle):
    """Per-user budget for submissions: every unsafe-method API request (``POST
    /analyze-audit-async``, ``/analyze-audit``, ``/batch-analyze``, ``/upload-specs``) and the
    web upload forms. Rate from ``settings.NEXA_SUBMIT_RATE`` (``"N/sec|min|hour|day"``; empty:
    no limit), read at each request so ``override_settings`` applies. Anonymous requests are keyed
    by client address (they are refused by the views anyway)."""

    scope = "submit"

    def get_rate(self):
        return getattr(settings, "NEXA_SUBMIT_RATE", "") or None

    def allow_request(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        self.rate = self.get_rate()
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


def too_many_requests(wait: float | None, detail: str) -> HttpResponse:
    """A plain ``429`` answer with ``Retry-After`` (whole seconds, at least 1)."""
    response = HttpResponse(detail, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(max(1, int(round(wait or 1))))
    return response


# Web form views (namespaced URL names) whose POST spends the submit budget.
WEB_SUBMIT_VIEWS = frozenset({"audits:upload", "specs_web:upload"})


class SubmitRateLimitMiddleware:
    """Applies ``SubmitRateThrottle`` to the POSTs of the web upload forms (``WEB_SUBMIT_VIEWS``).
    Must come after ``AuthenticationMiddleware``. The API views get the same throttle from DRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if request.method != "POST" or match is None or match.view_name not in WEB_SUBMIT_VIEWS:
            return None
        if not request.user.is_authenticated:
            return None  # the view's login_required answers
        throttle = SubmitRateThrottle()
        if throttle.allow_request(request, None):
            return None
        return too_many_requests(throttle.wait(), "Too many submissions; try again later.")


# --- token auth with a failure limit ---------------------------------------------------------------


UNKNOWN_ADDRESS = "0.0.0.0"  # no usable REMOTE_ADDR; an address, as axes' database column needs


def _trusted_proxy(address: str) -> bool:
    networks = getattr(settings, "NEXA_TRUSTED_PROXIES", None)
    if not networks:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``; behind proxies (``settings.BEHIND_PROXY``) the
    ``X-Forwarded-For`` hop appended by the outermost of ``settings.NEXA_PROXY_COUNT`` trusted
    proxies (the ``N``-th from the right; hops further left are the client's own claims). The header
    counts only when the request comes from an address in ``settings.NEXA_TRUSTED_PROXIES`` (CIDRs;
    empty: any) and carries at least ``N`` hops; otherwise ``REMOTE_ADDR``, so a client that reaches
    the app directly cannot rotate its address by rotating the header. Also django-axes'
    ``AXES_CLIENT_IP_CALLABLE``."""
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or UNKNOWN_ADDRESS
    if getattr(settings, "BEHIND_PROXY", False) and _trusted_proxy(remote):
        count = max(1, int(getattr(settings, "NEXA_PROXY_COUNT", 1)))
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= count:
            return _valid_ip(hops[-count]) or remote
    return remote


def _valid_ip(value: str) -> str | None:
    """``value`` as a normalised IP address, or None when it is not one (a forged header)."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _failure_key(request) -> str:
    return f"sec:token-fail:{client_ip(request)}"


def _cache_call(what: str, call, default=None):
    """``call()``, or ``default`` when the cache (Redis) is down: the failure counter fails open, so
    token auth (and every poll answered from the database) keeps working through a Redis outage."""
    try:
        return call()
    except (RedisError, OSError) as exc:
        log.warning("token failure counter unavailable (%s): %s", what, exc.__class__.__name__)
        return default


def token_failures(request) -> int:
    """Bad tokens counted for this request's client address in the current window (0 when the
    cache is down)."""
    return _cache_call("read", lambda: cache.get(_failure_key(request))) or 0


def note_token_failure(request) -> None:
    """Count one bad token for this request's client address (``NEXA_TOKEN_FAILURE_WINDOW`` s)."""
    window = settings.NEXA_TOKEN_FAILURE_WINDOW
    key = _failure_key(request)

    def bump():
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)

    _cache_call("write", bump)


class GuardedTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>`` auth that stops guessing: once one client address has sent
    ``settings.NEXA_TOKEN_FAILURE_LIMIT`` bad tokens within ``settings.NEXA_TOKEN_FAILURE_WINDOW``
    seconds, every further bad token from it answers ``429`` with ``Retry-After`` (the window's
    remaining seconds). A valid token is never refused: guessing one (160 random bits) is hopeless,
    while locking the valid ones would lock out every user behind the same address (an office NAT).
    With the cache (Redis) down the counter is skipped, not the authentication."""

    def authenticate(self, request):
        limit = settings.NEXA_TOKEN_FAILURE_LIMIT
        checked = getattr(request._request, "checked_token", None)  # nexa.uploads checked it already
        if checked is not None and request.META.get("HTTP_AUTHORIZATION", "").split()[1:] == [checked.key]:
            return checked.user, checked
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            if limit:
                if token_failures(request) >= limit:
                    raise exceptions.Throttled(
                        wait=_cache_call(
                            "ttl",
                            lambda: _ttl(_failure_key(request), settings.NEXA_TOKEN_FAILURE_WINDOW),
                            settings.NEXA_TOKEN_FAILURE_WINDOW,
                        )
                    ) from None
                note_token_failure(request)
            raise


def _ttl(key: str, default: int) -> int:
    ttl = getattr(cache, "ttl", None)
    value = ttl(key) if ttl else None
    return int(value) if value and value > 0 else default


# --- django-axes hooks --------------------------------------------------------------------------


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes ``AXES_LOCKOUT_CALLABLE``: ``429`` with ``Retry-After`` = the cool-off time."""
    cool_off = settings.AXES_COOLOFF_TIME
    seconds = cool_off.total_seconds() if hasattr(cool_off, "total_seconds") else 3600 * float(cool_off)
    return too_many_requests(seconds, "Too many failed sign-in attempts; try again later.")


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """django-axes ``AXES_CLIENT_STR_CALLABLE``: what its log lines name. No username or address
    (personal data): a short one-way tag of each, enough to correlate lines."""

    def tag(value) -> str:
        return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:10] if value else "-"

    path = path_info[0] if isinstance(path_info, tuple) else path_info
    return f"{{user: {tag(username)}, ip: {tag(ip_address)}, path: {path}}}"


# --- logging ------------------------------------------------------------------------------------

_SECRET_PATTERNS = [
    (re.compile(r"(?i)\b(token|bearer)\s+[A-Za-z0-9._\-]{8,}"), r"\1 [redacted]"),
    (re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\",}\s][^'\",}]*"), r"\1[redacted]"),
    (re.compile(r"(?i)(password\w*['\"]?\s*[:=]\s*['\"]?)[^'\"&,}\s]+"), r"\1[redacted]"),
    (
        re.compile(r"(?i)(sessionid|csrftoken|csrfmiddlewaretoken)(['\"]?\s*[:=]\s*['\"]?)[^'\"&;,}\s]+"),
        r"\1\2[redacted]",
    ),
]


def redact(text: str) -> str:
    """``text`` with tokens, Authorization values, passwords and session/CSRF ids blanked."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecretsFilter(logging.Filter):
    """Logging filter (on the console handler): formats the record's message once, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to the handler's error path
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
