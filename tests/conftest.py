import os

# Tests run the local configuration: DEBUG for readable failures, DEMO for the
# demo commands. Production settings are tested explicitly in tests/test_settings.py.
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_DEMO", "1")
# The page cache outlives a test's database; tests of the cache turn it on themselves.
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")
