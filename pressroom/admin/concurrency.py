"""Several people on one change form: the admin's side of it.

`ConcurrentEditAdmin` goes first among a ModelAdmin's bases. It puts the form's
snapshot in the page, merges each save with what others saved meanwhile
(pressroom/concurrent_edits.py), answers a conflict with the choice page, writes
the history from what this person changed, and shows who else has the form
open (pressroom/presence.py): on the form, refreshed by a heartbeat, and as a
mark on the list.
"""

from http import HTTPStatus

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from pressroom import concurrent_edits, presence
from pressroom.admin import staged_uploads
from pressroom.concurrent_edits import Conflict, Edit
from pressroom.concurrent_rows import deletions_checked

# The conflict page carries every submitted value except these.
NOT_CARRIED = {"csrfmiddlewaretoken", staged_uploads.FIELD}


class ConcurrentEditAdmin:
    conflict_template = "admin/concurrent_edit_conflict.html"

    # The form: snapshot, merge, conflicts

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        request.concurrent_edit = obj and Edit.from_post(request.POST, obj)
        # Files chosen before a conflict page, carried by it as signed notes.
        staged = staged_uploads.restore(request)
        try:
            response = super().changeform_view(
                request, object_id, form_url, extra_context
            )
        except Conflict as conflict:
            response = self.conflict_response(request, obj, conflict.conflicts)
            # The save was rolled back; the version django-reversion collected
            # for it (its revision wraps this view) must not be kept either.
            if transaction.get_connection().in_atomic_block:
                transaction.set_rollback(True)
            return response
        if staged and response.status_code == HTTPStatus.FOUND:
            staged_uploads.discard(staged)  # saved where they belong by now
        return response

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if change and obj is not None:
            # A form shown again (its errors) keeps the snapshot it was opened with.
            token = request.POST.get(concurrent_edits.FIELD) or (
                concurrent_edits.take_snapshot(
                    context["adminform"].form,
                    [inline.formset for inline in context["inline_admin_formsets"]],
                )
            )
            presence.record(request.user, obj)
            context.update(
                concurrent_edit_field=concurrent_edits.FIELD,
                concurrent_edit_token=token,
                presence_text=presence.describe(presence.others(request.user, obj)),
                presence_url=reverse(
                    f"{self.admin_site.name}:"
                    f"{self.opts.app_label}_{self.opts.model_name}_presence",
                    args=[obj.pk],
                ),
                presence_seconds=presence.HEARTBEAT_SECONDS,
                presence_shared_seconds=presence.SHARED_HEARTBEAT_SECONDS,
            )
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        edit = getattr(request, "concurrent_edit", None)
        if change and edit:
            edit.merge_main(form, obj)
        return obj

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        edit = getattr(request, "concurrent_edit", None)
        if edit and "data" in kwargs:
            form_class = inline.get_formset(request, obj).form
            data = deletions_checked(edit, kwargs["data"], prefix, form_class)
            kwargs["data"], kwargs["files"] = edit.drop_deleted_rows(
                data, kwargs["files"], prefix, form_class
            )
        return kwargs

    def save_related(self, request, form, formsets, change):
        edit = getattr(request, "concurrent_edit", None)
        if change and edit:
            for formset in formsets:
                edit.merge_formset(formset)
            # Nothing is saved yet that the admin's transaction does not undo.
            edit.raise_conflicts()
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add):
        edit = getattr(request, "concurrent_edit", None)
        if add or not edit:
            return super().construct_change_message(request, form, formsets, add)
        # As Django does: names in the default language, translated when shown.
        with translation.override(None):
            return change_message(edit, form, formsets)

    def conflict_response(self, request, obj, conflicts):
        carried = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in NOT_CARRIED and not name.startswith(concurrent_edits.CHOICE)
            for value in values
        ]
        # A page cannot fill a file input: the chosen files are stored and
        # carried as signed notes, put back when the choices are saved.
        carried += [
            (staged_uploads.FIELD, note) for note in staged_uploads.stage_all(request)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": gettext("Someone else saved this meanwhile"),
            "subtitle": str(obj),
            "conflicts": conflicts,
            "carried": carried,
            "kept_files": [
                upload.name
                for _field, uploads in request.FILES.lists()
                for upload in uploads
            ],
            "last_saved": last_saved(obj),
            "has_view_permission": self.has_view_permission(request, obj),
        }
        return TemplateResponse(request, self.conflict_template, context, status=409)

    # Presence

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_presence"
        view = self.admin_site.admin_view(require_POST(self.presence_view))
        return [
            path("<path:object_id>/presence/", view, name=name),
            *super().get_urls(),
        ]

    def presence_view(self, request, object_id):
        """The heartbeat: note that this person is here (or leaving); who else is."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        if request.POST.get("leave"):
            presence.leave(request.user, obj)
            return JsonResponse({"text": ""})
        presence.record(request.user, obj)
        others = presence.others(request.user, obj)
        return JsonResponse(
            {
                "text": presence.describe(others),
                "others": [
                    {
                        "user": other.user.get_username(),
                        "since": presence.since(other.opened_at),
                    }
                    for other in others
                ],
            }
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), presence_column(request, self)]


def last_saved(obj):
    """Who saved the values this person now sees as "saved meanwhile", and when."""
    latest = (
        Version.objects.get_for_object(obj).select_related("revision__user").first()
    )
    if latest is None or latest.revision.user is None:
        return ""
    return gettext("Last saved by {user}, {time}.").format(
        user=latest.revision.user.get_username(),
        time=presence.since(latest.revision.date_created),
    )


def presence_column(request, model_admin):
    """The list's "open now" column; the first row reads every row's presence."""
    marks = {}

    @admin.display(description=_("open now"))
    def open_now(obj):
        if not marks:
            marks["open"] = presence.open_objects(request.user, model_admin.model)
        people = marks["open"].get(str(obj.pk))
        if not people:
            return ""
        names = get_text_list([p.user.get_username() for p in people], gettext("and"))
        label = gettext("Open now: {people}").format(people=names)
        return format_html(
            '<img class="presence-mark" src="{}" title="{}" alt="{}" width="16" '
            'height="16">',
            static("admin/img/icon-changelink.svg"),
            label,
            label,
        )

    return open_now


def change_message(edit, form, formsets):
    """Django's change message, naming only what this person changed."""
    message = []
    changed = [
        str(form.fields[name].label or name)
        for name in form.fields
        if name in edit.changed_names(form)
    ]
    if changed:
        message.append({"changed": {"fields": changed}})
    for formset in formsets:
        for added in formset.new_objects:
            message.append(
                {"added": {"name": str(added._meta.verbose_name), "object": str(added)}}
            )
        for row, _django_changed in formset.changed_objects:
            row_form = next(f for f in formset.initial_forms if f.instance is row)
            fields = [
                str(row_form.fields[name].label or name)
                for name in row_form.fields
                if name in edit.changed_names(row_form)
            ]
            if fields:
                message.append(
                    {
                        "changed": {
                            "name": str(row._meta.verbose_name),
                            "object": str(row),
                            "fields": fields,
                        }
                    }
                )
        for deleted in formset.deleted_objects:
            message.append(
                {
                    "deleted": {
                        "name": str(deleted._meta.verbose_name),
                        "object": str(deleted),
                    }
                }
            )
    return message
