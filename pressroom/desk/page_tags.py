"""The cache tag of pages that name a press officer, and what a change outdates.

`officer:<id>` is on the pages of the releases the officer is the press contact
of; the press desk's own page names no tag, so every recorded change outdates
it (pressroom/shell/freshness.py). Accreditation requests show on no public page.
Registered in the app's ready().
"""

from pressroom.desk.models import AccreditationRequest, PressOfficer
from pressroom.shell import freshness


def officer(pk):
    return f"officer:{pk}"


def officer_face(item, now):
    shown = [field.value_from_object(item) for field in item._meta.concrete_fields]
    return {officer(item.pk): shown}


def register():
    freshness.register(PressOfficer, officer_face)
    freshness.register(AccreditationRequest, None)
