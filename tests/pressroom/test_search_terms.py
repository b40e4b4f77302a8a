"""How text becomes search terms: folding, Snowball stems per language, Persian
compounds, place-name variants, stop words and the prefix of the last word."""

import pytest

from pressroom.search_terms import Query, index_terms, stem


def finds(query, text, language):
    """Whether every group of the query is among the text's terms."""
    terms = set(index_terms(text, language))
    query = Query(query, language)
    for index, group in enumerate(query.groups):
        last = index == len(query.groups) - 1
        if group[0] == "pair":
            if not ({group[1], group[2]} <= terms or group[3] in terms):
                return False
        elif group[1] not in terms and not (
            last
            and query.prefix
            and any(term.startswith(query.prefix) for term in terms)
        ):
            return False
    return bool(query)


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("ru", "побратимов", "Казань и Исфахан стали городами-побратимами"),
        ("ru", "побратим", "стали побратимами"),
        ("ru", "Метшина", "сказал Ильсур Метшин"),
        ("ru", "марафона", "Городской марафон 7 сентября"),
        ("ru", "мэра", "мэр Казани"),
        ("ru", "Казанью", "в Казани"),
        ("ru", "листва", "опавшей листвы"),
        ("ru", "бюджете", "проекту городского бюджета"),
        ("ru", "Исфахан", "во дворце в Исфахане"),
        ("ru", "ёлка", "главная городская елка"),
        ("en", "center", "tourist information centres"),
        ("en", "running", "the trams run every 7 minutes"),
        ("en", "marathons", "City marathon on 7 September"),
        ("en", "budgets", "the city's draft 2026 budget"),
        ("en", "Isfahan's", "the symbol of Isfahan"),
        ("en", "Esfahan", "Kazan and Isfahan"),
        ("en", "Kazan", "Kazan’s Kul Sharif mosque"),
        ("fa", "شهرها", "شهر کازان"),
        ("fa", "توافقنامه", "امضای توافق‌نامه"),
        ("fa", "توافق‌نامه", "امضای توافقنامه"),
        ("fa", "توافق نامه", "امضای توافقنامه"),
        ("fa", "توافقنامه", "امضای توافق نامه"),
        ("fa", "توافق", "امضای توافق‌نامه"),
        ("fa", "قازان", "شهر کازان"),
        ("fa", "كتاب علي", "کتاب علی"),
        ("fa", "۱۴۰۴", "سال 1404"),
        ("ru", "марафо", "Городской марафон"),
    ],
)
def test_a_query_finds_other_forms_of_its_words(language, query, text):
    assert finds(query, text, language)


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("ru", "кот", "который работает"),
        ("ru", "кот", "котельные города"),
        ("en", "art", "an article"),
        ("en", "a", "the city"),
        ("ru", "Исфахан", "испытания водовода"),
    ],
)
def test_a_short_word_never_matches_inside_another(language, query, text):
    assert not finds(query, text, language)


def test_stop_words_are_dropped_from_a_query_with_other_words():
    assert Query("the mayor of Kazan", "en").groups == [
        ("term", "mayor"),
        ("term", "kazan"),
    ]
    # ...but a query of nothing else keeps them.
    assert Query("the", "en").groups == [("term", "the")]


def test_the_last_word_matches_as_a_prefix_only_from_four_letters():
    assert Query("городской марафо", "ru").prefix == stem("марафо", "ru")
    assert Query("кот", "ru").prefix is None


def test_stems_of_one_russian_word_meet_whatever_snowball_strips():
    forms = ["исфахан", "исфахана", "исфахане", "исфаханом"]
    assert len({stem(form, "ru") for form in forms}) == 1
    forms = ["побратим", "побратимы", "побратимов", "побратимами"]
    assert len({stem(form, "ru") for form in forms}) == 1


def test_operators_and_punctuation_are_not_words():
    assert Query('"* NEAR( -- OR ) ^:', "en").groups == [("term", "near")]
    assert not Query("«»—…!?", "ru")


def test_a_query_keeps_at_most_max_words():
    assert len(Query(" ".join(f"слово{n}" for n in range(20)), "ru", 8).groups) == 8
