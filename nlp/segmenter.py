"""rivalscope_sentences: sentence segmentation on token columns.

The rule is spaCy's Sentencizer's, with its punctuation list: a sentence ends after a
sentence-final character ("." "!" "?" and their equivalents in other scripts, alone or in a
run with other punctuation), and the next sentence starts at the first token after it that
is no punctuation. spaCy's component applies it to Token objects, one per token (~8 us for a
30-token review); this one reads the lowercase ids from the doc's token table, decides
punctuation once per word, and writes the boundaries in one call. Punctuation has no case,
so a token's lowercase is a sentence-final character exactly when its text is one.
tests/test_nlp_segmenter.py checks that both give the same sentences.
"""
from __future__ import annotations

from typing import List, Optional

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from .batches import run_in_batches
from .tokentable import STARTS, token_table

_NOT_START = numpy.uint64(2**64 - 1)  # -1, as Doc.to_array/from_array store SENT_START


class SentenceSegmenter:
    def __init__(self, nlp: Language, name: str, punct_chars: Optional[List[str]], set_annotations: bool = True):
        self.name = name
        self.set_annotations = set_annotations
        self.vocab = nlp.vocab
        chars = punct_chars or Sentencizer.default_punct_chars
        self.final_ids = frozenset(nlp.vocab.strings.add(c) for c in chars)
        self._is_punct: dict[int, bool] = {}  # lowercase id -> is it punctuation (per process)
        # SENT_START values, all -1 between calls (one pipeline per thread, as spaCy's own
        # pipelines, whose vocab grows as they run, are used)
        self._flags = numpy.full((1024, 1), _NOT_START, dtype=numpy.uint64)

    def _punct(self, lower_id: int) -> bool:
        value = self._is_punct.get(lower_id)
        if value is None:
            value = self._is_punct[lower_id] = self.vocab[lower_id].is_punct
        return value

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        lower = table["LOWER"]
        starts: list[int] = [0] if lower else []
        final, punct = self.final_ids, self._is_punct
        seen_final = False
        for i, low in enumerate(lower):
            if low in final:
                seen_final = True
            elif seen_final and not (punct[low] if low in punct else self._punct(low)):
                starts.append(i)
                seen_final = False
        if lower and self.set_annotations:
            n = len(lower)
            if n > len(self._flags):
                self._flags = numpy.full((2 * n, 1), _NOT_START, dtype=numpy.uint64)
            flags = self._flags[:n]  # all -1 between calls: only the starts are set, then reset
            for i in starts:  # (a few scalar writes: a fancy index costs 2 us)
                flags[i, 0] = 1
            doc.from_array([SENT_START], flags)
            for i in starts:
                flags[i, 0] = _NOT_START
        table[STARTS] = starts
        return doc

    def pipe(self, stream, batch_size: int = 128):
        return run_in_batches(self, stream, batch_size)  # (and spaCy skips its per-doc wrapper)


@Language.factory("rivalscope_sentences", default_config={"punct_chars": None, "set_annotations": True})
def make_sentences(nlp: Language, name: str, punct_chars: Optional[List[str]],
                   set_annotations: bool) -> SentenceSegmenter:
    """set_annotations=False: the sentence starts go only to the token table (doc.sents is
    then unset)."""
    return SentenceSegmenter(nlp, name, punct_chars, set_annotations)
