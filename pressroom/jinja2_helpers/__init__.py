"""The functions and filters the public pages' Jinja2 templates call, by subject:
`calendars` (dates and digits in the reader's language) and `pages` (links,
pictures, phrases of the shell and the release pages). `config/jinja2.py`
registers them in the environment. The back-office's Django template libraries
stay in `pressroom/templatetags/`.
"""
