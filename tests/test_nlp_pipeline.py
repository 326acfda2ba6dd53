"""The spaCy pipeline: lemmas, theme matching, sentiment with negation and contrast."""
from __future__ import annotations

import time

import pytest
import spacy
from spacy.tokens import Doc, Span

from nlp.pipeline import build_pipeline, doc_result, pipeline_version, resolve_themes
from nlp.taxonomy import TaxonomyError, load_taxonomy


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("default")


@pytest.fixture(scope="module")
def retail():
    return build_pipeline("retail")


def themes_of(nlp, text):
    return {t: v["label"] for t, v in nlp(text)._.themes.items()}


def test_pipeline_components_and_extensions(nlp):
    assert nlp.pipe_names == ["rivalscope_sentences", "rivalscope_lemmatizer", "rivalscope_themes",
                              "rivalscope_sentiment"]
    assert Doc.has_extension("themes") and Span.has_extension("theme_sentiment")
    assert nlp.meta["rivalscope_version"].startswith("taxonomy:software:")


def test_factories_are_registered_entry_points():
    # a fresh blank pipeline finds the factories through [project.entry-points.spacy_factories]
    plain = spacy.blank("en")
    plain.add_pipe("sentencizer")
    plain.add_pipe("rivalscope_lemmatizer")
    plain.add_pipe("rivalscope_themes", config={"taxonomy": {"@misc": "rivalscope.taxonomy.v1", "path": "retail"}})
    plain.add_pipe("rivalscope_sentiment")
    doc = plain("The fabric ripped after one wash.")
    assert list(doc._.themes) == ["quality"]
    assert doc._.themes["quality"]["label"] == "negative"


def test_lemmas_lowercase_and_capitalised(nlp):
    doc = nlp("Crashes CRASHED crashing Prices Priced Updated Onboarded Replies Syncing faster Tickets")
    assert [t.lemma_ for t in doc] == ["crash", "crash", "crash", "price", "price", "update", "onboard",
                                       "reply", "sync", "fast", "ticket"]


def test_capitalised_words_match_lemma_patterns(nlp):
    assert "reliability" in themes_of(nlp, "CRASHES. Every. Single. Day.")
    assert "support" in themes_of(nlp, "Tickets go unanswered for weeks.")


@pytest.mark.parametrize("text, expected", [
    ("The app crashes constantly.", {"reliability": "negative"}),
    ("Way overpriced for what it does.", {"price_value": "negative"}),
    ("The interface is clean and intuitive.", {"ease_of_use": "positive"}),
    ("The Slack integration is seamless.", {"integrations": "positive"}),
    ("Laggy when you have more than a few hundred rows.", {"performance": "negative"}),
    ("The documentation is excellent and full of examples.", {"documentation": "positive"}),
    ("The Android app is clunky.", {"mobile": "negative"}),
    ("They had a data breach and told us weeks later.", {"security_privacy": "negative"}),
])
def test_theme_and_sentiment_on_literal_sentences(nlp, text, expected):
    found = themes_of(nlp, text)
    for theme, label in expected.items():
        assert found.get(theme) == label, (text, found)


def test_exclusions_cancel_matches(nlp):
    assert "support" not in themes_of(nlp, "It supports SSO out of the box.")
    assert "price_value" not in themes_of(nlp, "Feel free to try it.")
    assert "performance" not in themes_of(nlp, "Support replied quickly.")


def test_negation(nlp):
    assert themes_of(nlp, "It is not cheap.") == {"price_value": "negative"}
    assert themes_of(nlp, "Support was not helpful.")["support"] == "negative"
    assert themes_of(nlp, "It's not intuitive at all.")["ease_of_use"] == "negative"
    assert themes_of(nlp, "No issues so far.")["reliability"] == "positive"


def test_contrast_splits_theme_sentiment(nlp):
    found = themes_of(nlp, "Great UI but support is slow.")
    assert found == {"ease_of_use": "positive", "support": "negative"}
    found = themes_of(nlp, "Although the dashboard is intuitive, billing was a nightmare.")
    assert found == {"ease_of_use": "positive", "billing": "negative"}
    found = themes_of(nlp, "Integrations are great; billing is a mess.")
    assert found == {"integrations": "positive", "billing": "negative"}


def test_contrast_in_retail(retail):
    found = themes_of(retail, "The jacket is well made, but the delivery was late and the courier was rude.")
    assert found["quality"] == "positive"
    assert found["shipping"] == "negative"


def test_document_and_sentence_results(nlp):
    out = doc_result(nlp("I love the reporting. The mobile app crashes daily. We use it every day."))
    assert [s["label"] for s in out["sentences"]] == ["positive", "negative", "neutral"]
    assert out["sentences"][1]["themes"] == ["reliability", "mobile"] or set(out["sentences"][1]["themes"]) == {"reliability", "mobile"}
    assert {t["theme"]: t["label"] for t in out["themes"]}["features"] == "positive"
    assert out["sentiment"]["label"] in ("positive", "negative")


def test_domain_lexicon_words(nlp):
    for text in ("Buggy.", "Overpriced.", "Clunky and laggy.", "Another outage today.", "It is glitchy."):
        assert nlp(text)._.sentiment["label"] == "negative", text
    for text in ("Seamless.", "Very intuitive.", "Affordable."):
        assert nlp(text)._.sentiment["label"] == "positive", text


def test_domain_lexicon_general_review_words(nlp):
    for text in ("Total junk.", "The picture is grainy.", "Shoddy and poorly made.", "Customer service is nonexistent."):
        assert nlp(text)._.sentiment["label"] == "negative", text
    for text in ("Phenomenal battery life.", "The staff were attentive.", "Top-notch build quality."):
        assert nlp(text)._.sentiment["label"] == "positive", text


@pytest.mark.parametrize("text,label", [
    ("At that price it was a steal.", "positive"),  # VADER alone: "steal" is -2.2
    ("You can't go wrong with this camera.", "positive"),  # VADER alone: "wrong" is -2.1
    ("The price is hard to beat.", "positive"),
    ("Worth every penny.", "positive"),
    ("Don't buy this player.", "negative"),  # VADER alone: neutral ("buy" has no valence)
    ("Do not buy.", "negative"),
    ("It stopped working after a week.", "negative"),
    ("The remote does not work.", "negative"),
    ("I would not recommend it.", "negative"),
    ("More trouble than it's worth.", "negative"),
    ("It is not worth it.", "negative"),  # "not worth" is its own phrase
    ("It isn't worth it.", "negative"),  # "worth it" negated by the word before it
])
def test_domain_phrases(nlp, text, label):
    assert nlp(text)._.sentiment["label"] == label


def test_domain_phrases_are_part_of_the_domain_lexicon():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    plain = build_pipeline("default", domain_lexicon=False)
    for text in ("At that price it was a steal.", "You can't go wrong with this camera.", "Don't buy this player."):
        assert plain(text)._.sentiment["compound"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert plain("At that price it was a steal.")._.sentiment["label"] == "negative"
    assert plain("Don't buy this player.")._.sentiment["label"] == "neutral"


def test_phrases_file_errors_name_the_line(tmp_path):
    from nlp.sentiment import LexiconError, domain_phrases

    bad = tmp_path / "phrases.tsv"
    bad.write_text("# comment\na steal\t2.0\tok\nsteal\t2.0\tone word\n")
    with pytest.raises(LexiconError, match=r"phrases.tsv:3: a phrase needs two words"):
        domain_phrases(str(bad))
    bad.write_text("a steal\tlots\n")
    with pytest.raises(LexiconError, match=r"phrases.tsv:1: expected 'phrase<TAB>valence"):
        domain_phrases(str(bad))
    bad.write_text("a steal\t9\tx\n")
    with pytest.raises(LexiconError, match=r"phrases.tsv:1: valence 9.0 outside"):
        domain_phrases(str(bad))


def test_long_text_is_scored_per_sentence(nlp):
    sentence = "The export crashed again but support was quick to help us recover the data. "
    text = sentence * 370  # about 5,000 words
    started = time.perf_counter()
    doc = nlp(text)
    elapsed = time.perf_counter() - started
    assert len(list(doc.sents)) == 370
    assert elapsed < 5  # loose: scoring the whole text with VADER at once takes far longer


def test_custom_taxonomy_file(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("name: mine\nthemes:\n  dark_mode:\n    definition: Mentions of the dark theme.\n"
                    "    phrases: [dark mode, night mode]\n    lemmas: [theme]\n")
    nlp = build_pipeline(str(path))
    doc = nlp("Dark Mode is gorgeous. Night mode hurts.")
    assert doc._.themes["dark_mode"]["mentions"] == 2
    assert pipeline_version(resolve_themes(str(path))).startswith("taxonomy:mine:")


def test_patterns_without_fixed_words_still_match(tmp_path):
    # the matcher is skipped when a pattern's required words are absent; a pattern that
    # requires no particular word must run on every doc
    path = tmp_path / "shape.yml"
    path.write_text("name: shape\nthemes:\n  numbers:\n    definition: A number and a percent sign.\n"
                    "    patterns:\n      - [{LIKE_NUM: true}, {ORTH: '%'}]\n"
                    "  loud:\n    definition: Shouting.\n    patterns:\n      - [{IS_UPPER: true, LENGTH: {'>=': 4}}]\n"
                    "    exclude:\n      - [{IS_DIGIT: true}, {IS_UPPER: true}]\n")
    nlp = build_pipeline(str(path))
    assert set(nlp("Uptime was 99 % last month.")._.themes) == {"numbers"}
    assert set(nlp("This is AWFUL.")._.themes) == {"loud"}
    assert not nlp("Model 3 BEST.")._.themes


def test_the_same_results_without_token_annotations():
    # analyze's pipeline keeps sentence starts and lemmas only in the token table
    from nlp.evaluate import load_labelled
    from nlp.components import get_extension

    texts = [r["text"] for r in load_labelled()] + [
        "", "Great UI but support is slow.", "Not cheap... but worth it!! Refund? No.", "好。很好！"]
    full, lean = build_pipeline("default"), build_pipeline("default", token_annotations=False)
    for a, b in zip(full.pipe(texts), lean.pipe(texts)):
        for name in ("theme_mentions", "sentence_results", "sentiment"):
            assert get_extension(a, name) == get_extension(b, name), (a.text, name)
    doc = lean("The pricing is fair. Billing failed twice.")
    assert not doc.has_annotation("SENT_START") and not doc.has_annotation("LEMMA")
    assert len(get_extension(doc, "sentence_results")) == 2
    assert [t.lemma_ for t in full("Billing failed")] == ["billing", "fail"]


def test_components_run_a_batch_at_a_time_with_the_same_results(nlp):
    from nlp.batches import run_in_batches
    from nlp.components import get_extension

    calls, handed = [], []
    for doc in run_in_batches(lambda d: calls.append(d) or d, iter(range(7)), 3):
        handed.append((doc, len(calls)))
    # the whole batch runs before its first doc is handed on; the last batch is short
    assert handed == [(0, 3), (1, 3), (2, 3), (3, 6), (4, 6), (5, 6), (6, 7)]

    # each of rivalscope's components takes a whole batch from the stream before handing on
    pulled = []

    def stream():
        for text in ["One.", "Two.", "Three.", "Four."]:
            pulled.append(text)
            yield nlp.make_doc(text)

    for name in nlp.pipe_names:
        pulled.clear()
        first = next(iter(nlp.get_pipe(name).pipe(stream(), batch_size=3)))
        assert first.text == "One." and len(pulled) == 3, name

    texts = ["Great UI but support is slow.", "", "Billing failed twice. Refund? No.",
             "The pricing is fair.", "Not cheap... but worth it!!"] * 3
    one_by_one = [nlp(t) for t in texts]
    for batch_size in (1, 2, 4, 128):
        for a, b in zip(one_by_one, nlp.pipe(texts, batch_size=batch_size), strict=True):
            for name in ("theme_mentions", "sentence_results", "sentiment"):
                assert get_extension(a, name) == get_extension(b, name), (a.text, name, batch_size)


def test_a_pattern_left_to_spacys_matcher_keeps_token_annotations(tmp_path):
    # a REGEX on LEMMA is matched by spaCy's Matcher, which reads the lemmas from the Doc
    path = tmp_path / "regex.yml"
    path.write_text("name: regex\nthemes:\n  crashes:\n    definition: The app stops.\n"
                    "    patterns:\n      - [{LEMMA: {REGEX: '^crash'}}]\n")
    lean = build_pipeline(str(path), token_annotations=False)
    doc = lean("It crashed twice. Then it froze.")
    assert set(doc._.themes) == {"crashes"}
    assert doc.has_annotation("SENT_START") and len(list(doc.sents)) == 2


def test_norm_patterns_match_where_the_norm_is_not_the_text(tmp_path):
    # "gonna" is the tokens "gon" + "na" with norms "going" + "to": a NORM pattern must not be
    # skipped for want of the word "going" in the text
    path = tmp_path / "norm.yml"
    path.write_text("name: norm\nthemes:\n  churn:\n    definition: About to leave.\n"
                    "    patterns:\n      - [{NORM: going}, {NORM: to}, {LOWER: cancel}]\n")
    nlp = build_pipeline(str(path))
    assert set(nlp("I'm gonna cancel next month.")._.themes) == {"churn"}
    assert not nlp("I'm going to stay.")._.themes


def test_exclusions_count_only_within_the_window_of_a_theme_match(tmp_path):
    # an exclusion removes a theme match it overlaps, when it lies within EXCLUSION_WINDOW
    # (8) tokens of it; a longer one reaching further does not count
    path = tmp_path / "window.yml"
    path.write_text("name: window\nthemes:\n  support:\n    definition: Support.\n"
                    "    lemmas: [support]\n"
                    "    exclude:\n      - [{LOWER: support}, {LOWER: for}]\n"
                    "      - [{LOWER: support}, {LOWER: of}, {IS_ALPHA: true, OP: '*'}, {LOWER: zebras}]\n")
    nlp = build_pipeline(str(path))
    assert not nlp("Support for Linux is new.")._.themes
    assert not nlp("Support of many striped zebras.")._.themes
    far = nlp("Support of a b c d e f g h i j zebras.")  # the exclusion match is 13 tokens long
    assert set(far._.themes) == {"support"}
    assert [m[1:] for m in far._.theme_mentions] == [(0, 1)]


def test_taxonomy_errors_say_where(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("themes:\n  speed:\n    phrases: [fast]\n")
    with pytest.raises(TaxonomyError, match=r"themes.speed.definition"):
        load_taxonomy(bad)
    bad.write_text("themes:\n  speed:\n    definition: x\n    patterns:\n      - [{NOPE: fast}]\n")
    with pytest.raises(TaxonomyError, match=r"themes.speed: invalid token pattern"):
        build_pipeline(str(bad))
    with pytest.raises(TaxonomyError, match="nothing is downloaded"):
        resolve_themes("en_core_web_nonexistent")
    bad.write_text("themes:\n  speed:\n    definition: x\n    phrases: [fast\n")
    with pytest.raises(TaxonomyError, match=r"bad.yml: YAML syntax error at line 5"):
        load_taxonomy(bad)


def test_domain_lexicon_improves_agreement_with_human_labels():
    from nlp.evaluate import evaluate, format_evaluation

    result = evaluate()
    print("\n" + format_evaluation(result))
    s, t = result["sentences"], result["theme_sentiment"]
    assert s["plain_vader"]["n"] >= 300
    assert s["rivalscope"]["accuracy"] > s["plain_vader"]["accuracy"]
    assert s["rivalscope"]["macro_f1"] > s["plain_vader"]["macro_f1"]
    assert t["rivalscope"]["accuracy"] > t["plain_vader_sentence"]["accuracy"]
    assert t["rivalscope"]["accuracy"] >= t["without_contrast"]["accuracy"]
