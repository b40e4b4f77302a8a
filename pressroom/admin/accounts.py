"""Staff accounts: the second factor is reset from the users' list.

django-otp's own device admins are not shown: their labels cannot be
translated, and staff never need to edit a device. A superuser who resets
someone's second factor (a lost phone) removes their app and recovery codes;
they connect an app again at their next sign-in.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.action(
    description=_("Reset the second step of signing in"),
    permissions=["change"],
)
def reset_second_factor(modeladmin, request, queryset):
    users = list(queryset)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user__in=users).delete()
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d account will connect an authenticator app again at its "
            "next sign-in.",
            "%(count)d accounts will connect an authenticator app again at their "
            "next sign-in.",
            len(users),
        )
        % {"count": len(users)},
        messages.SUCCESS,
    )


User = get_user_model()
if admin.site.is_registered(User):
    StaffAdmin = type(admin.site.get_model_admin(User))
    admin.site.unregister(User)
else:
    StaffAdmin = UserAdmin


@admin.register(User)
class AccountAdmin(StaffAdmin):
    actions = [*(StaffAdmin.actions or []), reset_second_factor]
