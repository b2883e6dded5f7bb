"""Django admin for administrators: users, teams and roles; the audit trail read-only."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from carelens.accounts.models import AuditEvent, Team, TeamMembership, User


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["team"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "is_active", "roles", "team_names"]
    list_filter = ["is_active", "groups", "teams"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("carelens", {"fields": ["must_change_password"]}),
    )

    @admin.display(description="Roles")
    def roles(self, obj):
        return ", ".join(group.name for group in obj.groups.all())

    @admin.display(description="Teams")
    def team_names(self, obj):
        return ", ".join(team.name for team in obj.teams.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups", "teams")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "service_area"]
    search_fields = ["name", "service_area"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is append-only, and the audit page is the place to search it."""

    list_display = ["at", "username", "action", "object_type", "object_id", "outcome"]
    list_filter = ["action", "outcome"]
    search_fields = ["username", "object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("accounts.view_audit")
