"""themes train: a tiny separable set is learned; the model replaces the taxonomy."""
from __future__ import annotations

import json
import random

import pytest
import spacy

from nlp.pipeline import build_pipeline, resolve_themes
from nlp.components import mean_probs
from nlp.train import TrainingError, read_examples, train_themes

FOOD = ["The pasta was delicious", "Great sushi and fresh fish", "The steak was overcooked",
        "Tasty burgers", "The dessert was bland", "Amazing pizza crust", "The soup was cold"]
SERVICE = ["The waiter was rude", "Service was quick and friendly", "Our server ignored us",
           "Staff were attentive", "The waitress forgot our order", "The host was welcoming"]
PRICE = ["Way too expensive", "Prices are reasonable", "Overpriced drinks", "Good value for money",
         "The bill was huge", "Cheap and cheerful"]


def toy_examples(n=160, seed=3):
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        k = rng.random()
        if k < 0.35:
            rows.append({"text": rng.choice(FOOD) + ".", "themes": ["food"]})
        elif k < 0.65:
            rows.append({"text": rng.choice(SERVICE) + ".", "themes": ["service"]})
        elif k < 0.85:
            rows.append({"text": rng.choice(PRICE) + ".", "themes": ["price"]})
        else:
            rows.append({"text": f"{rng.choice(FOOD)} but {rng.choice(SERVICE).lower()}.",
                         "themes": ["food", "service"],
                         "sentiment": {"food": "positive", "service": "negative"}})
    return rows


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("train")
    path = d / "examples.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in toy_examples()))
    report = train_themes(path, d / "model", eval_split=0.2, epochs=8, seed=0)
    return d / "model", report


def test_training_learns_a_separable_set(model_dir):
    out, report = model_dir
    assert report["labels"] == ["food", "price", "service"]
    assert report["eval"] == 32 and report["train"] + report["dev"] == 128
    assert report["micro"]["f1"] >= 0.95
    assert all(s["f1"] >= 0.9 for s in report["per_theme"].values())
    assert (out / "config.cfg").is_file() and (out / "rivalscope_themes.json").is_file()


def test_three_classifiers_are_saved_and_scored_by_their_mean(model_dir):
    out, report = model_dir
    assert report["members"] == 3 and len(report["best_epochs"]) == 3
    assert report["first_member"]["f1"] >= 0.9
    meta = json.loads((out / "rivalscope_themes.json").read_text())
    pipes = ["textcat_multilabel", "textcat_multilabel_2", "textcat_multilabel_3"]
    assert meta["ensemble"]["pipes"] == pipes
    assert meta["ensemble"]["threshold"] == report["threshold"]
    assert 0.25 <= meta["threshold"] <= 0.7 and isinstance(meta["min_one"], bool)
    assert spacy.load(out).pipe_names == pipes


def test_one_classifier_when_asked(tmp_path):
    path = tmp_path / "examples.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in toy_examples(n=80)))
    report = train_themes(path, tmp_path / "model", eval_split=0.2, epochs=4, members=1)
    assert report["members"] == 1 and "first_member" not in report
    assert spacy.load(tmp_path / "model").pipe_names == ["textcat_multilabel"]
    meta = json.loads((tmp_path / "model" / "rivalscope_themes.json").read_text())
    assert meta["ensemble"] == {"pipes": ["textcat_multilabel"], "threshold": meta["threshold"],
                                "min_one": meta["min_one"]}
    with pytest.raises(TrainingError, match="members must be at least 1"):
        train_themes(path, tmp_path / "none", members=0)


def test_mean_of_probabilities():
    assert mean_probs([[{"a": 0.2, "b": 1.0}], [{"a": 0.6, "b": 0.0}]]) == [{"a": 0.4, "b": 0.5}]


def test_model_directory_replaces_the_taxonomy(model_dir):
    out, _ = model_dir
    source = resolve_themes(str(out))
    assert source.kind == "model"
    nlp = build_pipeline(source)
    assert "rivalscope_model_themes" in nlp.pipe_names
    doc = nlp("The waiter was rude. Prices are reasonable.")
    assert [s._.themes for s in doc.sents] == [["service"], ["price"]]
    assert doc._.themes["service"]["label"] == "negative"


def test_analyze_uses_the_mean_of_the_classifiers_and_their_threshold(model_dir):
    """The model's themes in analyze/annotate are those `themes train` scored: the mean of its
    classifiers' probabilities against the ensemble's threshold, not the first one's."""
    from nlp.components import ModelThemes
    from nlp.train import _predict_pipe

    out, report = model_dir
    nlp = build_pipeline(resolve_themes(str(out)))
    themes = nlp.get_pipe("rivalscope_model_themes")
    assert isinstance(themes, ModelThemes)
    assert themes.pipes == ["textcat_multilabel", "textcat_multilabel_2", "textcat_multilabel_3"]
    assert themes.threshold == report["threshold"]
    texts = ["The waiter was rude.", "Prices are reasonable.", "The pasta was delicious but the bill was huge."]
    model = spacy.load(out)
    expected = mean_probs([_predict_pipe(model, name, texts) for name in themes.pipes])
    assert themes.cats(texts) == expected
    single = [d.cats for d in model.pipe(texts)]  # what the last pipe alone says: not the mean
    assert themes.cats(texts) != single


def test_bad_examples_name_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "themes": ["a"]}\n{"text": "x", "themes": "a"}\n')
    with pytest.raises(TrainingError, match=r"bad.jsonl:2: \"themes\" must be a list"):
        read_examples(path)


def test_five_classifiers_score_in_analyze_as_themes_train_reported(tmp_path):
    """`--members 5` (what the SemEval measurement uses): five pipes are saved, and the component
    analyze/annotate run gives the held-out file exactly the themes `themes train` scored."""
    from nlp.components import ModelThemes
    from nlp.train import _score

    train, gold = tmp_path / "train.jsonl", tmp_path / "gold.jsonl"
    train.write_text("\n".join(json.dumps(r) for r in toy_examples(n=90, seed=5)))
    held = toy_examples(n=30, seed=11)
    gold.write_text("\n".join(json.dumps(r) for r in held))
    report = train_themes(train, tmp_path / "model", eval_path=gold, epochs=4, members=5, seed=0)
    pipes = ["textcat_multilabel"] + [f"textcat_multilabel_{k}" for k in range(2, 6)]
    assert report["members"] == 5 and len(report["best_epochs"]) == 5 and report["eval"] == 30
    assert spacy.load(tmp_path / "model").pipe_names == pipes
    meta = json.loads((tmp_path / "model" / "rivalscope_themes.json").read_text())
    assert meta["ensemble"]["pipes"] == pipes and meta["ensemble"]["threshold"] == report["threshold"]

    themes = build_pipeline(resolve_themes(str(tmp_path / "model"))).get_pipe("rivalscope_model_themes")
    assert isinstance(themes, ModelThemes) and themes.pipes == pipes
    predicted = [set(themes._themes(c)) for c in themes.cats([d["text"] for d in held])]
    rescored = _score([set(d["themes"]) for d in held], predicted, report["labels"])
    assert rescored["micro"] == report["micro"] and rescored["per_theme"] == report["per_theme"]
    assert report["micro"]["f1"] >= 0.9
