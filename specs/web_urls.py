"""Web pages for the spec library (the JSON API lives in specs/urls.py)."""

from django.urls import path

from specs import views

app_name = "specs_web"

urlpatterns = [
    path("specs/", views.spec_list, name="list"),
    path("specs/upload/", views.spec_upload, name="upload"),
    path("specs/status.json", views.spec_status, name="status"),
    path("specs/cite/", views.spec_cite, name="cite"),
    path("specs/<int:pk>/", views.spec_detail, name="detail"),
    path("specs/<int:pk>/pdf/", views.spec_pdf, name="pdf"),
    path("specs/<int:pk>/<slug:action>/", views.spec_action, name="action"),
]
