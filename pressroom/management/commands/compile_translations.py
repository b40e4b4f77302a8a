"""Compile locale/*.po to .mo with polib, so no GNU gettext is needed.

An entry whose translation holds markup its msgid does not is compiled
untranslated, with a warning (`pressroom.shell.catalogs`): it never reaches a page.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from pressroom.shell.po_files import compile_catalog


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files (pure Python)."

    def handle(self, *args, **options):
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                compile_catalog(po_path)
                self.stdout.write(f"Compiled {po_path}")
