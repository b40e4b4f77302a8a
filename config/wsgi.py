import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: it reads the settings and the cache.
from pressroom.shell.cache import PageCacheApp  # noqa: E402

# Cached pages for anonymous readers go out before Django makes a request.
application = PageCacheApp(django_application)
