import os

# Tests run the local configuration: DEBUG for readable failures, DEMO for the
# demo commands. Production settings are tested explicitly in tests/test_settings.py.
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_DEMO", "1")
