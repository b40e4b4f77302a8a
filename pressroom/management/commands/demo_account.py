"""Create (or reset) the local demo's staff account and print how to log in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from pressroom import roles

USERNAME = "demo"
PASSWORD = "kazan-demo-2025"
# One account per role, to try what each may do (pressroom/roles.py).
ROLE_ACCOUNTS = {
    "editor": roles.EDITORS,
    "publisher": roles.PUBLISHERS,
    "translator": roles.TRANSLATORS,
}


class Command(BaseCommand):
    help = "Local demo only: a staff account with a known password."

    def handle(self, *args, **options):
        if not (settings.DEBUG and settings.DEMO):
            raise CommandError(
                "The demo account exists only in the local demo "
                "(DJANGO_DEBUG=1 and DJANGO_DEMO=1), never with production settings."
            )
        user, _created = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = user.is_superuser = True
        user.set_password(PASSWORD)
        user.save()
        self.stdout.write(f"Admin login: {USERNAME} / {PASSWORD}")
        roles.ensure_groups()
        for username, group in ROLE_ACCOUNTS.items():
            user, _created = get_user_model().objects.get_or_create(username=username)
            user.is_staff, user.is_superuser = True, False
            user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(name=group)])
        self.stdout.write(
            f"Role logins, same password: {', '.join(ROLE_ACCOUNTS)} / {PASSWORD}"
        )
