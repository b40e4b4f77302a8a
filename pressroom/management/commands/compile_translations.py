"""Compile locale/*.po to .mo with polib, so no GNU gettext is needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files (pure Python)."

    def handle(self, *args, **options):
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalog = polib.pofile(str(po_path))
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"Compiled {po_path}")
