"""URL map. API paths follow docs/architecture.md (the seed system's clients call them as they are)."""

from functools import wraps

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from audits.views import home
from nexa.health import health


def browser_login_required(view):
    """Sends an anonymous browser (no ``Authorization`` header) to the login page (``302`` to
    ``/accounts/login/?next=...``); API clients still get the view's own ``401``/``403``, and
    token-authenticated requests pass through to DRF."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated and "HTTP_AUTHORIZATION" not in request.META:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


urlpatterns = [
    path("health", health, name="health"),
    path("admin/rq/", include("django_rq.urls")),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        browser_login_required(SpectacularSwaggerView.as_view(url_name="schema")),
        name="swagger-ui",
    ),
    path("", include("specs.urls")),
    path("", include("audits.urls")),
    path("", include("jobs.urls")),
    path("", home, name="home"),
    path("", include("jobs.web_urls")),
    path("", include("specs.web_urls")),
]

handler400 = "nexa.api_errors.bad_request"
handler404 = "nexa.api_errors.not_found"
handler500 = "nexa.api_errors.server_error"
