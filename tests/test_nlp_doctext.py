"""The text kept on each Doc (nlp/doctext.py): the same text as doc.text, or doc.text itself."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from nlp.doctext import TEXT_KEY, TextKeepingTokenizer, doc_text, keep_text
from nlp.pipeline import build_pipeline

TEXTS = ["", " ", "Fast.", "Fast. ", "Fast.  ", "  leading and trailing  ", "tabs\tand\nnew lines\n",
         "Great UI but support is slow!! Really.", "émojis 👍 and ümlauts", "a  b   c    d"]


def test_kept_text_is_doc_text():
    nlp = keep_text(spacy.blank("en"))
    assert isinstance(nlp.tokenizer, TextKeepingTokenizer)
    assert keep_text(nlp).tokenizer is nlp.tokenizer  # idempotent, not wrapped twice
    for text in TEXTS:
        doc = nlp(text)
        assert doc.user_data[TEXT_KEY] == text
        assert doc_text(doc) == doc.text == text
    assert [d.text for d in nlp.pipe(TEXTS)] == TEXTS


def test_docs_without_a_fitting_kept_text_use_doc_text():
    nlp = spacy.blank("en")
    made = Doc(nlp.vocab, words=["no", "kept", "text"])
    assert doc_text(made) == "no kept text "
    stale = keep_text(spacy.blank("en"))("one two")
    stale.user_data[TEXT_KEY] = "something much longer than the tokens"
    assert doc_text(stale) == "one two"


def test_the_wrapped_tokenizer_still_serialises_and_explains():
    nlp = keep_text(spacy.blank("en"))
    assert [t for _, t in nlp.tokenizer.explain("don't")] == ["do", "n't"]
    other = keep_text(spacy.blank("en")).from_bytes(nlp.to_bytes())
    assert other("It's fine.").user_data[TEXT_KEY] == "It's fine."


def test_sentence_texts_come_from_the_input_text():
    nlp = build_pipeline("default")
    for text in ("Support is slow.   Billing is fine.  ", "Great UI but support is slow\n\nLove it"):
        doc = nlp(text)
        assert [r[6] for r in doc._.sentence_results] == [s.text for s in doc.sents]
