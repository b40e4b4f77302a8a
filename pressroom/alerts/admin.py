"""The subscriber list and the sending status, for publishers (`pressroom.roles`).

Read-only: subscriptions are made and changed by their owners through signed
links; staff may remove one and export the list.
"""

import csv

from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from pressroom import calendars
from pressroom.alerts import interests
from pressroom.alerts.models import Delivery, Dispatch, Subscription
from pressroom.local_numbers import LocalDatesAdmin, digits, number_column

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def scope_text(subscription):
    return interests.summary(subscription.everything, subscription.interests)


class ReadOnlyAdmin(LocalDatesAdmin, admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ("email", "language", "scope", "confirmed_at")
    list_filter = ("language", "everything")
    search_fields = ("email",)
    date_hierarchy = "confirmed_at"
    fields = ("email", "language", "scope", "confirmed_at", "changed_at")
    readonly_fields = fields
    actions = ["export_csv", "delete_selected"]
    list_per_page = 100

    @admin.display(description=_("receives"))
    def scope(self, subscription):
        return scope_text(subscription)

    @admin.action(description=_("Export as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="subscribers-{stamp}.csv"'
        )
        # A byte-order mark: spreadsheets then read Cyrillic and Persian right.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                gettext("E-mail"),
                gettext("Language"),
                gettext("Receives"),
                gettext("Confirmed"),
            ]
        )
        for subscription in queryset.order_by("confirmed_at", "pk").iterator():
            writer.writerow(
                [
                    spreadsheet_safe(subscription.email),
                    subscription.language,
                    spreadsheet_safe(scope_text(subscription)),
                    timezone.localtime(subscription.confirmed_at).isoformat(
                        timespec="minutes"
                    ),
                ]
            )
        return response


@admin.register(Dispatch)
class DispatchAdmin(ReadOnlyAdmin):
    list_display = (
        "release",
        "language",
        "announced",
        number_column(Dispatch._meta.get_field("recipients")),
        "sent",
        "waiting",
        "failed",
    )
    list_filter = ("language",)
    list_select_related = ("release",)
    search_fields = ("release__title_ru", "release__title_fa", "release__title_en")
    fields = ("release", "language", "created_at", "recipients")
    readonly_fields = fields

    def get_queryset(self, request):
        status = Delivery.Status
        return (
            super()
            .get_queryset(request)
            .annotate(
                sent_count=Count(
                    "deliveries", filter=Q(deliveries__status=status.SENT)
                ),
                waiting_count=Count(
                    "deliveries",
                    filter=Q(deliveries__status__in=[status.PENDING, status.CLAIMED]),
                ),
                failed_count=Count(
                    "deliveries",
                    filter=Q(deliveries__status__in=[status.FAILED, status.UNKNOWN]),
                ),
            )
        )

    @admin.display(description=_("announced"), ordering="created_at")
    def announced(self, dispatch):
        return calendars.format_datetime(dispatch.created_at, get_language())

    @admin.display(description=_("sent"), ordering="sent_count")
    def sent(self, dispatch):
        return digits(dispatch.sent_count)

    @admin.display(description=_("waiting"), ordering="waiting_count")
    def waiting(self, dispatch):
        return digits(dispatch.waiting_count)

    @admin.display(description=_("failed"), ordering="failed_count")
    def failed(self, dispatch):
        return digits(dispatch.failed_count)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = (
        "dispatch",
        "subscription",
        "status",
        number_column(Delivery._meta.get_field("attempts")),
        "sent_at",
        "error",
    )
    list_filter = ("status", "dispatch__language")
    list_select_related = ("dispatch__release", "subscription")
    search_fields = ("subscription__email",)
    fields = ("dispatch", "subscription", "status", "attempts", "sent_at", "error")
    readonly_fields = fields
    list_per_page = 100
