"""rivalscope_sentences and the token table: the same sentences as spaCy's sentencizer, the
same analysis whichever of the two splits the text, columns that match the Doc."""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.pipeline import Sentencizer

from nlp.evaluate import load_labelled
from nlp.pipeline import build_pipeline, doc_result
from nlp.tokentable import STARTS, column, columns, token_table

TRICKY = [
    "", "   ", "!!!", "Hi.", "Wait... what?! Really.", "U.S. based. Works.", "«Bon.» Oui, très bon !",
    "No final punctuation here", "Hi.\n\nThere is a gap.  Two spaces.", "好。很好！真的吗？", "Так. Да? Нет!",
    "Great (really!) product. Next one.", "“Quoted.” Then more.", "a.b.c. d", "Ends with a quote.\"",
    "Numbers 1.5 and 2.0. Fine.", "Emoji 😀. Then 😡!", "Hmm?!... ok", "e.g. this. and that",
]


def _texts() -> list[str]:
    rng = random.Random(3)
    labelled = [r["text"] for r in load_labelled()]
    joined = [" ".join(rng.sample(labelled, rng.randint(2, 5))) for _ in range(300)]
    pieces = ["ok", ".", "!", "?", "...", "。", "Great", "—", ")", "(", "\"", "'", "no", " ", "\n", "Yes"]
    fuzz = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(500)]
    return TRICKY + labelled + joined + fuzz


@pytest.fixture(scope="module")
def texts():
    return _texts()


def test_same_sentences_as_spacys_sentencizer(texts):
    ours, theirs = spacy.blank("en"), spacy.blank("en")
    ours.add_pipe("rivalscope_sentences")
    theirs.add_pipe("sentencizer")
    for text in texts:
        a, b = ours(text), theirs(text)
        assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b], text
        assert [s.text for s in a.sents] == [s.text for s in b.sents], text
        assert column(a, STARTS) == [s.start for s in b.sents], text


def test_analysis_is_the_same_with_spacys_sentencizer(texts):
    """The components read sentence starts and lemmas from the token table when our own
    segmenter and lemmatizer filled it, and from the Doc otherwise: same results."""
    ours = build_pipeline("default")
    theirs = build_pipeline("default")
    theirs.replace_pipe("rivalscope_sentences", "sentencizer")
    assert isinstance(theirs.pipeline[0][1], Sentencizer)
    for text in texts:
        assert doc_result(ours(text)) == doc_result(theirs(text)), text


def test_token_table_columns_match_the_doc():
    nlp = build_pipeline("default")
    doc = nlp("Support was SLOW. Crashes every day, but the UI is nice!")
    table = token_table(doc)
    assert table["LOWER"] == [t.lower for t in doc]
    assert table["IDX"] == [t.idx for t in doc]
    assert table["LENGTH"] == [len(t) for t in doc]
    assert table["LEMMA"] == [t.lemma for t in doc]
    assert [doc.vocab.strings[x] for x in table["LEMMA"]][:4] == ["support", "be", "slow", "."]
    assert table[STARTS] == [0, 4]
    both = columns(doc, ("IS_PUNCT", "IS_ALPHA"))
    assert both["IS_PUNCT"] == [int(t.is_punct) for t in doc]
    assert both["IS_ALPHA"] == [int(t.is_alpha) for t in doc]
    assert column(doc, "ORTH") == [t.orth for t in doc]


def test_empty_text():
    nlp = build_pipeline("default")
    doc = nlp("")
    assert token_table(doc)["LOWER"] == [] and column(doc, STARTS) == []
    assert doc_result(doc) == {"sentiment": {"compound": 0.0, "label": "neutral"}, "themes": [], "sentences": []}
