"""Load the demo content: every part the apps registered (pressroom/demo/)."""

from django.core.management.base import BaseCommand, CommandError

from pressroom import demo


class Command(BaseCommand):
    help = (
        "Load the demo content (pressroom/demo/*.toml); loading again adds nothing "
        "and leaves what staff changed as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "parts",
            nargs="*",
            metavar="part",
            help=f"only these parts, of: {', '.join(demo.parts)} (all by default)",
        )

    def handle(self, *args, **options):
        unknown = set(options["parts"]) - set(demo.parts)
        if unknown:
            raise CommandError(
                f"No demo part {', '.join(sorted(unknown))}; "
                f"the parts are: {', '.join(demo.parts)}."
            )
        for name, load in demo.parts.items():
            if not options["parts"] or name in options["parts"]:
                self.stdout.write(load(demo.read(name)))
