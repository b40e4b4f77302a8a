"""The search page (queries and ranking: pressroom/search.py)."""

from django.utils.translation import get_language
from django.views.generic import ListView

from pressroom import calendars
from pressroom.forms import SearchForm, SearchParameters, date_example
from pressroom.search import Search, counts_elsewhere
from pressroom.search_results import results_elsewhere
from pressroom.shell.addresses import pattern
from pressroom.shell.listing import ReleasePages
from pressroom.views.common import CacheTagsMixin


class SearchView(CacheTagsMixin, ReleasePages, ListView):
    """Results for the words in `?q=`, filtered and ordered as the form says;
    without `q`, the form alone. A query or filter no one could mean is a 400
    with the form and what is wrong."""

    template_name = "pressroom/search.html"
    context_object_name = "results"
    query_parameters = SearchParameters()

    def cache_tags(self):
        language = get_language()
        return [f"search:{language}", f"topics:{language}"]

    def get(self, request, *args, **kwargs):
        language = get_language()
        self.searched = "q" in request.GET
        self.form = SearchForm(request.GET if self.searched else None, language)
        self.search = None
        if self.searched and self.form.is_valid():
            data = self.form.cleaned_data
            self.search = Search(
                data["q"],
                tags=self.form.tags(),
                since=data["since"],
                until=data["until"],
                order=data["order"] or "relevance",
            )
            return super().get(request, *args, **kwargs)
        self.object_list = []
        status = 400 if self.searched else 200
        return self.render_to_response(self.get_context_data(), status=status)

    def get_queryset(self):
        return self.search

    def get_paginate_by(self, queryset):
        return self.paginate_by if self.search is not None else None

    def get_context_data(self, **kwargs):
        language = get_language()
        context = super().get_context_data(
            form=self.form,
            query=self.request.GET.get("q", "")[:200] if self.searched else "",
            errors=[
                calendars.localize_digits(message, language)
                for messages in self.form.errors.values()
                for message in messages
            ],
            date_example=date_example(language),
            **kwargs,
        )
        if self.search is not None and not context.get("results"):
            context["elsewhere"] = self.elsewhere(language)
        return context

    def elsewhere(self, language):
        """Links to the same search in the languages where it finds something."""
        search = self.search
        query = self.request.GET.copy()
        query.pop("page", None)
        counts = counts_elsewhere(
            self.request.GET["q"], language, search.tags, search.since, search.until
        )
        return [
            {
                "code": code,
                "url": f"{pattern('pressroom:search', 0, code)[0]}?{query.urlencode()}",
                "text": results_elsewhere(code, count),
            }
            for code, count in counts.items()
        ]
