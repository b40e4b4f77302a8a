"""What the public pages' views share: cache tags on a class-based view's
response, the canonical-address redirect, the first row of a query."""

from django.shortcuts import redirect
from django.utils.encoding import uri_to_iri

from pressroom.shell.cache import add_cache_tags


def first(rows):
    return rows[0] if rows else None


class CacheTagsMixin:
    """Name the page's cache tags (`cache_tags()`) on its response."""

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return add_cache_tags(response, *self.cache_tags())


def is_canonical(request, canonical):
    """Whether the request came by the canonical path (reverse()'s, percent-encoded)."""
    return request.path == uri_to_iri(canonical)


def canonical_redirect(request, canonical):
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)
