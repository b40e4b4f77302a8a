"""The Persian web font is shipped with the site, under its licence."""

from http import HTTPStatus
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "static"
FONT = STATIC / "fonts" / "vazirmatn" / "vazirmatn.woff2"


def test_vazirmatn_is_a_woff2_file_with_its_licence_beside_it():
    assert FONT.read_bytes()[:4] == b"wOF2"
    licence = (FONT.parent / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Vazirmatn" in licence


def test_the_stylesheet_declares_it_with_swap_from_this_site():
    css = (STATIC / "css" / "site.css").read_text()
    face = css[css.index("@font-face") : css.index("}", css.index("@font-face"))]

    assert 'url("../fonts/vazirmatn/vazirmatn.woff2")' in face
    assert "font-display: swap" in face
    assert "//" not in face.replace("/*", "")  # no other server


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "preloaded"), [("fa", True), ("ru", False)])
def test_persian_pages_preload_the_font(client, language, preloaded):
    response = client.get(f"/{language}/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert ('as="font" type="font/woff2" crossorigin' in html) is preloaded
