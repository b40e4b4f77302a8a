"""Public queries compiled to SQL once, then only run.

Building and compiling a queryset costs Django 0.3-1.5 ms (modeltranslation
rewrites every lookup; an Exists subquery or a prefetch costs more); running the
SQL it makes costs 20-50 µs. The public pages ask the same few questions with
other values, so each is written once as an ordinary queryset made from the
domain's QuerySet methods (`listed()`, `summaries()`...), compiled once per
database, language and shape of its values, and then run with the request's
values. The rules stay in the QuerySet methods; only the compiling is saved.

Rows become model instances the way Django's iterator makes them, but without
`Model.__init__` (~30 µs a row with ~60 fields and modeltranslation's hook):
read-only instances holding the fields the query loaded, as `.only()` gives.
"""

import datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.base import ModelState
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
)
from django.utils import translation
from modeltranslation.manager import (
    FallbackFlatValuesListIterable,
    FallbackValuesListIterable,
)

# Stand-ins for the values while compiling, recognisable among the parameters.
INT_STANDIN = 7_770_000_001
DATETIME_STANDIN = datetime.datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=datetime.UTC)
STR_STANDIN = "\x00standin:{}\x00"


VALUES_LISTS = ValuesListIterable | FallbackValuesListIterable


class CompileError(Exception):
    """The queryset cannot be compiled with stand-ins (a value was folded into
    its SQL, or it selects related objects)."""


def _shape(value):
    if isinstance(value, bool):
        raise CompileError("Booleans are constants of a query, not values.")
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise ValueError(f"{value} is out of range for a database integer.")
        return int
    if isinstance(value, datetime.datetime):
        return datetime.datetime
    if isinstance(value, str):
        return str
    if isinstance(value, list | tuple):
        return tuple(_shape(item) for item in value)
    raise CompileError(f"No stand-in for {type(value).__name__} values.")


def _standins(shape, counter):
    """Stand-in values of `shape`, each one different."""
    if isinstance(shape, tuple):
        return [_standins(item, counter) for item in shape]
    number = next(counter)
    if shape is int:
        return INT_STANDIN + number
    if shape is datetime.datetime:
        return DATETIME_STANDIN + datetime.timedelta(seconds=number)
    return STR_STANDIN.format(number)


def _flatten(values):
    for value in values:
        if isinstance(value, list | tuple):
            yield from _flatten(value)
        else:
            yield value


def _adapt(connection, value):
    """A value as the compiler would have put it among the parameters."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


class Compiled:
    """One compiled form: its SQL, where the values go, how rows become results."""

    def __init__(self, queryset, connection, standins):
        query = queryset.query
        if query.select_related or query.extra_select or query.annotation_select:
            raise CompileError("Only plain querysets are compiled.")
        compiler = query.get_compiler(connection=connection)
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet:
            self.sql = None  # `pk__in=[]`: nothing to ask
            return
        self.params = list(params)
        self.slots = []
        for standin in _flatten(standins):
            adapted = _adapt(connection, standin)
            places = [i for i, param in enumerate(self.params) if param == adapted]
            if not places:
                raise CompileError(f"A value did not reach the parameters: {standin}")
            self.slots.append(places)
        self.limited = query.low_mark != 0 or query.high_mark is not None
        columns = [item[0] for item in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(columns).items())
        self.model = queryset.model
        iterable = queryset._iterable_class
        if issubclass(iterable, ModelIterable):
            self.names, self.order = [column.target.attname for column in columns], None
            return
        # values_list(): modeltranslation selects the columns in its own order.
        if getattr(queryset, "translation_fields", None) or query.extra_select:
            raise CompileError("Translated values are read through model instances.")
        selected = [*query.values_select, *query.annotation_select]
        wanted = getattr(queryset, "original_fields", None) or queryset._fields
        self.order = [selected.index(name) for name in wanted or selected]
        self.flat = issubclass(
            iterable, FlatValuesListIterable | FallbackFlatValuesListIterable
        )
        if not (self.flat or issubclass(iterable, VALUES_LISTS)):
            raise CompileError("Model instances or values_list() only.")

    def execute(self, connection, values, limit, offset):
        if self.sql is None:
            return []
        params = list(self.params)
        for places, value in zip(self.slots, _flatten(values), strict=True):
            adapted = _adapt(connection, value)
            for place in places:
                params[place] = adapted
        sql = self.sql
        if limit is not None:
            if self.limited:
                raise CompileError("A sliced queryset takes no other limit.")
            sql = f"{sql} LIMIT %s OFFSET %s"
            params += [limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = [list(row) for row in rows]
            for row in rows:
                for place, (converters, expression) in self.converters:
                    value = row[place]
                    for converter in converters:
                        value = converter(value, expression, connection)
                    row[place] = value
        if self.order is None:
            return [self.instance(connection.alias, row) for row in rows]
        if self.flat:
            place = self.order[0]
            return [row[place] for row in rows]
        return [tuple(row[place] for place in self.order) for row in rows]

    def instance(self, alias, row):
        instance = self.model.__new__(self.model)
        instance.__dict__.update(zip(self.names, row, strict=True))
        state = instance._state = ModelState()
        state.adding, state.db = False, alias
        return instance


class CompiledQuery:
    """`build(*values)` -> queryset, compiled per database, language and shape.

    The values must reach the SQL as parameters: ints, datetimes and strings in
    filters (lists of them for `__in`). Slicing is folded into the SQL, so a
    page of a list is asked for with `limit` and `offset` instead.
    """

    def __init__(self, build, using="default", make=None):
        self.build = build
        self.using = using
        # For values_list() rows: what to make of each (`make(*row)`).
        self.make = make
        self._compiled = {}

    def __call__(self, *values, limit=None, offset=0):
        connection = connections[self.using]
        shape = tuple(_shape(value) for value in values)
        key = (connection.vendor, translation.get_language(), shape)
        compiled = self._compiled.get(key)
        if compiled is None:
            counter = iter(range(1_000_000))
            standins = [_standins(item, counter) for item in shape]
            compiled = Compiled(self.build(*standins), connection, standins)
            self._compiled[key] = compiled
        rows = compiled.execute(connection, values, limit, offset)
        if self.make is not None:
            return [self.make(*row) for row in rows]
        return rows
