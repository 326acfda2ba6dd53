"""The raw NLP libraries doing analyze's core work: blank spaCy, spaCy's sentencizer, a lookup
lemmatizer, and VADER on every sentence. No themes, no database.

The lemmatizer is the plain way to write one as a spaCy component: a lemma per token, looked
up once per lowercase form (rivalscope's LemmaLookup, so the lemmas are the same) and set on
each Token. rivalscope's own component writes the lemmas from its token table in one call
instead; the baseline keeps the per-token loop (what rivalscope's lemmatizer did until
2026-12) so that it measures the libraries, not rivalscope's shortcuts.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nlp.lemmatizer import LemmaLookup


class TokenLemmatizer:
    def __init__(self, nlp: Language):
        self.strings = nlp.vocab.strings
        self.lookup = LemmaLookup()
        self.by_lower: dict[int, int] = {}  # lowercase id -> lemma id

    def __call__(self, doc: Doc) -> Doc:
        by_lower = self.by_lower
        for tok in doc:
            lemma = by_lower.get(tok.lower)
            if lemma is None:
                lemma = by_lower[tok.lower] = self.strings.add(self.lookup(tok.lower_))
            tok.lemma = lemma
        return doc


@Language.factory("raw_lookup_lemmatizer")
def make_token_lemmatizer(nlp: Language, name: str) -> TokenLemmatizer:
    return TokenLemmatizer(nlp)


def raw_pipeline() -> Language:
    """blank("en") + spaCy's sentencizer + the per-token lookup lemmatizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("raw_lookup_lemmatizer")
    return nlp


def raw_analyze(nlp: Language, vader: SentimentIntensityAnalyzer, texts: list[str], batch_size: int = 1000) -> int:
    """Run the raw pipeline and VADER on every sentence of the texts; the sentence count."""
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        for sent in doc.sents:
            vader.polarity_scores(sent.text)
            sentences += 1
    return sentences
