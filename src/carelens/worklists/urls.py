from django.urls import path

from carelens.worklists import views

urlpatterns = [
    path("", views.home, name="worklists"),
    path("<slug:slug>/", views.detail, name="worklist"),
    path("<slug:slug>/export.<str:fmt>", views.export, name="worklist_export"),
]
