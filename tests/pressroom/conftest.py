import pytest

from pressroom import roles

from .admin_client import logged_in, make_member


@pytest.fixture
def people(groups):
    """An editor and a publisher in the Russian admin and a translator in the
    Persian one, each a logged-in client (a module may define its own)."""
    return {
        name: logged_in(make_member(group, username=name), language)
        for name, group, language in (
            ("editor", roles.EDITORS, "ru"),
            ("translator", roles.TRANSLATORS, "fa"),
            ("publisher", roles.PUBLISHERS, "ru"),
        )
    }
