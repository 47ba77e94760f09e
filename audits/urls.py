"""Web pages for audits (the JSON API lives in jobs/urls.py)."""

from django.urls import path

from audits import views

app_name = "audits"

urlpatterns = [
    path("audits/upload/", views.upload, name="upload"),
    path("audits/<int:pk>/", views.report, name="report"),
    path("audits/<int:pk>/original.pdf", views.download, name="download"),
    path("audits/<int:pk>/findings.csv", views.findings_csv, name="csv"),
    path("audits/<int:pk>/repeal-request.pdf", views.repeal_request, name="repeal_pdf"),
]
