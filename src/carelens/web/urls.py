from django.contrib import admin
from django.urls import include, path

from carelens.web import views
from carelens.web.areas import AREAS

handler400 = "carelens.web.errors.bad_request"
handler403 = "carelens.web.errors.permission_denied"
handler404 = "carelens.web.errors.page_not_found"
handler500 = "carelens.web.errors.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("carelens.accounts.urls")),
    path("people/", include("carelens.people.urls")),
    path("imports/", include("carelens.imports.urls")),
    path("performance/", include("carelens.performance.urls")),
    path("worklists/", include("carelens.worklists.urls")),
    path("admin/", admin.site.urls),
    *[
        path(f"{area.slug}/", views.area_page(area.slug), name=area.url_name)
        for area in AREAS
        if area.own_page
    ],
]
