from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import include, path

from carelens.web import views
from carelens.web.areas import AREAS

handler400 = "carelens.web.errors.bad_request"
handler403 = "carelens.web.errors.permission_denied"
handler404 = "carelens.web.errors.page_not_found"
handler500 = "carelens.web.errors.server_error"

admin.site.site_header = "carelens administration"
admin.site.site_title = "carelens administration"
admin.site.index_title = "Users, teams and roles"


def _admin_login(request, extra_context=None):
    """The admin signs in through carelens' own login, with its throttling and audit.

    A signed-in user who is not an administrator gets the 403 page, not a
    redirect back to the login page (which would loop).
    """
    if request.user.is_authenticated:
        raise PermissionDenied("The admin is for administrators.")
    return redirect_to_login(request.GET.get("next", "/admin/"), settings.LOGIN_URL)


def _admin_has_permission(request):
    return request.user.is_active and request.user.has_perm("accounts.manage_users")


admin.site.login = _admin_login
admin.site.has_permission = _admin_has_permission

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("carelens.accounts.urls")),
    path("people/", include("carelens.people.urls")),
    path("admin/", admin.site.urls),
    *[
        path(f"{area.slug}/", views.area_page(area.slug), name=area.url_name)
        for area in AREAS
        if area.url_name != "audit_trail"
    ],
]
