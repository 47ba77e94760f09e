"""Web pages for jobs (the JSON API for clients lives in jobs/urls.py)."""

from django.urls import path

from jobs import views

app_name = "jobs_web"

urlpatterns = [
    path("jobs/", views.job_list, name="list"),
    path("jobs/progress.json", views.job_progress, name="progress"),
]
