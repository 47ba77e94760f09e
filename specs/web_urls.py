"""Web pages for the spec library (the JSON API lives in specs/urls.py)."""

from django.urls import path

from specs import views

app_name = "specs_web"

urlpatterns = [
    path("specs/", views.spec_list, name="list"),
    path("specs/upload/", views.spec_upload, name="upload"),
    path("specs/<int:pk>/", views.spec_detail, name="detail"),
]
