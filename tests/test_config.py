"""Settings layering for the English NER choice: defaults → TOML → environment → flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from backchannel.config import Settings, load_settings
from backchannel.errors import ConfigError


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    monkeypatch.setenv("BACKCHANNEL_CONFIG", str(path))
    return path


def test_english_ner_defaults_to_the_rules(config_file: Path) -> None:
    assert Settings().english_ner == "rules"
    assert load_settings(env={}).english_ner == "rules"


def test_english_ner_from_toml_environment_and_flags(config_file: Path) -> None:
    config_file.write_text('[backchannel]\nenglish_ner = "spacy"\n', encoding="utf-8")
    assert load_settings(env={}).english_ner == "spacy"
    assert load_settings(env={"BACKCHANNEL_ENGLISH_NER": "Rules"}).english_ner == "rules"
    assert load_settings({"english-ner": "rules"}, env={}).english_ner == "rules"
    assert load_settings({"english_ner": None}, env={}).english_ner == "spacy"  # a flag not given


def test_english_ner_refuses_other_values(config_file: Path) -> None:
    with pytest.raises(ConfigError, match="english_ner"):
        load_settings(env={"BACKCHANNEL_ENGLISH_NER": "stanza"})
