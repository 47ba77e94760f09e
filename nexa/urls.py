"""URL map. API paths follow DESIGN.md §3 (the seed system's clients call them as they are)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from audits.views import home
from nexa.health import health

urlpatterns = [
    path("health", health, name="health"),
    path("admin/rq/", include("django_rq.urls")),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("specs.urls")),
    path("", include("audits.urls")),
    path("", include("jobs.urls")),
    path("", home, name="home"),
    path("", include("jobs.web_urls")),
    path("", include("specs.web_urls")),
]
