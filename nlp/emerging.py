"""Emerging themes: frequent phrases in recent sentences that no theme covers.

Operational definition: for each competitor and polarity (negative, positive), take the
review sentences of that polarity published in the last `days` days before the
competitor's latest review sentence, that no theme matched. Count, per sentence, the
2- and 3-word lemma n-grams with no stop word, number or punctuation in them. Phrases
found in at least `min_sentences` sentences are listed, most frequent first (a shorter
phrase is dropped when a longer one containing it is about as frequent).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from sqlite_utils import Database

from rivalscope.store import now_iso, stable_id, transaction

from .lemmatizer import LemmaLookup

POLARITIES = ("negative", "positive")
_EXTRA_STOP = {"product", "app", "software", "tool", "thing", "lot", "bit", "way", "time", "company",
               "use", "get", "go", "make", "say", "one", "really", "also", "even", "still", "would",
               "could", "just", "like", "good", "great", "bad", "love", "hate", "nice"}


@lru_cache(maxsize=1)
def _tokenizer_nlp():
    return spacy.blank("en")


class PhraseCounter:
    """Lemma n-grams (2..3) of content words of a sentence."""

    def __init__(self):
        self.nlp = _tokenizer_nlp()
        self.lemma = LemmaLookup()
        self.stop = set(self.nlp.Defaults.stop_words) | _EXTRA_STOP
        self._content: dict[int, str | None] = {}  # ORTH id -> lemma of a content word, else None

    def _content_lemma(self, orth: int) -> str | None:
        """The lemma of a token text when it is a content word (alphabetic, 2+ letters, neither
        it nor its lemma a stop word); None when it breaks a phrase."""
        lex = self.nlp.vocab[orth]
        lemma = self.lemma(lex.lower_) if lex.is_alpha and len(lex.orth_) > 1 else None
        if lemma is None or lex.lower_ in self.stop or lemma in self.stop:
            lemma = None
        if len(self._content) >= 500_000:
            self._content.clear()
        self._content[orth] = lemma
        return lemma

    def phrases(self, text: str) -> set[str]:
        out: set[str] = set()
        run: list[str] = []
        content = self._content
        doc = self.nlp.make_doc(text)
        # token ids, each word decided once per process (no Token objects)
        for orth in doc.to_array(ORTH).tolist() if len(doc) else ():
            lemma = content[orth] if orth in content else self._content_lemma(orth)
            if lemma is None:
                if len(run) > 1:
                    self._ngrams(run, out)
                run = []
            else:
                run.append(lemma)
        self._ngrams(run, out)
        return out

    @staticmethod
    def _ngrams(run: list[str], out: set[str]) -> None:
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                if len(set(gram)) == n:
                    out.add(" ".join(gram))


def _window_start(end: str, days: int) -> str:
    try:
        d = date.fromisoformat(end[:10])
    except ValueError:
        return ""
    return (d - timedelta(days=days)).isoformat()


def update_emerging_phrases(db: Database, *, version: str, days: int = 90, min_sentences: int = 3,
                            top: int = 25) -> int:
    """Recompute `emerging_phrases` for every competitor; returns the number of rows."""
    return save_emerging_phrases(db, emerging_phrases(db, version=version, days=days,
                                                      min_sentences=min_sentences, top=top))


def emerging_phrases(db: Database, *, version: str, days: int = 90, min_sentences: int = 3,
                     top: int = 25) -> list[dict]:
    """The `emerging_phrases` rows of every competitor (reads only: see the module's definition;
    it needs the (competitor, published_at) index of sentences and sentence_themes' index on
    sentence, EMERGING_INDEXES)."""
    counter = PhraseCounter()
    ends = {}
    # each competitor's latest review sentence, found from the end of the (competitor,
    # published_at) index (one grouped scan of every sentence took 0.3 s at 100,000 reviews)
    for (competitor,) in db.execute("select id from competitors order by id").fetchall():
        last = db.execute(
            "select published_at from sentences where competitor = ? and source_table = 'reviews' "
            "and pipeline_version = ? and published_at is not null order by published_at desc limit 1",
            [competitor, version]).fetchone()
        if last:
            ends[competitor] = last[0]
    rows = []
    now = now_iso()
    for competitor, end in ends.items():
        if not end:
            continue
        start = _window_start(end, days)
        counts: dict[str, Counter] = defaultdict(Counter)
        examples: dict[tuple[str, str], str] = {}
        totals: Counter = Counter()
        for s in db.query(
            """select s.text, s.label from sentences s
               where s.source_table = 'reviews' and s.competitor = ? and s.pipeline_version = ?
                 and s.label in ('negative', 'positive') and s.published_at >= ?
                 and not exists (select 1 from sentence_themes t where t.sentence = s.id)""",
            [competitor, version, start]):
            totals[s["label"]] += 1
            for p in counter.phrases(s["text"]):
                counts[s["label"]][p] += 1
                examples.setdefault((s["label"], p), s["text"])
        for polarity in POLARITIES:
            frequent = {p: n for p, n in counts[polarity].items() if n >= min_sentences}
            kept = {p: n for p, n in frequent.items()
                    if not any(len(q) > len(p) and f" {p} " in f" {q} " and m >= 0.8 * n
                               for q, m in frequent.items())}
            for phrase, n in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
                rows.append({
                    "id": stable_id(competitor, polarity, phrase), "competitor": competitor,
                    "polarity": polarity, "phrase": phrase, "sentences": n,
                    "share": round(n / totals[polarity], 4), "example": examples[(polarity, phrase)],
                    "window_start": start, "window_end": end[:10], "pipeline_version": version,
                    "computed_at": now,
                })
    return rows


def save_emerging_phrases(db: Database, rows: list[dict]) -> int:
    """Replace `emerging_phrases` with these rows; their number."""
    with transaction(db):
        db.execute("delete from emerging_phrases")
        if rows:
            db["emerging_phrases"].insert_all(rows, pk="id")
    return len(rows)


def emerging_phrases_of_file(path: str, version: str) -> list[dict]:
    """emerging_phrases() on the database file at `path`, on a connection of its own (what a
    worker process runs while the parent builds the other indexes)."""
    from rivalscope.store import open_db

    db = open_db(path, migrate=False)  # the schema is current: nothing to write, no lock to wait for
    try:
        return emerging_phrases(db, version=version)
    finally:
        db.close()
