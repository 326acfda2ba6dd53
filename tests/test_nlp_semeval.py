"""themes train reads SemEval aspect-category files (2014 and 2015/16 XML) and a separate
gold file to report on, as the shared tasks are scored."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from nlp.semeval import SemEvalError, read_semeval
from nlp.train import TrainingError, read_examples, train_themes
from rivalscope.cli import cli
from test_nlp_train import toy_examples

SEMEVAL_2014 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sentences>
    <sentence id="3121">
        <text>But the staff was so horrible to us.</text>
        <aspectTerms><aspectTerm term="staff" polarity="negative" from="8" to="13"/></aspectTerms>
        <aspectCategories><aspectCategory category="service" polarity="negative"/></aspectCategories>
    </sentence>
    <sentence id="1571">
        <text>It is very overpriced and not very tasty.</text>
        <aspectCategories>
            <aspectCategory category="food" polarity="negative"/>
            <aspectCategory category="price" polarity="negative"/>
        </aspectCategories>
    </sentence>
    <sentence id="1793">
        <text>It took half an hour to get our check, which was perfect.</text>
        <aspectCategories><aspectCategory category="service" polarity="conflict"/></aspectCategories>
    </sentence>
</sentences>
"""

SEMEVAL_2016 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Reviews>
  <Review rid="1004293">
    <sentences>
      <sentence id="1004293:0">
        <text>Judging from previous posts this used to be a good place, but not any longer.</text>
        <Opinions>
          <Opinion target="place" category="RESTAURANT#GENERAL" polarity="negative" from="51" to="56"/>
        </Opinions>
      </sentence>
      <sentence id="1004293:1">
        <text>The food was lousy - too sweet or too salty and the portions tiny.</text>
        <Opinions>
          <Opinion target="food" category="FOOD#QUALITY" polarity="negative" from="4" to="8"/>
          <Opinion target="portions" category="FOOD#STYLE_OPTIONS" polarity="negative" from="52" to="60"/>
          <Opinion target="food" category="FOOD#QUALITY" polarity="positive" from="4" to="8"/>
        </Opinions>
      </sentence>
      <sentence id="1004293:2" OutOfScope="TRUE">
        <text>Ask for Sal.</text>
      </sentence>
      <sentence id="1004293:3">
        <text>We walked in.</text>
      </sentence>
    </sentences>
  </Review>
</Reviews>
"""


def test_semeval_2014(tmp_path):
    path = tmp_path / "Restaurants_Train.xml"
    path.write_text(SEMEVAL_2014)
    assert read_examples(path) == [
        {"text": "But the staff was so horrible to us.", "themes": ["service"], "sentiment": {"service": "negative"}},
        {"text": "It is very overpriced and not very tasty.", "themes": ["food", "price"],
         "sentiment": {"food": "negative", "price": "negative"}},
        {"text": "It took half an hour to get our check, which was perfect.", "themes": ["service"],
         "sentiment": {}},  # "conflict": the theme stays, no sentiment label
    ]


def test_semeval_2016(tmp_path):
    path = tmp_path / "ABSA16_Restaurants_Train_SB1_v2.xml"
    path.write_text(SEMEVAL_2016)
    assert read_examples(path) == [
        {"text": "Judging from previous posts this used to be a good place, but not any longer.",
         "themes": ["RESTAURANT#GENERAL"], "sentiment": {"RESTAURANT#GENERAL": "negative"}},
        {"text": "The food was lousy - too sweet or too salty and the portions tiny.",
         "themes": ["FOOD#QUALITY", "FOOD#STYLE_OPTIONS"],
         "sentiment": {"FOOD#STYLE_OPTIONS": "negative"}},  # FOOD#QUALITY rated both ways: no label
        {"text": "We walked in.", "themes": [], "sentiment": {}},  # no opinion; OutOfScope skipped
    ]


def test_xml_is_recognised_by_content_too(tmp_path):
    path = tmp_path / "train.data"
    path.write_text(SEMEVAL_2014)
    assert len(read_examples(path)) == 3


@pytest.mark.parametrize("text,message", [
    ("<sentences><sentence id='1'><text>ok</text></sentence>\n<sentence>", r"broken.xml:2: not well-formed XML"),
    ("<corpus><sentence id='1'><text>ok</text></sentence></corpus>", r"expected a SemEval aspect file .* found <corpus>"),
    ("<sentences><sentence id='7'></sentence></sentences>", r"sentence 7: no <text>"),
    ("<sentences><sentence id='8'><text>ok</text><aspectCategories><aspectCategory polarity='positive'/>"
     "</aspectCategories></sentence></sentences>", r"sentence 8: a <aspectCategory> without a category"),
    ("<sentences></sentences>", r"no sentences"),
])
def test_semeval_errors_say_where(tmp_path, text, message):
    path = tmp_path / "broken.xml"
    path.write_text(text)
    with pytest.raises(TrainingError, match=message):  # what `themes train` reports
        read_examples(path)
    with pytest.raises(SemEvalError):
        read_semeval(path)


def _to_semeval_2014(rows) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<sentences>"]
    for i, r in enumerate(rows):
        cats = "".join(f'<aspectCategory category="{t}" polarity="{r.get("sentiment", {}).get(t, "positive")}"/>'
                       for t in r["themes"])
        out.append(f'<sentence id="{i}"><text>{escape(r["text"])}</text>'
                   f"<aspectCategories>{cats}</aspectCategories></sentence>")
    return "\n".join(out + ["</sentences>"])


def test_train_on_semeval_and_report_on_a_separate_gold_file(tmp_path):
    train, test = tmp_path / "train.xml", tmp_path / "test.xml"
    train.write_text(_to_semeval_2014(toy_examples(160, seed=3)))
    gold = toy_examples(40, seed=11)
    gold.append({"text": "The parking lot was full.", "themes": ["parking"]})  # a theme never trained
    test.write_text(_to_semeval_2014(gold))
    report = train_themes(train, tmp_path / "model", eval_path=test, epochs=8, seed=0)
    assert report["eval"] == 41 and report["train"] + report["dev"] == 160  # all of train.xml is trained on
    assert report["labels"] == ["food", "price", "service"]
    assert report["per_theme"]["parking"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert report["micro"]["f1"] >= 0.95 and report["micro"]["recall"] < 1.0  # the untrained theme is missed
    assert report["eval_file"] == str(test)


def test_cli_eval_file(tmp_path):
    train, test = tmp_path / "train.jsonl", tmp_path / "test.xml"
    train.write_text("\n".join(json.dumps(r) for r in toy_examples(120, seed=5)))
    test.write_text(_to_semeval_2014(toy_examples(30, seed=12)))
    result = CliRunner().invoke(cli, ["themes", "train", str(train), "--out", str(tmp_path / "m"),
                                      "--eval-file", str(test), "--epochs", "6"])
    assert result.exit_code == 0, result.output
    assert "30 held out (from test.xml)" in result.output
    assert "micro" in result.output
    bad = CliRunner().invoke(cli, ["themes", "train", str(train), "--out", str(tmp_path / "m2"),
                                   "--eval-file", str(tmp_path / "missing.xml")])
    assert bad.exit_code != 0 and "missing.xml: file not found" in bad.output
