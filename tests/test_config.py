from __future__ import annotations

import stat

import pytest

from carelens.config import ConfigError, env_bool, env_int, env_list, secret_key


@pytest.mark.parametrize(
    ("raw", "value"), [("true", True), ("Yes", True), ("0", False), ("", False)]
)
def test_env_bool_reads_common_words(monkeypatch, raw, value):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is value


def test_env_bool_refuses_other_words(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigError, match="FLAG must be true or false"):
        env_bool("FLAG")


def test_env_int_checks_the_minimum(monkeypatch):
    monkeypatch.setenv("N", "0")
    with pytest.raises(ConfigError, match="N must be at least 1"):
        env_int("N", 5, minimum=1)
    monkeypatch.setenv("N", "ten")
    with pytest.raises(ConfigError, match="whole number"):
        env_int("N", 5)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_secret_key_is_generated_once_and_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert first == secret_key(tmp_path)
    assert len(first) >= 50
    mode = stat.S_IMODE((tmp_path / "secret-key").stat().st_mode)
    assert mode == 0o600


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert secret_key(tmp_path) == "from-env"
    assert not (tmp_path / "secret-key").exists()
