"""Announcing releases to their subscribers, exactly once, from the worker.

1. `announce_release`: for each language a public release is available in, make
   its `Dispatch` (unique per release and language) and, in the same
   transaction, one `Delivery` per matching subscriber. A second worker, a
   retried task or the sweep finds the dispatch made and adds nothing.
2. `send_pending`: workers claim waiting deliveries in small batches with one
   conditional UPDATE each (a row goes from "pending" to one claim only, on
   SQLite and PostgreSQL alike), send them in order over one SMTP connection,
   and mark each sent as soon as the server has accepted it.
3. `recover_stale`: a worker that died mid-batch leaves rows claimed. The first
   of them may have left already: it is marked "interrupted" and not sent again;
   the rest go back to waiting.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import timezone

from pressroom.alerts import interests
from pressroom.alerts.messages import (
    AlertMessage,
    envelope_address,
    render_alert,
    subscription_links,
)
from pressroom.alerts.models import Delivery, Dispatch, Subscription
from pressroom.models import PressRelease

logger = logging.getLogger(__name__)

BATCH = 50
# A batch of BATCH messages at the SMTP timeout each fits well within this.
STALE_AFTER = timedelta(minutes=30)
MAX_ATTEMPTS = 5
Status = Delivery.Status


def matching(subscriptions, keys):
    """The subscriptions (pk, everything, interests) a release with `keys` reaches."""
    return [
        pk
        for pk, everything, chosen in subscriptions
        if everything or keys.intersection(chosen or ())
    ]


def announce_release(release_id, now=None):
    """Make the dispatches of a public release; return those made now."""
    release = PressRelease.objects.published(now).filter(pk=release_id).first()
    if release is None:
        return []  # unpublished or rescheduled since: nothing to announce yet
    made = []
    keys = None
    for language in release.available_languages():
        if Dispatch.objects.filter(release=release, language=language).exists():
            continue
        if keys is None:
            keys = interests.release_keys(release.pk)
        try:
            with transaction.atomic():
                dispatch = Dispatch.objects.create(release=release, language=language)
                subscriptions = Subscription.objects.filter(
                    language=language
                ).values_list("pk", "everything", "interests")
                recipients = matching(subscriptions, keys)
                Delivery.objects.bulk_create(
                    (
                        Delivery(dispatch=dispatch, subscription_id=pk)
                        for pk in recipients
                    ),
                    batch_size=500,
                )
                dispatch.recipients = len(recipients)
                dispatch.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # another worker made it a moment ago
        made.append(dispatch)
    return made


def recover_stale(now=None):
    now = now or timezone.now()
    stale = (
        Delivery.objects.filter(status=Status.CLAIMED, claimed_at__lt=now - STALE_AFTER)
        .values_list("claim", flat=True)
        .distinct()
    )
    for claim in list(stale):
        rows = Delivery.objects.filter(claim=claim, status=Status.CLAIMED)
        first = rows.order_by("pk").values_list("pk", flat=True).first()
        if first is None:
            continue
        Delivery.objects.filter(pk=first, status=Status.CLAIMED).update(
            status=Status.UNKNOWN, error="The worker stopped while sending."
        )
        rows.update(status=Status.PENDING, claim="", claimed_at=None)


def claim_batch(size=BATCH):
    """Claim up to `size` waiting deliveries for this worker; return their claim."""
    claim = uuid.uuid4().hex
    waiting = Delivery.objects.filter(status=Status.PENDING).order_by("pk")
    count = Delivery.objects.filter(
        pk__in=waiting.values("pk")[:size], status=Status.PENDING
    ).update(status=Status.CLAIMED, claim=claim, claimed_at=timezone.now())
    return claim if count else None


def send_pending(now=None):
    """Send every waiting delivery; return how many were sent.

    A refused address fails its delivery alone. A server that cannot be
    reached puts the batch back to wait for the next run (the sweep retries),
    up to MAX_ATTEMPTS.
    """
    recover_stale(now)
    alerts = {}
    sent = 0
    # Opened once, the connection serves every message of the run.
    connection = get_connection()
    opened = False
    try:
        while claim := claim_batch():
            batch = (
                Delivery.objects.filter(claim=claim, status=Status.CLAIMED)
                .order_by("pk")
                .values_list(
                    "pk",
                    "dispatch_id",
                    "subscription__email",
                    "subscription__language",
                    "subscription__key",
                )
            )
            for pk, dispatch_id, email, language, key in batch:
                if email is None:  # unsubscribed since
                    finish(pk, claim, Status.CANCELLED)
                    continue
                alert = alerts.get(dispatch_id)
                if alert is None:
                    dispatch = Dispatch.objects.select_related("release").get(
                        pk=dispatch_id
                    )
                    alert = alerts[dispatch_id] = render_alert(dispatch)
                links = subscription_links(key, language)
                try:
                    if not opened:
                        connection.open()
                        opened = True
                    send_copy(connection, alert, pk, email, links)
                except smtplib.SMTPRecipientsRefused as error:
                    finish(pk, claim, Status.FAILED, error)
                except (smtplib.SMTPException, OSError) as error:
                    logger.warning("SMTP failed, sending later: %s", error)
                    release_claim(claim, error)
                    raise
                else:
                    finish(pk, claim, Status.SENT)
                    sent += 1
    finally:
        connection.close()
    return sent


def send_copy(connection, alert, delivery_id, email, links):
    """Send one subscriber's copy through the mail backend's connection.

    Over SMTP, the written-out copy goes straight to the connection Django's
    backend opened (with its TLS and login): the backend would parse both
    addresses of every copy again, most of what a copy costs. Any other
    backend (the console of `make run`, say) gets an EmailMessage.
    """
    data = alert.copy(delivery_id, email, links)
    smtp = getattr(connection, "connection", None)
    if isinstance(smtp, smtplib.SMTP):
        smtp.sendmail(settings.DEFAULT_FROM_EMAIL, [envelope_address(email)], data)
    else:
        connection.send_messages([AlertMessage(data, to=[email])])


def finish(pk, claim, status, error=""):
    """Record what became of one delivery: one short UPDATE, by primary key.

    Written as SQL: through the ORM this statement cost the worker more than
    the rest of a message together.
    """
    database = connections[router.db_for_write(Delivery)]
    table = database.ops.quote_name(Delivery._meta.db_table)
    sent_at = timezone.now() if status == Status.SENT else None
    with database.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, attempts = attempts + 1, "
            "sent_at = %s, error = %s WHERE id = %s AND claim = %s",
            [
                status,
                database.ops.adapt_datetimefield_value(sent_at),
                str(error)[:300],
                pk,
                claim,
            ],
        )


def release_claim(claim, error):
    """Put a batch the server refused back to wait; give up after MAX_ATTEMPTS."""
    rows = Delivery.objects.filter(claim=claim, status=Status.CLAIMED)
    rows.filter(attempts__gte=MAX_ATTEMPTS - 1).update(
        status=Status.FAILED, attempts=F("attempts") + 1, error=str(error)[:300]
    )
    rows.update(
        status=Status.PENDING,
        claim="",
        claimed_at=None,
        attempts=F("attempts") + 1,
        error=str(error)[:300],
    )
