"""The background worker: django-tasks-db's `db_worker`, with the periodic sweep.

Run beside the site (`make run`, `make serve`); as many as wanted, on any
machine that reaches the database.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pressroom.shell.periodic import schedule_sweep


class Command(BaseCommand):
    help = "Run the background worker (mail), and keep the periodic sweep scheduled."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1,
            help="Seconds to wait when the queue is empty (default: 1).",
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run what is due, then stop."
        )
        parser.add_argument("--worker-id", help="Unique among running workers.")

    def handle(self, *args, interval, batch, worker_id, verbosity, **options):
        schedule_sweep()
        worker_options = {
            "interval": interval,
            "batch": batch,
            "reload": False,
            "verbosity": verbosity,
        }
        if worker_id:
            worker_options["worker_id"] = worker_id
        call_command("db_worker", **worker_options)
