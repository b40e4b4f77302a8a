"""Two people on one change form: nobody's work is lost.

An admin change form carries, in a signed hidden field, the values it was opened
with (its *snapshot*: the object's form fields and every inline row's). A save
compares three values of each field:

- *base*: what the form showed when it was opened (the snapshot);
- *mine*: what this person submitted;
- *theirs*: what the database holds now, perhaps saved by someone else since.

A field this person did not touch (mine equals base, by the form field's own
`has_changed`) is never written: it keeps theirs, so an editor's save of the
Russian leaves the Persian a translator saved meanwhile as it is. A field both
changed, to different values, is a *conflict*: the save stops (its transaction
rolls back) and the person chooses, field by field, on a page that carries
everything they submitted. A choice names the value it was made against, so a
value changed again meanwhile asks again.

Inline rows merge the same way, row by row. Rows someone else added are not in
this person's formset and so are never touched. A row someone else deleted stays
deleted: it is taken out of the submission before the formset reads it, and if
this person had typed into it, the save stops first and shows what they typed.
The history names the fields this person changed, not those the merge kept.

The snapshot, not a version number, is what a save is compared with: a version
number says *that* something changed, the snapshot says *what*, which is what a
field-level merge needs (django-concurrency offers the first only).
"""

import re

from django.core import signing
from django.core.exceptions import BadRequest
from django.utils.translation import gettext

from pressroom.concurrent_values import (
    MINE,
    THEIRS,
    digest,
    display,
    dump,
    dump_cleaned,
    model_field,
)

FIELD = "_opened"  # the hidden input that carries the snapshot
CHOICE = "_choose:"  # prefix of the conflict page's choices: "_choose:<key>"
SALT = "pressroom.concurrent_edits"
DELETED = "deleted"  # the digest of a row someone else deleted


class Conflict(Exception):
    """Both people changed the same fields; `conflicts` lists them."""

    def __init__(self, conflicts):
        super().__init__(f"{len(conflicts)} conflicting field(s)")
        self.conflicts = conflicts


def dump_form(form, obj):
    """The snapshot of one form: its model fields' values in `obj`."""
    values = {}
    for name in form.fields:
        field = model_field(type(obj), name)
        if field is not None:
            values[name] = dump(field, obj)
    return values


def row_key(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def take_snapshot(form, formsets):
    """The signed snapshot of a change form as it is shown now."""
    rows = {}
    for formset in formsets:
        for row_form in formset.initial_forms:
            row = row_form.instance
            if row.pk is not None:
                rows[row_key(row)] = dump_form(row_form, row)
    snapshot = {
        "object": row_key(form.instance),
        "fields": dump_form(form, form.instance),
        "rows": rows,
    }
    return signing.dumps(snapshot, salt=SALT, compress=True)


def read_snapshot(token, obj):
    try:
        snapshot = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise BadRequest("The form's snapshot is damaged.") from error
    if snapshot.get("object") != row_key(obj):
        raise BadRequest("The form's snapshot is another object's.")
    return snapshot


def base_instance(model, values, current):
    """A copy of `current` holding the snapshot's values (for the form's initial)."""
    base = model()
    for field in model._meta.concrete_fields:
        setattr(base, field.attname, getattr(current, field.attname))
    for name, value in values.items():
        field = model_field(model, name)
        if field is None or field.many_to_many:
            continue
        setattr(base, field.attname, None if value is None else field.to_python(value))
    return base


def touched_fields(form, base_values, current):
    """The fields this person changed since the form was opened."""
    model = type(form.instance)
    base = base_instance(model, base_values, current)
    initial = {
        name: value
        for name, value in base_values.items()
        if model_field(model, name) is not None
        and model_field(model, name).many_to_many
    }
    opened = type(form)(instance=base, initial=initial, prefix=form.prefix)
    touched = set()
    for name, field in form.fields.items():
        if name not in base_values or name not in opened.fields:
            # A form-only field, or one a formset adds (the row's id, DELETE):
            # Django's own reading.
            if name in form.changed_data:
                touched.add(name)
        elif field.has_changed(opened[name].initial, form[name].data):
            touched.add(name)
    # What the form's own rules set from this person's request (a publishing
    # step sets the publication time, say) counts as theirs too.
    return touched | set(getattr(form, "decided_fields", ()))


def without_rows(data, prefix, gone, total, initial):
    """A copy of a QueryDict or MultiValueDict with rows `gone` of a formset
    taken out and the rest renumbered."""
    pattern = re.compile(rf"{re.escape(prefix)}-(\d+)-(.+)")
    kept = data.copy()
    rows = {}
    for key in list(kept.keys()):
        match = pattern.fullmatch(key)
        if match:
            rows.setdefault(int(match[1]), {})[match[2]] = kept.getlist(key)
            del kept[key]
    remaining = [index for index in range(total) if index not in gone]
    for new_index, index in enumerate(remaining):
        for suffix, values in rows.get(index, {}).items():
            kept.setlist(f"{prefix}-{new_index}-{suffix}", values)
    if f"{prefix}-TOTAL_FORMS" in kept:
        kept[f"{prefix}-TOTAL_FORMS"] = str(total - len(gone))
        kept[f"{prefix}-INITIAL_FORMS"] = str(initial - len(gone))
    return kept


# The merge


class Edit:
    """One save of a change form against the snapshot it was opened with."""

    def __init__(self, snapshot, choices):
        self.snapshot = snapshot
        self.choices = choices  # key: (side, digest of theirs when chosen)
        self.conflicts = []
        self.touched = {}  # form: the names this person changed

    @classmethod
    def from_post(cls, data, obj):
        """The edit a POST makes, or None for a form without a snapshot."""
        token = data.get(FIELD)
        if not token:
            return None
        choices = {}
        for key, value in data.items():
            if key.startswith(CHOICE):
                side, _sep, chosen_digest = value.partition(":")
                if side in (MINE, THEIRS):
                    choices[key.removeprefix(CHOICE)] = (side, chosen_digest)
        return cls(read_snapshot(token, obj), choices)

    def opened_value(self, name):
        """What the form showed for the model field `name`, as `dump` wrote it."""
        return self.snapshot["fields"].get(name)

    def merge_form(self, form, obj, current, base_values, label=""):
        """Make `obj` (the form's result) keep every field this person left alone.

        Untouched fields take `current`'s value; touched ones keep this person's.
        Where both changed a field to different values, a conflict is recorded
        unless a choice made against today's value of theirs settles it.
        """
        touched = touched_fields(form, base_values, current)
        model = type(obj)
        for name in form.fields:
            field = model_field(model, name)
            if field is None or name not in base_values:
                continue
            theirs = dump(field, current)
            if name in touched and theirs != base_values[name]:
                mine = dump_cleaned(field, form, obj)
                if mine != theirs:
                    key = form.add_prefix(name)
                    side, chosen = self.choices.get(key, (None, None))
                    if chosen != digest(theirs):
                        self.conflicts.append(
                            self.describe(form, field, obj, current, key, label)
                        )
                        continue
                    if side == THEIRS:
                        touched.discard(name)
            if name not in touched:
                if field.many_to_many:
                    form.cleaned_data[name] = theirs
                else:
                    setattr(obj, field.attname, field.value_from_object(current))
        self.touched[form] = touched
        return touched

    def merge_main(self, form, obj):
        current = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        self.merge_form(form, obj, current, self.snapshot["fields"])

    def merge_formset(self, formset):
        rows = self.snapshot["rows"]
        forms = [
            form
            for form in formset.initial_forms
            if form.instance.pk is not None
            and row_key(form.instance) in rows
            and form not in formset.deleted_forms
        ]
        if not forms:
            return
        current = formset.model._default_manager.select_for_update().in_bulk(
            [form.instance.pk for form in forms]
        )
        for form in forms:
            row = current.get(form.instance.pk)
            if row is not None:
                label = f"{formset.model._meta.verbose_name}: {row}"
                self.merge_form(form, form.instance, row, rows[row_key(row)], label)

    def describe(self, form, field, obj, current, key, label):
        language = getattr(field, "language", None)
        return {
            "key": key,
            "name": CHOICE + key,
            "label": form.fields[field.name].label or field.verbose_name,
            "row": label,
            "language": language,
            "mine": display(field, form, obj, MINE),
            "theirs": display(field, form, current, THEIRS),
            "digest": digest(dump(field, current)),
        }

    def drop_deleted_rows(self, data, files, prefix, form_class):
        """`data` and `files` without the rows of `prefix` deleted meanwhile.

        The rows after them move up, as if the form had been opened after the
        deletion; a row this person had typed into is a conflict, shown with
        what they typed, until they acknowledge it.
        """
        model = form_class._meta.model
        rows = self.snapshot["rows"]
        total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
        initial = min(int(data.get(f"{prefix}-INITIAL_FORMS") or 0), total)
        pk_name = model._meta.pk.name
        opened = {}
        for index in range(initial):
            pk = data.get(f"{prefix}-{index}-{pk_name}")
            if f"{model._meta.label_lower}:{pk}" in rows:
                opened[index] = pk
        if not opened:
            return data, files
        present = {
            str(pk)
            for pk in model._default_manager.filter(
                pk__in=list(opened.values())
            ).values_list("pk", flat=True)
        }
        gone = [index for index, pk in opened.items() if pk not in present]
        for index in gone:
            self.note_deleted_row(
                form_class(data=data, files=files, prefix=f"{prefix}-{index}"),
                rows[f"{model._meta.label_lower}:{opened[index]}"],
                f"{prefix}-{DELETED}-{opened[index]}",
            )
        if not gone:
            return data, files
        return (
            without_rows(data, prefix, gone, total, initial),
            without_rows(files, prefix, gone, total, initial),
        )

    def note_deleted_row(self, form, base_values, key):
        model = form._meta.model
        base = base_instance(model, base_values, model())
        touched = touched_fields(form, base_values, base)
        if not touched or self.choices.get(key) == (THEIRS, DELETED):
            return
        typed = "\n".join(
            f"{form.fields[name].label}: {form[name].value() or '—'}"
            for name in form.fields
            if name in touched
        )
        self.conflicts.append(
            {
                "key": key,
                "name": CHOICE + key,
                "label": gettext("Deleted meanwhile by someone else"),
                "row": f"{model._meta.verbose_name}: {base}",
                "language": None,
                "mine": typed,
                "theirs": gettext(
                    "Deleted. Copy what you typed if it is still needed."
                ),
                "digest": DELETED,
                "deleted": True,
            }
        )

    def raise_conflicts(self):
        if self.conflicts:
            raise Conflict(self.conflicts)

    def changed_names(self, form):
        """What this person changed in `form`, for the history."""
        return self.touched.get(form, set(form.changed_data))
