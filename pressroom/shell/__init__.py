"""The site's shell: what every page shares, whatever it shows.

The page cache and what outdates it (cache, freshness, page_tags, listing),
the middleware and the request's edges (middleware, edges, limits), languages
and addresses (addresses, alternates, identity, context_processors), the
interface catalogs (catalogs), uploaded files (media, storage) and the
worker's periodic sweep (periodic). The press-release domain lives beside it
in `pressroom`, the back office in `pressroom/admin/`; see docs/architecture.md.
"""
