from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo partner cities (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write("Demo partner cities: nothing to add yet.")
