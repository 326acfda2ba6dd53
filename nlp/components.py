"""rivalscope's registered spaCy components (exposed as `spacy_factories` entry points).

Pipeline: rivalscope_sentences (nlp/segmenter.py) → rivalscope_lemmatizer → rivalscope_themes (taxonomy) or
rivalscope_model_themes (trained textcat) → rivalscope_sentiment.

Extensions (set once):
  Doc._.theme_mentions  [(theme, start, end)]   token spans that mention a theme
  Doc._.sentiment       {"compound", "label"}   document sentiment (mean over sentences)
  Doc._.themes          {theme: {"mentions", "compound", "label"}}
  Span._.sentiment      {"compound", "label"}   per sentence
  Span._.themes         [theme, ...]            per sentence
  Span._.theme_sentiment {theme: compound}      per sentence, negation/contrast applied
  Doc._.sentence_results [(start, end, start_char, end_char, compound, {theme: compound}, text)]
"""
from __future__ import annotations

import json
from operator import itemgetter
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
import numpy
from spacy.attrs import LEMMA

from .doctext import doc_text
from . import segmenter  # noqa: F401  (registers rivalscope_sentences)
from .lemmatizer import LemmaLookup
from .batches import run_in_batches
from .tokentable import STARTS, Columns, clause_columns, column, token_table
from .sentiment import SPLIT_IDS, clause_cuts, label_for, make_analyzer
from .taxonomy import Taxonomy, TaxonomyError, load_taxonomy  # noqa: F401
from .tokenpatterns import AnchoredPatterns, PhraseTable

MODEL_META_FILE = "rivalscope_themes.json"  # written by `themes train` next to the model
EXCLUSION_WINDOW = 8  # exclusion patterns are matched within this many tokens of a theme match

for _name in ("theme_mentions", "sentiment", "sentence_results"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _set_extension(doc: Doc, name: str, value) -> None:
    """doc._.<name> = value, written where spaCy keeps it (doc.user_data), without building
    an Underscore object per access (~1 us each, four per text)."""
    doc.user_data[("._.", name, None, None)] = value


def get_extension(doc: Doc, name: str):
    """doc._.<name>, read from doc.user_data (see _set_extension)."""
    return doc.user_data.get(("._.", name, None, None))


def _sentence_result(span: Span):
    for r in span.doc._.sentence_results or ():
        if r[0] == span.start and r[1] == span.end:
            return r
    return None


def _span_sentiment(span: Span):
    r = _sentence_result(span)
    return None if r is None else {"compound": r[4], "label": label_for(r[4])}


def _span_theme_sentiment(span: Span):
    r = _sentence_result(span)
    return None if r is None else dict(r[5])


def _span_themes(span: Span):
    r = _sentence_result(span)
    return None if r is None else list(r[5])


def _doc_themes(doc: Doc):
    """{theme: {"mentions", "compound", "label"}}: a theme's sentences (their count and mean)."""
    results = get_extension(doc, "sentence_results")
    if results is None:
        return None
    per_theme: dict[str, list[float]] = {}
    for r in results:
        for theme, value in r[5].items():
            per_theme.setdefault(theme, []).append(value)
    return {t: {"mentions": len(v), "compound": round(sum(v) / len(v), 4), "label": label_for(sum(v) / len(v))}
            for t, v in per_theme.items()}


if not Doc.has_extension("themes"):
    Doc.set_extension("themes", getter=_doc_themes)

# Per-sentence results are kept in one list on the Doc (cheap to write); the Span
# extensions and Doc._.themes read it: sent._.sentiment, sent._.themes, sent._.theme_sentiment.
for _name, _getter in (("sentiment", _span_sentiment), ("themes", _span_themes),
                       ("theme_sentiment", _span_theme_sentiment)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


@spacy.registry.misc("rivalscope.taxonomy.v1")
def taxonomy_v1(path: str = "default") -> Taxonomy:
    """A taxonomy: "default"/"software"/"retail" (bundled) or a YAML file path."""
    return load_taxonomy(path)


# -- lemmatizer ---------------------------------------------------------------------------

class LookupLemmatizer:
    """Sets lowercase lookup lemmas on every token (cached per lowercase form), written in one
    call from the lowercase column of the doc's token table, and kept there as "LEMMA"."""

    def __init__(self, nlp: Language, name: str, extra_bases: list[str], set_annotations: bool = True):
        self.name = name
        self.set_annotations = set_annotations
        self.strings = nlp.vocab.strings
        self.lookup = LemmaLookup(extra_bases)
        self._by_lower: dict[int, int] = {}

    def add_bases(self, words) -> None:
        self.lookup.known.update(w.lower() for w in words)
        self.lookup.cache.clear()
        self._by_lower.clear()

    def lemma(self, text: str) -> str:
        return self.lookup(text)

    def _lemma_id(self, lower_id: int) -> int:
        h = self._by_lower[lower_id] = self.strings.add(self.lookup(self.strings[lower_id]))
        return h

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)  # (read once per component: each look-up checks the table's length)
        lower = table["LOWER"]
        if lower:
            by_lower = self._by_lower
            lemmas = list(map(by_lower.get, lower))
            if None in lemmas:
                lemmas = [by_lower[k] if k in by_lower else self._lemma_id(k) for k in lower]
            if self.set_annotations:
                doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(len(lemmas), 1))
            table["LEMMA"] = lemmas
        return doc

    def pipe(self, stream, batch_size: int = 128):
        return run_in_batches(self, stream, batch_size)  # (and spaCy skips its per-doc wrapper)


@Language.factory("rivalscope_lemmatizer", default_config={"extra_bases": [], "set_annotations": True})
def make_lemmatizer(nlp: Language, name: str, extra_bases: list[str], set_annotations: bool) -> LookupLemmatizer:
    """set_annotations=False: the lemmas go only to the token table (token.lemma_ stays unset)."""
    return LookupLemmatizer(nlp, name, extra_bases, set_annotations)


def _lemmatizer_of(nlp: Language):
    if "rivalscope_lemmatizer" in nlp.pipe_names:
        return nlp.get_pipe("rivalscope_lemmatizer")
    return None


# -- taxonomy themes ----------------------------------------------------------------------

class TaxonomyThemes:
    """Finds theme mentions with phrases, lemmas and token patterns; drops excluded ones.

    Phrases (lowercase) and lemma phrases are looked up on the token table's LOWER and LEMMA
    columns (tokenpatterns.PhraseTable: what PhraseMatcher finds), token patterns only where
    the words they need occur (tokenpatterns.AnchoredPatterns)."""

    def __init__(self, nlp: Language, name: str, taxonomy: Taxonomy):
        self.name = name
        self.taxonomy = taxonomy
        lemmatizer = _lemmatizer_of(nlp)
        lemma_words = {w for t in taxonomy.themes for lem in t.lemmas for w in lem.lower().split()}
        if lemmatizer is not None:
            lemmatizer.add_bases(lemma_words)
            to_lemma = lemmatizer.lemma
        else:
            to_lemma = LemmaLookup(lemma_words)
        self.vocab = nlp.vocab
        self.patterns = AnchoredPatterns(nlp.vocab)  # token patterns
        self.phrases = PhraseTable()  # on LOWER: the phrases, and the exclusion phrases
        self.lemmas = PhraseTable()  # on LEMMA: any inflection
        self.exclusions = AnchoredPatterns(nlp.vocab)
        self.keys: dict[int, str] = {}  # phrase key -> theme
        self.exclude_keys: dict[int, str] = {}  # exclusion phrase key -> theme
        strings = nlp.vocab.strings
        for t in taxonomy.themes:
            key = strings.add(t.key)
            self.keys[key] = t.key
            where = f"{taxonomy.path}: themes.{t.key}"
            if t.phrases:
                self.phrases.add(key, [[tok.lower for tok in nlp.make_doc(p)] for p in t.phrases])
            if t.lemmas:
                self.lemmas.add(key, [[strings.add(to_lemma(tok.lower_)) for tok in nlp.make_doc(lem)]
                                      for lem in t.lemmas])
            if t.patterns:
                self.patterns.add(t.key, t.patterns, where)
            ex_phrases = [p for p in t.exclude if isinstance(p, str)]
            ex_patterns = [p for p in t.exclude if not isinstance(p, str)]
            if ex_phrases:  # in the same table as the phrases, under a key of their own
                ex_key = strings.add(f"{t.key}\x1fexclude")
                self.exclude_keys[ex_key] = t.key
                self.phrases.add(ex_key, [[tok.lower for tok in nlp.make_doc(p)] for p in ex_phrases])
            if ex_patterns:
                self.exclusions.add(t.key, ex_patterns, where + ".exclude")

    @property
    def reads_doc(self) -> bool:
        """Whether it reads token annotations from the Doc (not only the token table)."""
        return self.patterns.reads_doc or self.exclusions.reads_doc

    def __call__(self, doc: Doc) -> Doc:
        keys, excluding = self.keys, self.exclude_keys
        table = token_table(doc)
        lower = table["LOWER"]
        lemma = table.get("LEMMA") or column(doc, "LEMMA")
        matches = self.lemmas(lemma)
        excluded_by_phrase = []
        for m in self.phrases(lower):  # theme phrases and exclusion phrases: one scan
            if m[0] in keys:
                matches.append(m)
            else:
                excluded_by_phrase.append(m)
        words = (lower, lemma)
        cols = Columns(doc) if self.patterns or self.exclusions else None
        if self.patterns:
            matches += self.patterns(doc, words, cols)
        found: dict[str, list[tuple[int, int]]] = {}
        for key, s, e in matches:
            found.setdefault(keys[key], []).append((s, e))
        if found and (self.exclusions or excluded_by_phrase):
            excluded: dict[str, list[tuple[int, int]]] = {}
            for key, s, e in excluded_by_phrase:
                excluded.setdefault(excluding[key], []).append((s, e))
            if self.exclusions:
                for key, s, e in self.exclusions(doc, words, cols, only=found, window=EXCLUSION_WINDOW):
                    excluded.setdefault(keys[key], []).append((s, e))
            for theme, spans in excluded.items():
                if theme in found:
                    found[theme] = [(s, e) for s, e in found[theme]
                                    if not any(s < xe and xs < e for xs, xe in spans)]
        mentions = []
        for theme, spans in found.items():
            if len(spans) > 1:  # overlapping matches of one theme count once
                spans = _longest_non_overlapping(spans)
            mentions += [(theme, s, e) for s, e in spans]
        mentions.sort(key=_MENTION_ORDER)
        _set_extension(doc, "theme_mentions", mentions)
        return doc

    def pipe(self, stream, batch_size: int = 128):
        return run_in_batches(self, stream, batch_size)  # (and spaCy skips its per-doc wrapper)


_MENTION_ORDER = itemgetter(1, 2, 0)  # (theme, start, end) by start, end, theme


def _longest_non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Like spacy.util.filter_spans on (start, end) pairs: longest first, then earliest."""
    ordered = sorted(set(spans))
    for k in range(1, len(ordered)):
        if ordered[k - 1][1] > ordered[k][0]:
            break
    else:
        return ordered  # nothing overlaps (the usual case): all kept
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for s, e in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        if not any(i in taken for i in range(s, e)):
            kept.append((s, e))
            taken.update(range(s, e))
    return sorted(kept)


@Language.factory(
    "rivalscope_themes",
    default_config={"taxonomy": {"@misc": "rivalscope.taxonomy.v1", "path": "default"}},
)
def make_taxonomy_themes(nlp: Language, name: str, taxonomy: Taxonomy) -> TaxonomyThemes:
    return TaxonomyThemes(nlp, name, taxonomy)


# -- trained-model themes -----------------------------------------------------------------

def load_theme_model(model: str):
    """(spaCy pipeline with its textcat pipes, meta {threshold, min_one, ...}, labels, the
    textcat pipes to average) from a directory or an installed package. A model from
    `themes train` may hold several classifiers (meta "ensemble": their pipes, and the
    threshold and min_one of their mean); any other has one."""
    try:
        tc_nlp = spacy.load(model)
    except OSError as e:
        raise TaxonomyError(f"{model}: cannot load the spaCy model ({str(e).splitlines()[0]})") from None
    pipe_name = next((n for n in tc_nlp.pipe_names if n.startswith("textcat")), None)
    if pipe_name is None:
        raise TaxonomyError(f"{model}: the spaCy model has no textcat component to detect themes")
    meta = {"threshold": 0.5, "min_one": False}
    meta_file = Path(model) / MODEL_META_FILE
    if meta_file.is_file():
        meta.update(json.loads(meta_file.read_text()))
    names = [n for n in (meta.get("ensemble") or {}).get("pipes", []) if n in tc_nlp.pipe_names] or [pipe_name]
    keep = set(names) | {n for n in tc_nlp.pipe_names if n in ("tok2vec",)}
    tc_nlp.select_pipes(enable=[n for n in tc_nlp.pipe_names if n in keep])
    labels = list(tc_nlp.get_pipe(names[0]).labels)
    return tc_nlp, meta, labels, names


def mean_probs(runs: list[list[dict[str, float]]]) -> list[dict[str, float]]:
    """Each text's label probabilities averaged over the classifiers' runs (how `themes train`
    scores its ensemble and chooses its threshold, and how ModelThemes scores it)."""
    n = len(runs)
    return [{lab: sum(r[i][lab] for r in runs) / n for lab in runs[0][i]} for i in range(len(runs[0]))]


class ModelThemes:
    """Themes from a trained text classifier (the mean of its classifiers when it has several),
    per sentence (and per clause when contrastive)."""

    def __init__(self, nlp: Language, name: str, model: str, threshold: Optional[float]):
        self.name = name
        self.model_nlp, meta, self.labels, self.pipes = load_theme_model(model)
        decision = meta["ensemble"] if len(self.pipes) > 1 else meta
        self.threshold = float(decision["threshold"]) if threshold is None else threshold
        self.min_one = bool(decision.get("min_one"))

    def cats(self, texts: list[str]) -> list[dict[str, float]]:
        """Each text's label probabilities: the mean over the model's classifiers (each pipe
        writes doc.cats over the last one's, so each is read right after it ran)."""
        if len(self.pipes) == 1:
            return [d.cats for d in self.model_nlp.pipe(texts, batch_size=256)]
        docs = [self.model_nlp.make_doc(t) for t in texts]
        return mean_probs([[dict(d.cats) for d in self.model_nlp.get_pipe(name).pipe(docs, batch_size=256)]
                           for name in self.pipes])

    def _themes(self, cats: dict[str, float]) -> list[str]:
        chosen = [k for k, v in cats.items() if v >= self.threshold]
        if not chosen and self.min_one and cats:
            chosen = [max(cats, key=cats.get)]
        return chosen

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream, batch_size: int = 128):
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]):
        units = []  # (doc index, start, end, is_clause)
        for i, doc in enumerate(docs):
            columns = clause_columns(doc)
            starts = column(doc, STARTS)  # (read from the doc when another component split it)
            for start, end in zip(starts, starts[1:] + [len(doc)]):
                units.append((i, start, end, False))
                clauses = clause_cuts(*columns, start, end)
                if len(clauses) > 1:
                    units.extend((i, s, e, True) for s, e in clauses)
        texts = [docs[i][s:e].text for i, s, e, _ in units]
        results = [self._themes(c) for c in self.cats(texts)]
        mentions: list[list] = [[] for _ in docs]
        clause_themes: dict[tuple[int, int], set] = {}
        for (i, s, e, is_clause), themes in zip(units, results):
            if is_clause:
                for t in themes:
                    mentions[i].append((t, s, e))
                    clause_themes.setdefault((i, s), set()).add(t)
        for (i, s, e, is_clause), themes in zip(units, results):
            if not is_clause:
                in_clauses = set().union(*[v for (di, cs), v in clause_themes.items()
                                           if di == i and s <= cs < e]) if clause_themes else set()
                mentions[i].extend((t, s, e) for t in themes if t not in in_clauses)
        for doc, m in zip(docs, mentions):
            m.sort(key=lambda x: (x[1], x[2], x[0]))
            _set_extension(doc, "theme_mentions", m)
            yield doc


@Language.factory("rivalscope_model_themes", default_config={"model": "", "threshold": None})
def make_model_themes(nlp: Language, name: str, model: str, threshold: Optional[float]) -> ModelThemes:
    return ModelThemes(nlp, name, model, threshold)


# -- sentiment ----------------------------------------------------------------------------

class Sentiment:
    """VADER per sentence; per clause where a contrast splits a sentence that has themes."""

    def __init__(self, nlp: Language, name: str, domain_lexicon: bool, contrast: bool):
        self.name = name
        self.contrast = contrast
        self.compound = make_analyzer(domain_lexicon).compound

    def __call__(self, doc: Doc) -> Doc:
        compound_of = self.compound
        results = []  # (start, end, start_char, end_char, compound, {theme: compound}, text)
        scores: list[float] = []
        # token columns from the doc's table: no Token or Span objects
        table = token_table(doc)
        idx, length, lower = table["IDX"], table["LENGTH"], table["LOWER"]
        n = len(lower)
        if n:
            text = doc_text(doc, idx[-1] + length[-1])
            starts = table.get(STARTS) or column(doc, STARTS)
            mentions = get_extension(doc, "theme_mentions") or ()
            mi, n_m = 0, len(mentions)
            split_columns = None
            for start, end in zip(starts, starts[1:] + [n]):
                start_char, end_char = idx[start], idx[end - 1] + length[end - 1]
                sent_text = text[start_char:end_char]
                compound = compound_of(sent_text)
                scores.append(compound)
                while mi < n_m and mentions[mi][1] < start:
                    mi += 1
                if mi == n_m or mentions[mi][1] >= end:
                    results.append((start, end, start_char, end_char, compound, _NO_THEMES, sent_text))
                    continue
                clauses = ()
                if self.contrast and not SPLIT_IDS.isdisjoint(lower[start:end]):
                    if split_columns is None:
                        split_columns = clause_columns(doc)
                    clauses = clause_cuts(*split_columns, start, end)
                    if len(clauses) == 1:
                        clauses = ()
                first = mi
                while mi < n_m and mentions[mi][1] < end:
                    mi += 1
                if not clauses:  # every theme of the sentence gets its score (the mean of equal values)
                    theme_sentiment = dict.fromkeys([m[0] for m in mentions[first:mi]], compound)
                else:
                    theme_sentiment = _clause_theme_sentiment(mentions[first:mi], clauses, compound, compound_of,
                                                              text, idx, length)
                results.append((start, end, start_char, end_char, compound, theme_sentiment, sent_text))
        polar = [c for c in scores if c >= 0.05 or c <= -0.05]
        basis = polar or scores
        doc_compound = round(sum(basis) / len(basis), 4) if basis else 0.0
        _set_extension(doc, "sentence_results", results)
        _set_extension(doc, "sentiment", {"compound": doc_compound, "label": label_for(doc_compound)})
        return doc

    def pipe(self, stream, batch_size: int = 128):
        return run_in_batches(self, stream, batch_size)  # (and spaCy skips its per-doc wrapper)


_NO_THEMES: dict = {}  # shared by every sentence without themes (never mutated)


def _clause_theme_sentiment(mentions, clauses, compound: float, compound_of, text: str, idx: list[int],
                            length: list[int]) -> dict[str, float]:
    """{theme: compound} of a sentence split into clauses: a mention inside one clause gets that
    clause's score, any other the sentence's; a theme mentioned more than once their mean."""
    clause_scores: dict[int, float] = {}  # clause start -> compound (clauses with a mention)
    per_theme: dict[str, list[float]] = {}
    for theme, s, e in mentions:
        value = compound
        for c0, c1 in clauses:
            if c0 <= s and e <= c1:
                value = clause_scores.get(c0)
                if value is None:
                    value = clause_scores[c0] = compound_of(text[idx[c0]:idx[c1 - 1] + length[c1 - 1]])
                break
        per_theme.setdefault(theme, []).append(value)
    return {t: (v[0] if len(v) == 1 else round(sum(v) / len(v), 4)) for t, v in per_theme.items()}


@Language.factory("rivalscope_sentiment", default_config={"domain_lexicon": True, "contrast": True})
def make_sentiment(nlp: Language, name: str, domain_lexicon: bool, contrast: bool) -> Sentiment:
    return Sentiment(nlp, name, domain_lexicon, contrast)
