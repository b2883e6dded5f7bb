from django.urls import path

from carelens.people import views

urlpatterns = [
    path("<str:person_id>/", views.person_detail, name="person_detail"),
]
