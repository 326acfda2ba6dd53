"""Token columns kept on the Doc, so rivalscope's components read them once.

Reading a column from a Doc (doc.to_array) costs about 1 us per column for a 30-token review,
and iterating Token objects costs more. The components share one table per Doc in
doc.user_data: the first that needs it reads LOWER, IDX and LENGTH in one C call; the
sentence segmenter adds the sentence starts and the lemmatizer the lemma ids it wrote, so
later components never read them back. Any other column (ORTH, LIKE_NUM...) is read from
the Doc the first time a component asks for it. (A component placed after these that
changed the tokens, their lemmas or the sentence starts would have to drop the table's
entries: none of rivalscope's does.)
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDS, IDX, LENGTH, LOWER, SENT_START
from spacy.tokens import Doc

TABLE_KEY = "rivalscope.tokens"  # doc.user_data key of the table
STARTS = "starts"  # the table's entry for the sentence start offsets
_BASE = [LOWER, IDX, LENGTH]


def token_table(doc: Doc) -> dict[str, list[int]]:
    """{"LOWER", "IDX", "LENGTH": one int per token, and whatever components added}, made on
    first use. (A plain dict: the table holds no reference back to its Doc.)"""
    table = doc.user_data.get(TABLE_KEY)
    if table is None or len(table["LOWER"]) != len(doc):
        if len(doc):
            lower, idx, length = numpy.ascontiguousarray(doc.to_array(_BASE).T).tolist()
        else:
            lower, idx, length = [], [], []
        table = doc.user_data[TABLE_KEY] = {"LOWER": lower, "IDX": idx, "LENGTH": length}
    return table


def column(doc: Doc, name: str) -> list[int]:
    """One column of the doc's table (a spaCy attribute name, or STARTS), read on first use."""
    table = token_table(doc)
    value = table.get(name)
    if value is None:
        n = len(doc)
        if name == STARTS:  # set by a component other than rivalscope_sentences
            flags = doc.to_array(SENT_START).tolist() if n else []
            value = [0] + [i for i in range(1, n) if flags[i] == 1] if n else []
        else:
            value = doc.to_array(IDS[name]).tolist() if n else []
        table[name] = value
    return value


def columns(doc: Doc, names: tuple[str, ...]) -> dict[str, list[int]]:
    """The doc's table, with these attribute columns read (those missing, in one call)."""
    table = token_table(doc)
    missing = [name for name in names if name not in table]
    if missing:
        if len(doc):
            values = numpy.ascontiguousarray(doc.to_array([IDS[m] for m in missing]).reshape(
                len(doc), len(missing)).T).tolist()
        else:
            values = [[] for _ in missing]
        table.update(zip(missing, values))
    return table


def clause_columns(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """(lowercase ids, is_punct, is_alpha) of every token: what clause splitting reads."""
    table = columns(doc, ("IS_PUNCT", "IS_ALPHA"))
    return table["LOWER"], table["IS_PUNCT"], table["IS_ALPHA"]


class Columns(dict):
    """The doc's columns as a mapping that reads each on first use (what token patterns
    take). Made per call, only when patterns run: it holds the Doc, the table in user_data
    does not."""

    def __init__(self, doc: Doc):
        super().__init__()
        self.doc = doc

    def __missing__(self, name: str) -> list[int]:
        value = self[name] = column(self.doc, name)
        return value
