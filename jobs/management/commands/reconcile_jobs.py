"""``manage.py reconcile_jobs``: re-queue or fail jobs that Redis lost or whose worker died."""

import json

from django.core.management.base import BaseCommand

from jobs.reconcile import ensure_scheduled, reconcile


class Command(BaseCommand):
    help = (
        "Re-queue PENDING jobs missing from Redis; re-queue PROCESSING jobs whose worker died "
        "(up to NEXA_JOB_MAX_ATTEMPTS), else fail them with code worker_lost."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending-grace",
            type=float,
            default=None,
            help="seconds a PENDING job may wait for its enqueue before it counts as lost (default 30)",
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="also make sure the periodic run is scheduled (needs a worker --with-scheduler)",
        )

    def handle(self, *args, **options):
        report = reconcile(pending_grace=options["pending_grace"])
        if options["schedule"]:
            report["scheduled"] = ensure_scheduled()
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        self.stdout.write(
            f"checked {report['checked']} jobs: re-queued {len(report['requeued'])}, "
            f"failed {len(report['failed'])}, followers resolved {len(report['followers'])}, "
            f"abandoned in RQ {report['abandoned']}"
        )
        for job_id in report["requeued"]:
            self.stdout.write(f"  re-queued {job_id}")
        for job_id in report["failed"]:
            self.stdout.write(f"  failed {job_id} (worker_lost)")
