"""Spec library API paths of docs/architecture.md (no trailing slashes, as the seed system's clients call them)."""

from django.urls import path

from specs import api

app_name = "specs"

urlpatterns = [
    path("spec-library", api.SpecLibraryView.as_view(), name="library"),
    path("upload-specs", api.UploadSpecsView.as_view(), name="upload-specs"),
]
