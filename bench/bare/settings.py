"""The yardstick: a bare Django project with one view returning 20 KB of HTML.

Served by the same gunicorn settings as the site (`-c config/gunicorn.py`), so a
page's requests per second divided by this one's says what the site's own work
costs on this machine, whatever else the machine is doing at the time.
"""

SECRET_KEY = "bench-bare-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare.urls"
WSGI_APPLICATION = "bench.bare.wsgi.application"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_I18N = False
USE_TZ = True
LOGGING_CONFIG = None
