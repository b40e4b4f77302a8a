"""What cities adds to pressroom's services, through the hooks they offer.

- E-mail alerts (`pressroom.alerts.interests`): partner cities to subscribe to;
  a release concerns the partner cities of its partnerships.
- Events (`pressroom.events.hooks`): an event's partnerships (picked in the
  event's form), shown as its partner cities; round anniversaries of active
  partnerships in the month grid and the .ics feed.
- The site's shell (`pressroom.shell.addresses`): the cities list among the pages
  every page links to; the sections sitemap (`pressroom.sitemaps`) lists it.
- Release pages (`pressroom.views.releases`): the partner box, the partner
  city of each of a release's partnerships.
- Roles (`pressroom.roles`): what each back-office group may do with cities and
  partnerships (migration 0002_roles applies it to existing groups).
"""

from datetime import timedelta

from django.contrib import admin
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cities.anniversaries import merge_same_days, round_anniversaries
from cities.jinja2_helpers import years_count
from cities.models import City, Partnership
from pressroom import roles, sitemaps
from pressroom.alerts import interests
from pressroom.events import hooks as events
from pressroom.shell import addresses
from pressroom.shell.listing import Query
from pressroom.views import releases


def city_choices(language):
    cities = City.objects.available_in(language).partners().exclude(is_home=True)
    return [
        (city.pk, getattr(city, f"name_{language}"))
        for city in cities.order_by(f"name_{language}")
    ]


def cities_of_release(pk):
    return (
        City.objects.filter(partnerships__releases=pk)
        .values_list("pk", flat=True)
        .distinct()
    )


# The newest partnership first, those never signed last.
RELEASE_PARTNERS = Query(
    lambda pk: City.objects.filter(partnerships__releases=pk).order_by(
        F("partnerships__signed_on").desc(nulls_last=True), "-partnerships__pk"
    )
)


def city_names(ids):
    return {city.pk: city.name or str(city) for city in City.objects.filter(pk__in=ids)}


def event_partners(pks, language):
    links = Partnership.calendar_events.through.objects.filter(
        event_id__in=pks,
        partnership__partner__in=City.objects.available_in(language),
    ).select_related("partnership__partner")
    found = {}
    for link in links.order_by("partnership__partner__slug"):
        city = link.partnership.partner
        entry = (getattr(city, f"name_{language}"), city.get_absolute_url(language))
        if entry not in found.setdefault(link.event_id, []):
            found[link.event_id].append(entry)
    return found


def anniversaries(first, following, language):
    """Round anniversaries of active partnerships in [first, following)."""
    home = City.objects.home()
    partnerships = Partnership.objects.filter(
        status=Partnership.Status.ACTIVE,
        signed_on__isnull=False,
        partner__in=City.objects.available_in(language),
    ).select_related("partner")
    items = []
    last = following - timedelta(days=1)
    for partnership in partnerships:
        calendar_list = partnership.anniversary_calendars(home)
        found = merge_same_days(
            round_anniversaries(partnership.signed_on, calendar_list, until=last),
            compared=len(calendar_list) > 1,
        )
        city = partnership.partner
        for anniversary in found:
            if anniversary.date < first:
                continue
            title = gettext("{city}: {years} of partnership").format(
                city=getattr(city, f"name_{language}"),
                years=years_count(anniversary.years),
            )
            if anniversary.calendar_note:
                title = f"{title} ({anniversary.calendar_note})"
            items.append(
                events.CalendarItem(
                    date=anniversary.date,
                    title=title,
                    url=city.get_absolute_url(language),
                    uid="anniversary-{}-{}-{}".format(
                        partnership.pk,
                        anniversary.years,
                        "-".join(anniversary.calendars),
                    ),
                )
            )
    return items


class EventPartnershipInline(admin.TabularInline):
    """The partner city of an event: one of the city's partnerships."""

    model = Partnership.calendar_events.through
    extra = 0
    verbose_name = _("partner city")
    verbose_name_plural = _("partner cities")

    def editable(self, request):
        return not roles.translates_only(request.user) and request.user.has_perm(
            "cities.change_partnership"
        )

    def has_add_permission(self, request, obj=None):
        return self.editable(request)

    def has_change_permission(self, request, obj=None):
        return self.editable(request)

    def has_delete_permission(self, request, obj=None):
        return self.editable(request)


PERMISSIONS = {
    roles.EDITORS: {
        "cities.city": ("add", "change", "view"),
        "cities.partnership": ("add", "change", "view"),
    },
    roles.PUBLISHERS: {"cities.city": roles.ALL, "cities.partnership": roles.ALL},
    roles.TRANSLATORS: {
        "cities.city": ("change", "view"),
        "cities.partnership": ("change", "view"),
    },
}


def register():
    addresses.register_site_page("cities", "cities:list")
    sitemaps.register_section("cities:list")
    roles.register_permissions(PERMISSIONS)
    releases.register_partners(RELEASE_PARTNERS)
    interests.register(
        interests.InterestKind(
            prefix="city",
            label=_("Partner cities"),
            choices=city_choices,
            of_release=cities_of_release,
            names=city_names,
        )
    )
    if event_partners not in events.partner_sources:
        events.partner_sources.append(event_partners)
    if anniversaries not in events.calendar_sources:
        events.calendar_sources.append(anniversaries)
    if EventPartnershipInline not in events.admin_inlines:
        events.admin_inlines.append(EventPartnershipInline)
