"""Simple spaCy token patterns matched on token-id columns instead of spaCy's Matcher.

A taxonomy's token patterns are nearly all short sequences of "this word / one of these
words / a number", some optional or repeated. spaCy's Matcher walks every token of the
doc through its state machine for each call: 10-47 us per call on a 30-token review, and
the theme matcher calls it for every theme whose words occur. A pattern made only of the
pieces below is matched here, on columns read from the doc in one C call; it returns
exactly the (start, end) pairs the Matcher returns (every match, including every length an
optional or repeated token allows; tests/test_nlp_tokenpatterns.py compares both on random
patterns and texts). Anything else stays with spaCy's Matcher.

Supported: keys ORTH, TEXT, LOWER, LEMMA, NORM with a string or {"IN": [strings]}, the
boolean flags in FLAGS with true/false, and OP absent, "?", "*" or "+".
"""
from __future__ import annotations

from spacy.attrs import IDS
from spacy.matcher import Matcher

from .taxonomy import TaxonomyError

ID_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA", "NORM": "NORM"}
FLAGS = frozenset({"LIKE_NUM", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
                   "IS_TITLE", "IS_SPACE", "IS_ASCII", "IS_CURRENCY", "IS_BRACKET", "IS_QUOTE",
                   "LIKE_URL", "LIKE_EMAIL"})
OPS = {None: (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}  # (min, max) repetitions

# One compiled token: ((column, values, negate) ...), min repetitions, max (None: any).
Token = tuple[tuple[tuple[str, frozenset, bool], ...], int, int | None]


def compile_pattern(pattern: list[dict], strings) -> list[Token] | None:
    """The pattern as compiled tokens, or None when it uses anything not supported here."""
    if not isinstance(pattern, list) or not pattern:
        return None
    compiled = []
    for spec in pattern:
        if not isinstance(spec, dict) or spec.get("OP") not in OPS:
            return None
        tests = []
        for key, value in spec.items():
            if key == "OP":
                continue
            if key in ID_ATTRS:
                if isinstance(value, str):
                    values = [value]
                elif (isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list)
                      and all(isinstance(v, str) for v in value["IN"])):
                    values = value["IN"]
                else:
                    return None
                tests.append((ID_ATTRS[key], frozenset(strings.add(v) for v in values), False))
            elif key in FLAGS and isinstance(value, bool):
                tests.append((key, frozenset({1}), not value))
            else:
                return None
        if not tests:
            return None  # {} (any token) or only an OP: leave to the Matcher
        lo, hi = OPS[spec.get("OP")]
        compiled.append((tuple(tests), lo, hi))
    if all(lo == 0 for _, lo, _ in compiled):
        return None  # could match nothing at all: the Matcher's zero-length handling decides
    return compiled


def columns_needed(patterns: list[list[Token]]) -> set[str]:
    return {column for p in patterns for tests, _, _ in p for column, _, _ in tests}


def attr_ids(columns) -> list[int]:
    return [IDS[c] for c in columns]


def _fits(tests, cols: dict[str, list[int]], i: int) -> bool:
    for column, values, negate in tests:
        if (cols[column][i] in values) == negate:
            return False
    return True


def find(pattern: list[Token], cols: dict[str, list[int]], begin: int, end: int) -> list[tuple[int, int]]:
    """Every (start, stop) of `pattern` within tokens begin..end of a doc whose columns are
    `cols` (the matches in doc[begin:end], in doc offsets)."""
    first_tests, first_lo, _ = pattern[0]
    if first_lo and len(first_tests) == 1 and not first_tests[0][2]:
        column, values, _ = first_tests[0]  # a required first word: start only where it is
        starts = [begin + k for k, tok in enumerate(cols[column][begin:end]) if tok in values]
        if not starts:
            return []
    else:
        starts = range(begin, end)
    out = []
    for start in starts:
        ends = {start}  # positions reachable after the tokens matched so far
        for tests, lo, hi in pattern:
            reached = set()
            for p in ends:
                count = 0
                if lo == 0:
                    reached.add(p)
                while p < end and (hi is None or count < hi) and _fits(tests, cols, p):
                    p += 1
                    count += 1
                    if count >= lo:
                        reached.add(p)
            ends = reached
            if not ends:
                break
        out.extend((start, stop) for stop in sorted(ends) if stop > start)
    return out

def _all_present(anchors: list[set[int]], present: set[int]) -> bool:
    """Is one of each set of required words present?"""
    for a in anchors:
        if a.isdisjoint(present):
            return False
    return True


class AnchoredPatterns:
    """Token patterns per key, run only where the words they require occur.

    Most patterns need particular words (LOWER/ORTH/LEMMA values), so a key's patterns run
    only when, for one of them, every required word is present (in the doc, or in the
    windows asked for). Simple patterns are matched by find() on token columns; the others
    by a spaCy Matcher per key.
    """

    def __init__(self, vocab):
        self.vocab = vocab
        # key -> (required words of each pattern, (required words, compiled) of each simple
        # pattern, a Matcher of the others)
        self.by_key: dict[str, tuple[list, list, Matcher | None]] = {}
        # key -> every word any of its patterns requires (None when one requires none): a key
        # none of whose words occurs is passed over at once
        self.key_words: dict[str, frozenset[int] | None] = {}
        self.anchor_ids: set[int] = set()  # every word some pattern requires
        self.unanchored = False  # a pattern requires no particular word: always run
        self.columns: set[str] = set()  # token columns the simple patterns read
        self._validator = Matcher(vocab, validate=True)

    def __bool__(self) -> bool:
        return bool(self.by_key)

    @property
    def reads_doc(self) -> bool:
        """Whether some pattern is left to spaCy's Matcher (which reads the Doc's tokens, so
        their lemmas and sentence starts must be written to it)."""
        return any(matcher is not None for _, _, matcher in self.by_key.values())

    def add(self, key: str, patterns: list, where: str) -> None:
        anchors, simple, matcher = self.by_key.get(key) or ([], [], None)
        for pattern in patterns:
            try:
                self._validator.add(key, [pattern])
            except (ValueError, KeyError) as e:
                first = str(e).strip().splitlines()[0]
                raise TaxonomyError(f"{where}: invalid token pattern ({first})") from None
            compiled = compile_pattern(pattern, self.vocab.strings)
            if compiled is not None:
                simple.append((self._anchors(pattern), compiled))
                self.columns |= columns_needed([compiled])
            else:
                matcher = matcher or Matcher(self.vocab)
                matcher.add(key, [pattern])
            anchors.append(self._anchors(pattern))
            self.anchor_ids.update(*anchors[-1])
            self.unanchored = self.unanchored or not anchors[-1]
        self.by_key[key] = (anchors, simple, matcher)
        self.key_words[key] = None if any(not a for a in anchors) else frozenset().union(*(
            ids for pattern_anchors in anchors for ids in pattern_anchors))

    def _anchors(self, pattern: list[dict]) -> list[set[int]]:
        strings, anchors = self.vocab.strings, []
        for tok in pattern:
            if tok.get("OP") in ("?", "*", "!"):
                continue
            # (NORM is not an anchor: a token's norm may be neither its lowercase nor its lemma)
            for attr in ("LOWER", "ORTH", "TEXT", "LEMMA"):
                value = tok.get(attr)
                values = [value] if isinstance(value, str) else (
                    value.get("IN") if isinstance(value, dict) else None)
                if values:
                    anchors.append({strings.add(v) for v in values} | {strings.add(v.lower()) for v in values})
                    break
        return anchors

    @staticmethod
    def _possible(anchor_lists: list[list[set[int]]], present: set[int]) -> bool:
        for anchors in anchor_lists:
            if _all_present(anchors, present):
                return True
        return False

    def _matches(self, doc, cols: dict[str, list[int]], key: str, entry, present: set[int],
                 windows: list[tuple[int, int]], out: list) -> None:
        """Add (key id, start, end) of the key's patterns inside the windows ((begin, end)
        pairs) to `out`."""
        _, simple, matcher = entry
        key_id = self.vocab.strings[key]
        for anchors, pattern in simple:
            if not _all_present(anchors, present):
                continue
            for begin, end in windows:
                for s, e in find(pattern, cols, begin, end):
                    out.append((key_id, s, e))
        if matcher is not None:
            # One Matcher call on the doc, keeping the matches inside a window: the same
            # matches as a call per window (doc[begin:end]), in one call.
            for mid, ms, me in matcher(doc):
                for begin, end in windows:
                    if begin <= ms and me <= end:
                        out.append((mid, ms, me))
                        break

    def __call__(self, doc, words: set[int], cols: dict[str, list[int]], only=None,
                 window: int = 0) -> list[tuple[int, int, int]]:
        """Matches of the patterns whose required words occur (in the doc, or near `only`'s spans).

        words: the doc's LOWER and LEMMA ids (a set, or a tuple of the two id lists); cols: its
        columns (at least self.columns).
        only: {key: [(start, end)]} restricts to those keys and to windows of `window`
        tokens around each span (how exclusions are checked: only near a theme match)."""
        out: list[tuple[int, int, int]] = []
        if isinstance(words, tuple):  # id lists: no set of every word is built
            present = self.anchor_ids.intersection(words[0])
            for more in words[1:]:
                present.update(self.anchor_ids.intersection(more))
        else:
            present = self.anchor_ids.intersection(words)
        if not present and not self.unanchored:
            return out
        n = len(doc)
        key_words = self.key_words
        if only is None:
            for key, entry in self.by_key.items():
                words_needed = key_words[key]
                if (words_needed is None or not words_needed.isdisjoint(present)) and self._possible(entry[0], present):
                    self._matches(doc, cols, key, entry, present, [(0, n)], out)
            return out
        for key, spans in only.items():
            entry = self.by_key.get(key)
            if entry is None:
                continue
            words_needed = key_words[key]
            if (words_needed is not None and words_needed.isdisjoint(present)) or not self._possible(entry[0], present):
                continue  # not anywhere in the doc, so in no window either
            windows: list[list[int]] = []
            for s, e in sorted(spans):
                ws, we = max(0, s - window), min(n, e + window)
                if windows and ws <= windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], we)
                else:
                    windows.append([ws, we])
            self._matches(doc, cols, key, entry, present, windows, out)
        return out


class PhraseTable:
    """Exact word sequences per key, on one token column: what spaCy's PhraseMatcher with
    that attr finds (every occurrence, overlapping ones included), looked up from each
    token's id in a dict of first words instead of walking the Doc. Phrases are given as
    lists of ids (of the phrase's tokens, in the column's attribute)."""

    def __init__(self):
        # first id -> [(every id of the phrase, key)]
        self.first: dict[int, list[tuple[tuple[int, ...], int]]] = {}

    def add(self, key: int, phrases: list[list[int]]) -> None:
        for ids in phrases:
            ids = tuple(ids)
            if not ids:
                continue  # as PhraseMatcher: an empty phrase matches nothing
            entries = self.first.setdefault(ids[0], [])
            if (ids, key) not in entries:
                entries.append((ids, key))

    def __call__(self, col: list[int]) -> list[tuple[int, int, int]]:
        """(key, start, end) of every phrase in the column."""
        out: list[tuple[int, int, int]] = []
        for i, entries in enumerate(map(self.first.get, col)):  # one dict lookup per token
            if entries is not None:
                for ids, key in entries:
                    end = i + len(ids)
                    if len(ids) == 1 or tuple(col[i:end]) == ids:
                        out.append((key, i, end))
        return out
