from django.urls import path

from carelens.imports import views

urlpatterns = [
    path("", views.imports_home, name="imports"),
    path("<int:pk>/", views.import_detail, name="import_detail"),
    path("<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("<int:pk>/rejected-rows.csv", views.download_rejected, name="import_rejected"),
    path("snapshots/<str:snapshot_id>/", views.snapshot_detail, name="snapshot_detail"),
]
