"""Audit receivers for sign-in events and for changes to accounts and teams."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from carelens.accounts import audit
from carelens.accounts.context import current_request
from carelens.accounts.models import Team, TeamMembership, User
from carelens.accounts.setup import sync_roles_after_migrate

post_migrate.connect(sync_roles_after_migrate, dispatch_uid="carelens-sync-roles")


@receiver(user_logged_in, dispatch_uid="carelens-audit-login")
def _login(sender, request, user, **kwargs):
    audit.record(request, audit.Action.LOGIN, user=user)


@receiver(user_logged_out, dispatch_uid="carelens-audit-logout")
def _logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(request, audit.Action.LOGOUT, user=user)


@receiver(user_login_failed, dispatch_uid="carelens-audit-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        request,
        audit.Action.LOGIN_FAILED,
        username=str(credentials.get("username", ""))[:150],
        outcome=audit.Outcome.FAILURE,
    )


@receiver(user_locked_out, dispatch_uid="carelens-audit-lockout")
def _locked_out(sender, request, username, ip_address, **kwargs):
    audit.record(
        request,
        audit.Action.LOCKOUT,
        username=str(username or "")[:150],
        outcome=audit.Outcome.DENIED,
        detail="too many failed sign-ins",
    )


AUDITED_MODELS = (User, Team, TeamMembership, Group)


def _object_type(instance) -> str:
    return instance._meta.label_lower


@receiver(post_save, dispatch_uid="carelens-audit-save")
def _saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or sender not in AUDITED_MODELS:
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # the login event already says this
    audit.record(
        current_request(),
        audit.Action.CREATE if created else audit.Action.CHANGE,
        object_type=_object_type(instance),
        object_id=instance.pk,
        detail="fields: " + ",".join(sorted(update_fields)) if update_fields else "",
    )


@receiver(post_delete, dispatch_uid="carelens-audit-delete")
def _deleted(sender, instance, **kwargs):
    if sender in AUDITED_MODELS:
        audit.record(
            current_request(),
            audit.Action.DELETE,
            object_type=_object_type(instance),
            object_id=instance.pk,
        )


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="carelens-audit-roles")
def _roles_changed(sender, instance, action, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    names = []
    if pk_set:
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
    audit.record(
        current_request(),
        audit.Action.CHANGE,
        object_type=_object_type(instance),
        object_id=instance.pk,
        detail=f"roles {action.removeprefix('post_')}: {', '.join(names)}"[:255],
    )
