"""The publishing and availability rules as the model and its QuerySet hold them."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import translation

from pressroom.models import PressRelease

from .factories import ago, make_release

pytestmark = pytest.mark.django_db


def test_release_is_available_only_where_title_lead_and_body_are_filled():
    release = make_release(languages=("ru",), title_fa="فقط عنوان")

    assert release.available_languages() == ["ru"]
    assert (release.in_ru, release.in_fa, release.in_en) == (True, False, False)


def test_an_empty_editor_paragraph_does_not_make_a_language_available():
    release = make_release(
        languages=("ru",), title_en="Title", lead_en="Lead", body_en="<p></p>"
    )

    assert not release.is_available_in("en")


def test_published_means_published_status_and_a_time_that_has_come():
    public = make_release()
    make_release(status=PressRelease.Status.DRAFT)
    make_release(published_at=ago(hours=-1))
    make_release(status=PressRelease.Status.PUBLISHED, published_at=None)
    make_release(status=PressRelease.Status.WITHDRAWN)

    assert list(PressRelease.objects.published()) == [public]


def test_a_scheduled_release_becomes_public_once_its_time_has_come():
    release = make_release(published_at=ago(hours=-1))
    assert not release.is_public

    PressRelease.objects.filter(pk=release.pk).update(published_at=ago(seconds=1))
    release.refresh_from_db()

    assert release.is_public
    assert list(PressRelease.objects.published()) == [release]


def test_withdrawn_release_is_reachable_but_not_listed():
    release = make_release(status=PressRelease.Status.WITHDRAWN)

    assert release.withdrawn_at is not None
    assert list(PressRelease.objects.reachable()) == [release]
    assert not PressRelease.objects.listed("ru").exists()


def test_listed_shows_only_releases_available_in_the_language():
    russian = make_release(languages=("ru",))
    everywhere = make_release()

    assert set(PressRelease.objects.listed("ru")) == {russian, everywhere}
    assert list(PressRelease.objects.listed("fa")) == [everywhere]
    assert list(PressRelease.objects.listed("en")) == [everywhere]


@pytest.mark.parametrize(
    ("language", "title", "slug"),
    [
        (
            "ru",
            "Казань и Исфахан подписали соглашение",
            "казань-и-исфахан-подписали-соглашение",
        ),
        ("fa", "امضای توافق‌نامه کازان و اصفهان", "امضای-توافقنامه-کازان-و-اصفهان"),
        ("ru", "Ёлка в Казани", "ёлка-в-казани"),
        ("fa", "سال ۱۴۰۴", "سال-۱۴۰۴"),
        ("en", "Kazan and Isfahan: sister cities!", "kazan-and-isfahan-sister-cities"),
    ],
)
def test_slug_is_made_from_the_title_in_its_own_script(language, title, slug):
    release = make_release(languages=(language,), **{f"title_{language}": title})

    assert release.slug_in(language) == slug


def test_persian_slug_uses_persian_letters_for_arabic_input():
    release = make_release(languages=("fa",), title_fa="كتاب علي")

    assert release.slug_fa == "کتاب-علی"
    assert release.title_fa == "کتاب علی"


@pytest.mark.parametrize("title", ["!!!", "«—»", "…", "؟؟"])
def test_slug_is_never_empty(title):
    release = make_release(languages=("ru",), title_ru=title)

    assert release.slug_ru
    assert release.get_absolute_url("ru") == f"/ru/news/{release.pk}-{release.slug_ru}/"


def test_an_edited_title_keeps_the_slug_so_old_links_keep_working():
    release = make_release(languages=("ru",), title_ru="Первый заголовок")
    release.title_ru = "Другой заголовок"
    release.save()

    assert release.slug_ru == "первый-заголовок"


def test_absolute_url_is_per_language_and_percent_encodes_unicode_slugs():
    release = make_release(title_ru="Казань", title_fa="کازان", title_en="Kazan")

    assert release.get_absolute_url("ru") == f"/ru/news/{release.pk}-{quote('казань')}/"
    assert release.get_absolute_url("fa") == f"/fa/news/{release.pk}-{quote('کازان')}/"
    assert release.get_absolute_url("en") == f"/en/news/{release.pk}-kazan/"
    with translation.override("fa"):
        url = reverse("pressroom:detail", kwargs={"pk": release.pk, "slug": "کازان"})
    assert url == release.get_absolute_url("fa")


def test_persian_text_is_stored_with_persian_letters():
    release = make_release(
        languages=("fa",), lead_fa="كتاب علي", body_fa="<p>يك كتاب</p>"
    )

    assert release.lead_fa == "کتاب علی"
    assert release.body_fa == "<p>یک کتاب</p>"


def test_body_html_is_sanitized_on_save():
    release = make_release(
        body_ru='<p onclick="x()">Текст<script>alert(1)</script></p>'
    )

    assert release.body_ru == "<p>Текст</p>"


def test_empty_link_attributes_are_dropped_on_save():
    release = make_release(
        body_ru='<p><a href="https://kzn.ru/" title="" lang=" ">Сайт</a></p>'
    )

    assert release.body_ru == (
        '<p><a href="https://kzn.ru/" rel="noopener noreferrer">Сайт</a></p>'
    )


def test_translation_becomes_outdated_when_the_russian_source_changes():
    release = make_release()
    assert release.translation_state("fa") == "complete"

    release.lead_ru = "Новый лид"
    release.save()

    assert release.translation_state("fa") == "outdated"
    assert release.translation_state("ru") == "complete"
