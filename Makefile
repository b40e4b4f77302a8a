# The one entry point: `make run` serves the demo, `make test` tests everything.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The local demo: DEBUG on, demo account allowed, SQLite unless DATABASE_URL is set.
LOCAL := DJANGO_DEBUG=1 DJANGO_DEMO=1

.PHONY: run setup test lint format messages check-messages serve bench clean

$(VENV)/.installed-run: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed-run
	$(LOCAL) $(PY) manage.py compile_translations --verbosity 0
	$(LOCAL) $(PY) manage.py migrate --no-input --verbosity 0
	$(LOCAL) $(PY) manage.py load_demo
	$(LOCAL) $(PY) manage.py load_demo_cities

run: setup
	@$(LOCAL) $(PY) manage.py demo_account
	@echo "Site:  http://127.0.0.1:$(PORT)/  (ru, fa, en: /ru/ /fa/ /en/)"
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/"
	$(LOCAL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

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
messages: $(VENV)/.installed-dev
	$(LOCAL) $(PY) manage.py makemessages --locale ru --locale fa --locale en \
		--no-location --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' \
		--ignore 'tests/*' --ignore 'bench/*'
	$(LOCAL) $(PY) manage.py compile_translations

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles
