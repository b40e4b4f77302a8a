"""The subscription pages: subscribe, confirm, manage, unsubscribe.

How the form stays safe without a CSRF token: the subscribe page is an ordinary
public page, cached and shared, so it carries no token and sets no cookie, and
its form posts without a session (`csrf_exempt`). CSRF protects what a visitor's
session may do; a subscription request has no session and grants nothing: it
only sends a confirmation link to the address typed, and nothing is stored or
sent further unless that address's owner confirms (double opt-in). Floods are
held off by rate limits per client and per address (`pressroom.shell.limits`), and a
hidden field that people leave empty.

The pages behind signed links (confirm, manage, unsubscribe) show a person's
address: they are `private, no-store`, never indexed, never cached, and the
link itself is the credential. Each acts only on POST, so a mail scanner that
opens links changes nothing; RFC 8058's one-click unsubscribe POSTs straight to
the unsubscribe link.
"""

from datetime import timedelta
from http import HTTPStatus

from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from pressroom.alerts import interests, tokens
from pressroom.alerts.forms import PreferencesForm, SubscribeForm
from pressroom.alerts.models import Subscription, UsedConfirmation
from pressroom.alerts.tasks import send_confirmation
from pressroom.shell import limits
from pressroom.shell.alternates import absolute

# Requests per client address, and confirmation messages per e-mail address.
PER_CLIENT = (10, 3600)
PER_ADDRESS = (3, 24 * 3600)


def private(response):
    """A page for one person: never stored by a cache, never indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def notice(request, title, text, status=HTTPStatus.OK, link=None, link_text=None):
    """A page with one message; by default it offers the subscription form."""
    if link is None:
        link = reverse("alerts:subscribe")
        link_text = gettext("Subscribe to press releases by e-mail")
    context = {"title": title, "text": text, "link": link, "link_text": link_text}
    response = render(request, "alerts/notice.html", {**context, "alternates": {}})
    response.status_code = status
    return private(response)


def isolated(address):
    """An address inside a sentence: left-to-right even in Persian text."""
    return format_html('<bdi dir="ltr">{}</bdi>', address)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    language = get_language()
    if request.method != "POST":
        form = SubscribeForm(language=language, initial={"language": language})
        return render(request, "alerts/subscribe.html", {"form": form})
    form = SubscribeForm(request.POST, language=language)
    if not limits.allow("subscribe-client", limits.client_ip(request), *PER_CLIENT):
        return too_many(request)
    if not form.is_valid():
        response = render(
            request,
            "alerts/subscribe.html",
            {"form": form},
            status=HTTPStatus.BAD_REQUEST,
        )
        return private(response)
    if form.is_robot:
        return sent(request, form.cleaned_data["email"])
    email = form.cleaned_data["email"]
    if not limits.allow("subscribe-address", email.lower(), *PER_ADDRESS):
        return too_many(request)
    token = tokens.confirmation_token(
        email, form.cleaned_data["language"], form.everything, form.chosen
    )
    target = form.cleaned_data["language"]
    with translation.override(target):
        url = absolute(reverse("alerts:confirm", kwargs={"token": token}), request)
        summary = interests.summary(form.everything, form.chosen)
    send_confirmation.enqueue(email, target, url, summary)
    return sent(request, email)


def sent(request, email):
    return notice(
        request,
        gettext("Check your inbox"),
        format_html(
            gettext(
                "We have sent a link to {email}. Your subscription starts when you "
                "open it and confirm. Nothing is stored until then."
            ),
            email=isolated(email),
        ),
    )


def too_many(request):
    response = notice(
        request,
        gettext("Too many requests"),
        gettext("Please try again in an hour."),
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = "3600"
    return response


def link_problem(request, error):
    if isinstance(error, tokens.ExpiredLink):
        return notice(
            request,
            gettext("This link has expired"),
            gettext(
                "Confirmation links are valid for a few days. Please subscribe again."
            ),
            status=HTTPStatus.GONE,
        )
    return notice(
        request,
        gettext("This link is not valid"),
        gettext(
            "It may have been cut or changed when it was copied. Open it from "
            "the message again, or subscribe again."
        ),
        status=HTTPStatus.BAD_REQUEST,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token, retried=False):
    try:
        wanted = tokens.read_confirmation(token)
    except (tokens.BadLink, tokens.ExpiredLink) as error:
        return link_problem(request, error)
    digest = tokens.digest(token)
    existing = Subscription.objects.filter(
        email__iexact=wanted.email, language=wanted.language
    ).first()
    if existing and existing.confirmation == digest:
        return subscribed(request, existing)
    if UsedConfirmation.objects.filter(digest=digest).exists():
        return notice(
            request,
            gettext("This link has been used"),
            gettext(
                "It cannot be used again. To subscribe, please fill in the form again."
            ),
            status=HTTPStatus.GONE,
        )
    if request.method != "POST":
        context = {
            "email": wanted.email,
            "summary": interests.summary(wanted.everything, wanted.interests),
        }
        return private(render(request, "alerts/confirm.html", context))
    try:
        subscription = subscribe_for_good(wanted, digest, existing)
    except IntegrityError:
        if retried:
            raise
        # The same link, or another for the same address, confirmed a moment
        # ago (a double click): answer as that one left things.
        return confirm(request, token, retried=True)
    return subscribed(request, subscription)


@transaction.atomic
def subscribe_for_good(wanted, digest, existing):
    """Store a confirmed subscription, and the link as used; return it."""
    UsedConfirmation.objects.create(
        digest=digest,
        expires_at=timezone.now() + timedelta(seconds=tokens.max_age()),
    )
    subscription = existing or Subscription(
        email=wanted.email, language=wanted.language
    )
    subscription.everything = wanted.everything
    subscription.interests = list(wanted.interests)
    subscription.key = Subscription._meta.get_field("key").default()
    subscription.confirmation = digest
    subscription.confirmed_at = timezone.now()
    subscription.save()
    return subscription


def subscribed(request, subscription):
    return notice(
        request,
        gettext("You are subscribed"),
        format_html(
            gettext(
                "Messages go to {email}: {summary}. Every message has a link to "
                "change your choices or to unsubscribe."
            ),
            email=isolated(subscription.email),
            summary=interests.summary(subscription.everything, subscription.interests),
        ),
        link=manage_path(subscription),
        link_text=gettext("Change your choices or unsubscribe"),
    )


def manage_path(subscription):
    return reverse(
        "alerts:manage", kwargs={"token": tokens.subscription_token(subscription)}
    )


def subscription_for(token):
    """The subscription of a manage or unsubscribe link, or None if it ended."""
    key = tokens.read_subscription_token(token)
    return Subscription.objects.filter(key=key).first()


def gone(request):
    return notice(
        request,
        gettext("No such subscription"),
        gettext(
            "You are not subscribed with this link: it has ended or been replaced."
        ),
        status=HTTPStatus.GONE,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    try:
        subscription = subscription_for(token)
    except tokens.BadLink as error:
        return link_problem(request, error)
    if subscription is None:
        return gone(request)
    language = get_language()
    if request.method == "POST":
        form = PreferencesForm(request.POST, language=language)
        if form.is_valid():
            subscription.everything = form.everything
            subscription.interests = form.chosen
            subscription.save(update_fields=["everything", "interests", "changed_at"])
            saved = True
        else:
            saved = False
    else:
        form = PreferencesForm(
            language=language,
            initial={
                "scope": "all" if subscription.everything else "chosen",
                "interests": subscription.interests,
            },
        )
        saved = False
    status = (
        HTTPStatus.BAD_REQUEST
        if form.is_bound and not form.is_valid()
        else HTTPStatus.OK
    )
    context = {
        "form": form,
        "subscription": subscription,
        "saved": saved,
        "unsubscribe_url": reverse("alerts:unsubscribe", kwargs={"token": token}),
        "alternates": {},
    }
    return private(render(request, "alerts/manage.html", context, status=status))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscription = subscription_for(token)
    except tokens.BadLink as error:
        return link_problem(request, error)
    if request.method == "POST":
        # RFC 8058: answer a repeated one-click POST as kindly as the first.
        if subscription is not None:
            subscription.delete()
        return notice(
            request,
            gettext("You are unsubscribed"),
            gettext("You will receive no more press releases by e-mail."),
        )
    if subscription is None:
        return gone(request)
    context = {"subscription": subscription, "alternates": {}}
    return private(render(request, "alerts/unsubscribe.html", context))
