"""Template context every page needs: the service, the council and the navigation."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from carelens.web.areas import areas_for

SERVICE_NAME = "carelens"


def service(request):
    user = getattr(request, "user", None)
    navigation = []
    if user is not None and user.is_authenticated:
        navigation.append({"text": "Home", "href": reverse("home")})
        navigation.extend(
            {"text": area.title, "href": reverse(area.url_name)} for area in areas_for(user)
        )
        for item in navigation:
            href = item["href"]
            item["current"] = request.path == href
            item["active"] = href != "/" and request.path.startswith(href)
    return {
        "service_name": SERVICE_NAME,
        "council_name": settings.CARELENS_COUNCIL_NAME,
        "navigation": navigation,
    }
