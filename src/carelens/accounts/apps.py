from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "carelens.accounts"
    label = "accounts"
    verbose_name = "Accounts and audit"

    def ready(self) -> None:
        from carelens.accounts import signals  # noqa: F401  (connects receivers)
