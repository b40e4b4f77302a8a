"""Deleting an inline row someone else changed meanwhile: asked, never silent.

`pressroom.concurrent_edits` merges the rows a person keeps; a row they mark for
deletion was simply deleted, and with it whatever another person had saved in
it since the form was opened. Before the formset reads the submission, each row
marked for deletion is compared with the snapshot: if its saved values changed
meanwhile, the save stops with the choice page — delete it anyway, or keep it
with the other person's changes. A choice names the values it was made
against, so a row changed again meanwhile asks again.
"""

from django.utils.translation import gettext

from pressroom.concurrent_edits import CHOICE
from pressroom.concurrent_values import THEIRS, digest, display, dump, model_field

CHANGED = "changed"  # key of a deletion the other person's changes stand against


def deletions_checked(edit, data, prefix, form_class):
    """`data` with the deletion of a row changed meanwhile undone where this
    person chose to keep it; a conflict noted on `edit` where they have not
    chosen yet."""
    model = form_class._meta.model
    rows = edit.snapshot["rows"]
    pk_name = model._meta.pk.name
    total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
    initial = min(int(data.get(f"{prefix}-INITIAL_FORMS") or 0), total)
    deleting = {}
    for index in range(initial):
        pk = data.get(f"{prefix}-{index}-{pk_name}")
        key = f"{model._meta.label_lower}:{pk}"
        if key in rows and data.get(f"{prefix}-{index}-DELETE"):
            deleting[index] = (pk, rows[key])
    if not deleting:
        return data
    found = model._default_manager.in_bulk([pk for pk, _base in deleting.values()])
    current = {str(pk): row for pk, row in found.items()}
    kept = None
    for index, (pk, base_values) in deleting.items():
        row = current.get(pk)
        if row is None:  # deleted meanwhile too: concurrent_edits drops it
            continue
        changed = {
            name: dump(model_field(model, name), row)
            for name in base_values
            if model_field(model, name) is not None
            and dump(model_field(model, name), row) != base_values[name]
        }
        if not changed:
            continue
        key = f"{prefix}-{CHANGED}-{pk}"
        side, chosen = edit.choices.get(key, (None, None))
        if chosen == digest(changed):
            if side == THEIRS:
                kept = kept if kept is not None else data.copy()
                del kept[f"{prefix}-{index}-DELETE"]
            continue
        form = form_class(prefix=f"{prefix}-{index}", instance=row)
        edit.conflicts.append(
            {
                "key": key,
                "name": CHOICE + key,
                "label": gettext("Changed meanwhile by someone else"),
                "row": f"{model._meta.verbose_name}: {row}",
                "language": None,
                "mine": gettext("Delete it"),
                "theirs": "\n".join(
                    f"{form.fields[name].label}: "
                    f"{display(model_field(model, name), form, row, THEIRS)}"
                    for name in changed
                    if name in form.fields
                ),
                "digest": digest(changed),
                "deleting": True,
            }
        )
    return data if kept is None else kept
