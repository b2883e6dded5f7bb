from django.urls import path

from carelens.performance import views

urlpatterns = [
    path("", views.overview, name="performance"),
    path("export.<str:fmt>", views.export_overview, name="performance_export"),
    path("<str:measure_id>/", views.measure_page, name="measure"),
    path("<str:measure_id>/people/", views.people, name="measure_people"),
    path("<str:measure_id>/export.<str:fmt>", views.export_measure, name="measure_export"),
]
