"""Words into search terms, the same way for what is indexed and what is asked.

A text is folded first (`pressroom.text.search_normalize`: ی/ي, ک/ك, Persian
and Latin digits, ё/е, case), then cut into words and each word stemmed with
the Snowball stemmer of its language (snowballstemmer, which runs on PyStemmer's
C code when that is installed): «марафона» and «марафон» become «марафон»,
"running" becomes "run", «شهرها» becomes «شهر». docs/search.md says more.

Three things on top of Snowball:

* Russian: Snowball's stems are not always stems of each other («исфахане» →
  «исфахан», but «исфахан» → «исфаха»; «побратимов» → «побратим», but «побратим»
  → «побрат»), so a word is stemmed again while that changes it and keeps at
  least three letters. Forms of one word then meet in one term.
* Persian writes a compound with a half-space, a space or neither (توافق‌نامه,
  توافق نامه, توافقنامه): a word with a half-space is indexed whole and by its
  parts, and each pair of neighbouring Persian words also joined, so each
  spelling finds the others.
* Place names have other spellings (Esfahan for Isfahan, قازان for کازان):
  VARIANTS maps a spelling to the one the texts use, in the index and in a query.
"""

import re
from functools import cache, lru_cache

import snowballstemmer

from pressroom.text import search_normalize

ALGORITHMS = {"ru": "russian", "fa": "persian", "en": "english"}
# The half-space inside Persian compounds.
ZWNJ = "\u200c"
# A word: letters and digits, with apostrophes (Kazan's, Kazan’s) and half-spaces
# inside.
WORD = re.compile(rf"[^\W_]+(?:['’{ZWNJ}][^\W_]+)*")
PERSIAN_WORD = re.compile(r"[\u0600-\u06ff]")
# Snowball keeps apostrophes ("o'clock"); the databases' parsers would split there.
APOSTROPHES = str.maketrans("", "", "'’")
MIN_RESTEM_LENGTH = 3

# Other spellings, by language: of the places the press service writes about
# (Esfahan for Isfahan, قازان for کازان) and American for British English (the
# texts are British). A word here is indexed and asked as the one it maps to.
VARIANTS = {
    "en": {
        "esfahan": "isfahan",
        "ispahan": "isfahan",
        "qazan": "kazan",
        "teheran": "tehran",
        "sotun": "sotoun",
        "sotoon": "sotoun",
        "qolsharif": "sharif",
        "center": "centre",
        "theater": "theatre",
        "program": "programme",
        "neighborhood": "neighbourhood",
        "kilometer": "kilometre",
        "color": "colour",
        "honor": "honour",
        "favorite": "favourite",
        "organize": "organise",
    },
    "ru": {
        "эсфахан": "исфахан",
        "тагеран": "тегеран",
        "чехельсотун": "сотун",
    },
    "fa": {
        "قازان": "کازان",
        "اسپهان": "اصفهان",
    },
}


# Words too common to narrow a search; dropped from a query that has others.
def _word_set(text):
    return frozenset(text.split())


STOP_WORDS = {
    "ru": _word_set(
        """
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы
        по только ее её мне было вот от меня еще ещё нет о об из ему теперь когда
        даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там
        потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была
        сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому
        этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были
        куда зачем всех никогда можно при наконец два об другой хоть после над
        больше тот через эти нас про всего них какая много разве три эту моя впрочем
        хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда
        конечно всю между
        """
    ),
    "en": _word_set(
        """
        a about above after again against all am an and any are as at be because
        been before being below between both but by can did do does doing down
        during each few for from further had has have having he her here hers him
        his how i if in into is it its itself me more most my no nor not of off on
        once only or other our ours out over own same she should so some such than
        that the their theirs them then there these they this those through to too
        under until up very was we were what when where which while who whom why
        will with you your
        """
    ),
    "fa": _word_set(
        """
        و در به از که این را با است آن برای تا بر یک هم نیز شد شده می ها های کرد کند
        کنند خود او ما شما ایشان آنها یا اما اگر پس هر همه چه بود باشد دارد داشت
        کرده شود ای
        """
    ),
}


@cache
def _stemmer(language):
    return snowballstemmer.stemmer(ALGORITHMS.get(language, "english"))


def _snowball(word, language):
    """Snowball's stem, stemmed again while that changes it (module docstring)."""
    stemmer = _stemmer(language)
    term = stemmer.stemWord(word)
    while len(term) > MIN_RESTEM_LENGTH:
        again = stemmer.stemWord(term)
        if again == term or len(again) < MIN_RESTEM_LENGTH:
            break
        term = again
    return term.translate(APOSTROPHES) or word.translate(APOSTROPHES)


@cache
def _variant_terms(language):
    return {
        _snowball(variant, language): _snowball(word, language)
        for variant, word in VARIANTS.get(language, {}).items()
    }


@lru_cache(maxsize=200_000)
def stem(word, language):
    """The term of one folded word (its stem, or its usual spelling's)."""
    term = _snowball(word, language)
    return _variant_terms(language).get(term, term)


def _fold(text):
    """The text folded for search, its half-spaces kept and ’ made '."""
    # search_normalize drops ZWNJ; keep it (as a mark no folding touches) to
    # know where a Persian compound has its parts.
    marked = (text or "").replace(ZWNJ, "\x01")
    return search_normalize(marked).replace("\x01", ZWNJ).replace("’", "'")


def _words(text):
    """(word, joined to the previous word by a space only) for each word of a
    text; half-spaces kept inside words."""
    folded = _fold(text)
    previous_end = None
    for match in WORD.finditer(folded):
        between = folded[previous_end : match.start()] if previous_end else None
        previous_end = match.end()
        yield match.group(), between is not None and not between.strip(" ")


def _pairable(word, language):
    """A Persian word that may be half of a compound written apart."""
    return (
        language == "fa"
        and PERSIAN_WORD.search(word) is not None
        and word not in STOP_WORDS[language]
    )


# What parts a text into runs of words written apart only by spaces.
RUN_BREAK = re.compile(r"[^\w\s\u200c']+")
# Terms of the words seen so far, per language: a text repeats its words, and a
# site its vocabulary (indexing 100,000 releases stems a few thousand words).
_KNOWN = {}
MAX_KNOWN = 500_000


def _terms(words, language):
    """The words' terms (a dict holding at least every one of them): only the
    words not seen before are stemmed, each once."""
    known = _KNOWN.setdefault(language, {})
    new = set(words).difference(known)
    if new:
        if len(known) + len(new) > MAX_KNOWN:
            known.clear()
        for word in new:
            known[word] = stem(word, language)
    return known


@lru_cache(maxsize=200_000)
def _persian_pairable(word):
    return _pairable(word, "fa")


def _persian_keys(folded):
    """The words of a folded Persian text to index, in order: each word (its
    half-spaces dropped), then its parts, then it joined to the previous word
    when both may be halves of a compound written apart."""
    keys = []
    for run in RUN_BREAK.split(folded):
        previous = None
        for word in WORD.findall(run):
            if ZWNJ in word:
                joined = word.replace(ZWNJ, "")
                keys.append(joined)
                keys.extend(word.split(ZWNJ))
            else:
                joined = word
                keys.append(joined)
            if _persian_pairable(joined):
                if previous is not None:
                    keys.append(previous + joined)
                previous = joined
            else:
                previous = None
    return keys


def index_terms(text, language):
    """The terms a text is indexed by, in order (a list of strings)."""
    folded = _fold(text)
    if language == "fa":
        # Persian: a compound's parts, and each pair of words written apart.
        words = _persian_keys(folded)
    else:
        words = WORD.findall(folded.replace(ZWNJ, ""))
    # One pass over the words for the ones not seen before, one to look up:
    # indexing spends most of its time here.
    return list(map(_terms(words, language).__getitem__, words))


class Query:
    """What a reader asked, as terms: every group must match (AND); a group is
    one term or, for two Persian words, either both or the two joined.

    `prefix` is the last word's term when it may also match as the start of a
    longer one (a reader still typing): only from four letters on, so «кот»
    never finds «который».
    """

    MIN_PREFIX_LENGTH = 4

    def __init__(self, text, language, max_words=None):
        words = list(_words(text))[:max_words]
        kept = [
            (word.replace(ZWNJ, ""), adjacent)
            for word, adjacent in words
            if word.replace(ZWNJ, "") not in STOP_WORDS.get(language, ())
        ]
        if not kept:
            kept = [(word.replace(ZWNJ, ""), adjacent) for word, adjacent in words]
        self.language = language
        self.groups = []
        self._terms, self._matched = None, {}
        previous = None  # the Persian word the last group holds alone
        for word, adjacent in kept:
            term = stem(word, language)
            pairable = _pairable(word, language)
            if pairable and adjacent and previous is not None:
                # «توافق نامه» is also «توافقنامه»: the pair or the compound.
                joined = stem(previous + word, language)
                self.groups[-1] = ("pair", self.groups[-1][1], term, joined)
                previous = None
                continue
            self.groups.append(("term", term))
            previous = word if pairable else None
        last = self.groups[-1] if self.groups else None
        self.prefix = None
        if last and last[0] == "term" and len(last[1]) >= self.MIN_PREFIX_LENGTH:
            self.prefix = last[1]

    def __bool__(self):
        return bool(self.groups)

    def key(self):
        """The query as text, the same for every spelling of the same terms."""
        groups = ("\x1f".join(group) for group in self.groups)
        return "\x1e".join([self.language, *groups, self.prefix or ""])

    def terms(self):
        """Every term the query looks for."""
        if self._terms is None:
            self._terms = {term for group in self.groups for term in group[1:]}
        return self._terms

    def matches_word(self, word):
        """Whether a word of a text is one the query found (for highlighting):
        a page of results asks this of a thousand words, most of them again."""
        found = self._matched.get(word)
        if found is None:
            folded = search_normalize(word.replace(ZWNJ, "")).replace("’", "'")
            term = stem(folded, self.language)
            found = term in self.terms() or bool(
                self.prefix and term.startswith(self.prefix)
            )
            self._matched[word] = found
        return found
