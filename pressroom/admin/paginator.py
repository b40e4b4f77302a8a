"""Paging through a long admin list: the page's ids first, then its rows.

Django's paginator slices the list's query: `LIMIT 50 OFFSET 4950` over the
full rows. A database then reads every skipped row (PostgreSQL visits each one
in the table; SQLite follows each long text it passes over) only to throw it
away, and page 100 of the release list took seconds. Here the page's ids are
asked first — that query needs only the ordering's index, skipped entries cost
an index step each — then the fifty rows by their ids.

A list may be counted only up to `count_limit` (a search matching nearly
every release: counting all of them took seconds); past it, `count` is the
limit, `counted_all` is False, and the list says so.

A page number past the end, below 1 or not a number is a 404: Django's admin
would redirect to the list without its filters (`?e=1`), losing what the
person had chosen.
"""

from django.contrib.admin.views.main import ChangeList
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext


class IdsFirstPaginator(Paginator):
    def __init__(self, *args, count_limit=None, deferred=(), rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_limit = count_limit
        # Columns the page's rows are not read with (long texts no column shows).
        self.deferred = deferred
        # rows(ids) -> the queryset of those rows, without the list's filters
        # and search (PostgreSQL walked its index to apply them again).
        self.rows = rows
        self.counted_all = True

    @cached_property
    def count(self):
        if self.count_limit is None:
            return super().count
        found = self.object_list[: self.count_limit + 1].count()
        if found > self.count_limit:
            self.counted_all = False
            return self.count_limit
        return found

    def validate_number(self, number):
        try:
            return super().validate_number(number)
        except InvalidPage as error:
            raise Http404(gettext("There is no such page in this list.")) from error

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        if self.rows is None:
            rows = self.object_list.filter(pk__in=ids).defer(*self.deferred)
            return Page(rows, number, self)
        found = {row.pk: row for row in self.rows(ids).defer(*self.deferred)}
        return Page([found[pk] for pk in ids if pk in found], number, self)


class PagedChangeList(ChangeList):
    """A change list whose one-page results come through the paginator too.

    Django lists a result that fits on one page by running the list's whole
    query; PostgreSQL, unable to tell how few rows a filter keeps (outdated
    translations: two columns compared), read the whole table for it.
    """

    def get_results(self, request):
        super().get_results(request)
        if not self.multi_page and not self.show_all:
            self.result_list = self.paginator.page(1).object_list
