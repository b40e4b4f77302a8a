from django.views.generic import TemplateView


class CityListView(TemplateView):
    template_name = "cities/city_list.html"
