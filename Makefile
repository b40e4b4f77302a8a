# The one entry point: `make run` serves the demo, `make test` tests everything.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The local demo: DEBUG on, demo account allowed, SQLite unless DATABASE_URL is set;
# mail is printed on the worker's console rather than sent.
LOCAL := DJANGO_DEBUG=1 DJANGO_DEMO=1 \
	DJANGO_EMAIL_BACKEND="$${DJANGO_EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"
# `make run` asks staff for the second step of signing in, as production does
# (the demo accounts excepted); the test suite turns it on where it tests it.
RUN := $(LOCAL) DJANGO_SECOND_FACTOR_REQUIRED=1

.PHONY: run setup test lint format messages check-messages serve bench clean lock

# Every package, direct or not, comes from the lock files at an exact version whose
# hash is checked; requirements*.txt name what we chose (`make lock` after a change).
INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
LOCK := $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links

$(VENV)/.installed-run: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(INSTALL) -r requirements.lock
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.lock
	$(INSTALL) -r requirements-dev.lock
	touch $@

lock: $(VENV)/.installed-dev
	$(LOCK) -o requirements.lock requirements.txt
	$(LOCK) -o requirements-dev.lock requirements-dev.txt

setup: $(VENV)/.installed-run
	$(LOCAL) $(PY) manage.py compile_translations --verbosity 0
	$(LOCAL) $(PY) manage.py migrate --no-input --verbosity 0
	$(LOCAL) $(PY) manage.py load_demo

run: setup
	@$(LOCAL) $(PY) manage.py demo_account
	@echo "Two-step sign-in (a code from an authenticator app) is required for every"
	@echo "staff account, in production always; these demo accounts are exempt here only."
	@echo "Site:  http://127.0.0.1:$(PORT)/  (ru, fa, en: /ru/ /fa/ /en/)"
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Mail (confirmations, alerts) is printed below by the worker."
	$(LOCAL) PORT=$(PORT) $(PY) manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev
	$(LOCAL) $(PY) manage.py compile_translations --verbosity 0
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Update locale/*.po from the code (needs GNU gettext's xgettext), then compile.
# Each string keeps the file it comes from (no line numbers, which change with
# every edit), so translators see where it is used.
messages: $(VENV)/.installed-dev
	$(LOCAL) $(PY) manage.py makemessages --locale ru --locale fa --locale en \
		--add-location=file --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' \
		--ignore 'tests/*' --ignore 'bench/*'
	$(LOCAL) $(PY) manage.py compile_translations

# Production settings under gunicorn, on SQLite unless DATABASE_URL is set, with the
# background worker (mail) beside it. A local trial needs no configuration: a secret
# key is made once in var/, plain HTTP is allowed on 127.0.0.1. Real deployments set
# everything from the environment (mail: DJANGO_EMAIL_HOST and friends).
SERVE := DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret-key)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SITE_URL="$${DJANGO_SITE_URL:-http://127.0.0.1:$(PORT)}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-0}" \
	DJANGO_BEHIND_PROXY="$${DJANGO_BEHIND_PROXY:-0}" PORT=$(PORT)

var/secret-key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: $(VENV)/.installed-run var/secret-key
	$(SERVE) $(PY) manage.py compile_translations --verbosity 0
	$(SERVE) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(SERVE) $(PY) manage.py migrate --no-input --verbosity 0
	$(SERVE) $(PY) manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE) $(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles

# Measurements, not tests (bench/README.md): load against a bare Django view on
# SQLite and PostgreSQL (writes bench/RESULTS.md), a 5-minute soak (bench/SOAK.md),
# Lighthouse on the demo (bench/LIGHTHOUSE.md). Data and logs go to bench/out/.
.PHONY: soak lighthouse newsroom
bench: $(VENV)/.installed-run
	$(PY) bench/run.py --db sqlite --db postgresql

newsroom: $(VENV)/.installed-run
	$(PY) bench/newsroom.py --db sqlite
	$(PY) bench/newsroom.py --db postgresql

soak: $(VENV)/.installed-run
	$(PY) bench/soak.py

lighthouse: $(VENV)/.installed-run
	$(PY) bench/lighthouse.py
