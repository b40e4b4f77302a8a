"""The press desk in the back-office: press officers, accreditation requests."""

from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from pressroom import calendars
from pressroom.backoffice import BackOfficeMixin
from pressroom.desk.models import AccreditationRequest, PressOfficer
from pressroom.desk.tasks import notify_applicant
from pressroom.local_numbers import LocalDatesAdmin


@admin.register(PressOfficer)
class PressOfficerAdmin(BackOfficeMixin, CompareVersionAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "role", "phone", "email", "position")
    list_editable = ("position",)
    search_fields = ("name_ru", "name_fa", "name_en", "email")
    fields = ("name", "role", "phone", "email", "topics", "position")
    filter_horizontal = ("topics",)


@admin.register(AccreditationRequest)
class AccreditationRequestAdmin(LocalDatesAdmin, admin.ModelAdmin):
    list_display = (
        "name",
        "outlet",
        "kind",
        "event",
        "status",
        "told",
        "created_at",
    )
    list_filter = ("status", "kind", "language")
    list_select_related = ("event",)
    search_fields = ("name", "outlet", "email")
    date_hierarchy = "created_at"
    readonly_fields = (
        "name",
        "outlet",
        "job_title",
        "email",
        "phone",
        "kind",
        "event",
        "message",
        "language",
        "created_at",
        "told",
    )
    fieldsets = [
        (
            _("Applicant"),
            {"fields": ("name", "outlet", "job_title", "email", "phone", "language")},
        ),
        (_("Request"), {"fields": ("kind", "event", "message", "created_at")}),
        (_("Decision"), {"fields": ("status", "reply", "told")}),
    ]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False  # journalists send requests from the press desk page

    @admin.display(description=_("applicant told"), boolean=True)
    def told(self, accreditation):
        return accreditation.notified_status == accreditation.status

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            self.tell(obj)

    def tell(self, accreditation):
        # In the save's transaction: the message goes only if the change stays.
        notify_applicant.enqueue(accreditation.pk)

    def set_status(self, request, queryset, status):
        changed = 0
        with transaction.atomic():
            for accreditation in queryset.exclude(status=status):
                accreditation.status = status
                accreditation.save(update_fields=["status", "updated_at"])
                self.tell(accreditation)
                changed += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s request changed; the applicant will be told by e-mail.",
                "%(count)s requests changed; the applicants will be told by e-mail.",
                changed,
            )
            % {"count": calendars.localize_digits(changed, get_language())},
            messages.SUCCESS,
        )

    @admin.action(description=_("Accredit"), permissions=["change"])
    def approve(self, request, queryset):
        self.set_status(request, queryset, AccreditationRequest.Status.APPROVED)

    @admin.action(description=_("Decline"), permissions=["change"])
    def decline(self, request, queryset):
        self.set_status(request, queryset, AccreditationRequest.Status.DECLINED)
