"""What a subscription brings, in words and punctuation of the reader's language."""

import re

import pytest

from pressroom import roles
from pressroom.alerts import tokens
from tests.cities.factories import make_isfahan
from tests.pressroom.admin_client import logged_in, make_member
from tests.pressroom.factories import make_subscription, make_topic

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ru": "Темы: Культура, Спорт; Партнёрские города: Исфахан",
    "fa": "موضوع‌ها: فرهنگ، ورزش؛ شهرهای همکار: اصفهان",
}


def chosen():
    culture = make_topic(name_ru="Культура", name_fa="فرهنگ")
    sport = make_topic(name_ru="Спорт", name_fa="ورزش")
    city = make_isfahan()
    return [f"topic:{culture.pk}", f"topic:{sport.pk}", f"city:{city.pk}"]


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_the_confirmation_page_lists_the_choices_as_the_language_does(client, language):
    token = tokens.confirmation_token("reader@example.org", language, False, chosen())

    html = client.get(f"/{language}/subscribe/confirm/{token}/").content.decode()

    summary = re.search(r"<dd>([^<]*)</dd>\s*</dl>", html)[1]
    assert summary == EXPECTED[language]


def test_the_persian_admin_lists_a_subscribers_choices_in_persian(groups):
    make_subscription(everything=False, interests=chosen())
    client = logged_in(make_member(roles.PUBLISHERS), "fa")

    html = client.get("/admin/alerts/subscription/").content.decode()

    assert EXPECTED["fa"] in html
