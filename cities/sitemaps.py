from cities.models import City
from pressroom.sitemaps import SiteSitemap


class CitySitemap(SiteSitemap):
    """Each city page in exactly the languages it has a name in, with hreflang.

    Not in `pressroom.sitemaps` (pressroom never imports cities): the URLconf's
    `sitemaps` adds it as "cities".
    """

    def items(self):
        return City.objects.only(
            "slug", "name_ru", "name_fa", "name_en", "country_ru", "country_fa",
            "country_en",
        )  # fmt: skip

    def get_languages_for_item(self, item):
        return item.available_languages()

    def location(self, item):
        return item.get_absolute_url()
