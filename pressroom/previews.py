"""Preview links: a release that is not public yet, shown to someone without an
account (the partner city's press office) at `/<lang>/preview/<token>/`.

The link is made by an editor or a publisher in the admin (`PreviewLinkInline`),
which shows its address again while it is valid. The token is derived from a
stored seed and SECRET_KEY and looked up by its hash; an unknown, expired or
revoked token, or one opened under another language's prefix, answers 404. Every
opening is counted. The page says to whoever opens it that it is an unpublished
preview.
"""

from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from pressroom.models import PreviewLink
from pressroom.shell.media import granted_until
from pressroom.views.releases import render_release


@require_safe
@never_cache
def release_preview(request, token):
    language = get_language()
    link = (
        PreviewLink.objects.active()
        .select_related("release")
        .filter(token_hash=PreviewLink.hash_token(token), language=language)
        .first()
    )
    if link is None:
        raise Http404("No such preview.")
    # An UPDATE, not save(): opening a preview is not an edit of the content.
    PreviewLink.objects.filter(pk=link.pk).update(
        use_count=F("use_count") + 1, last_used_at=timezone.now()
    )
    release = link.release
    if not release.is_available_in(language):
        raise Http404("The release has no text in this language yet.")
    if release.is_public:
        return redirect(release.get_absolute_url(language))
    # Nothing of the other languages: they are not public either, and their
    # addresses carry their titles. Its photo and documents are not public
    # either: their addresses on this page work until the link expires.
    with granted_until(link.expires_at):
        return render_release(
            request, release, language, preview="link", alternates={}, translations={}
        )
