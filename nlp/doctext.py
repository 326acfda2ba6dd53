"""The input text kept on the Doc, so components slice it instead of rebuilding doc.text.

spaCy's doc.text joins every token's text_with_ws through a Token object: ~10 us for a
review of ~30 tokens, a tenth of what the sentiment component spent per review.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TEXT_KEY = "rivalscope.text"  # doc.user_data key of the text the Doc was made from


class TextKeepingTokenizer:
    """spaCy's tokenizer, also keeping the input text in doc.user_data[TEXT_KEY]."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # explain(), to_disk(), rules, ... are the tokenizer's
        if name == "tokenizer":  # not set yet (copying, unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def keep_text(nlp: Language) -> Language:
    """Make nlp's tokenizer keep each input text on its Doc (idempotent)."""
    if not isinstance(nlp.tokenizer, TextKeepingTokenizer):
        nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    return nlp


def doc_text(doc: Doc, end_char: int | None = None) -> str:
    """doc.text, from the kept input text when there is one that fits the tokens.

    end_char: where the last token ends, when the caller has it (a cheap consistency check:
    the kept text must end there or one whitespace later)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is not None and len(doc):
        if end_char is None:
            last = doc[-1]
            end_char = last.idx + len(last)
        if end_char <= len(text) <= end_char + 1:
            return text
    return doc.text
