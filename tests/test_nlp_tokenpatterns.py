"""Token patterns matched on token columns (nlp/tokenpatterns.py): the same matches as spaCy's Matcher."""
import random

import numpy
import pytest
import spacy
from spacy.matcher import Matcher

from nlp.taxonomy import TaxonomyError
from nlp.tokenpatterns import AnchoredPatterns, attr_ids, columns_needed, compile_pattern, find

WORDS = ["a", "b", "c", "A", "1", "-", "$", "free", "10"]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _doc(nlp, text):
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.lemma_ = tok.lower_
    return doc


def _columns(doc, names):
    names = sorted(names)
    array = numpy.asarray(doc.to_array(attr_ids(names))).reshape(len(doc), len(names))
    return {name: array[:, k].tolist() for k, name in enumerate(names)}


def _random_pattern(rng):
    pattern = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.35:
            spec = {"LOWER": rng.choice(WORDS).lower()}
        elif r < 0.55:
            spec = {"ORTH": {"IN": rng.sample(WORDS, 2)}}
        elif r < 0.7:
            spec = {"LIKE_NUM": rng.random() < 0.5}
        elif r < 0.8:
            spec = {"LEMMA": rng.choice(WORDS)}  # "A" never matches a lemma: lemmas are lowercase here
        else:
            spec = {"IS_PUNCT": rng.random() < 0.5, "LOWER": {"IN": rng.sample([w.lower() for w in WORDS], 3)}}
        op = rng.choice([None, None, "?", "*", "+"])
        if op:
            spec["OP"] = op
        pattern.append(spec)
    return pattern


def test_same_matches_as_spacy_matcher_on_random_patterns_and_texts(nlp):
    rng = random.Random(7)
    compared = with_matches = 0
    for _ in range(3000):
        pattern = _random_pattern(rng)
        compiled = compile_pattern(pattern, nlp.vocab.strings)
        if compiled is None:
            continue
        doc = _doc(nlp, " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 10))))
        cols = _columns(doc, columns_needed([compiled]))
        begin, end = 0, len(doc)
        if rng.random() < 0.5:  # a window of the doc
            begin = rng.randint(0, len(doc))
            end = rng.randint(begin, len(doc))
        matcher = Matcher(nlp.vocab)
        matcher.add("K", [pattern])
        expected = sorted({(begin + s, begin + e) for _, s, e in matcher(doc[begin:end])})
        assert sorted(set(find(compiled, cols, begin, end))) == expected, (pattern, doc.text, begin, end)
        compared += 1
        with_matches += bool(expected)
    assert compared > 2000 and with_matches > 400  # the comparison covered real matches


def test_every_length_an_optional_or_repeated_token_allows(nlp):
    doc = _doc(nlp, "support is very very slow")
    pattern = [{"LOWER": "support"}, {"LOWER": "is", "OP": "?"}, {"LOWER": "very", "OP": "*"},
               {"LOWER": {"IN": ["slow", "very"]}, "OP": "+"}]
    compiled = compile_pattern(pattern, nlp.vocab.strings)
    cols = _columns(doc, columns_needed([compiled]))
    assert sorted(find(compiled, cols, 0, len(doc))) == [(0, 3), (0, 4), (0, 5)]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": {"REGEX": "^supp"}}],  # other predicates
    [{"LOWER": {"NOT_IN": ["a"]}}],
    [{"LOWER": "a", "OP": "!"}, {"LOWER": "b"}],  # negation
    [{"LOWER": "a", "OP": "{2}"}],  # counted repeats
    [{}, {"LOWER": "b"}],  # any token
    [{"LOWER": "a", "OP": "?"}],  # could match nothing
    [{"LENGTH": 3}],  # other attributes
    [{"lower": "a"}],  # keys spelt otherwise
])
def test_other_patterns_are_left_to_spacy(nlp, pattern):
    assert compile_pattern(pattern, nlp.vocab.strings) is None


def test_anchored_patterns_mix_compiled_and_matcher_patterns(nlp):
    patterns = AnchoredPatterns(nlp.vocab)
    patterns.add("speed", [[{"LOWER": "fast"}, {"LOWER": "support"}],  # compiled
                           [{"LOWER": {"REGEX": "^lag"}}, {"LOWER": "support", "OP": "?"}]], "t.yml: themes.speed")
    doc = _doc(nlp, "fast support but laggy support")
    cols = _columns(doc, {"LOWER", "LEMMA"} | patterns.columns)
    words = set(cols["LOWER"]) | set(cols["LEMMA"])
    found = sorted((nlp.vocab.strings[k], s, e) for k, s, e in patterns(doc, words, cols))
    assert found == [("speed", 0, 2), ("speed", 3, 4), ("speed", 3, 5)]
    # windows: only matches inside tokens 0..2 (around a span at 0..1, window 1)
    near = sorted((s, e) for _, s, e in patterns(doc, words, cols, only={"speed": [(0, 1)]}, window=1))
    assert near == [(0, 2)]


def test_a_pattern_whose_word_is_absent_is_not_run(nlp):
    patterns = AnchoredPatterns(nlp.vocab)
    patterns.add("price", [[{"ORTH": {"IN": ["$", "€"]}}, {"LIKE_NUM": True}]], "t.yml: themes.price")
    doc = _doc(nlp, "costs 10 dollars")
    cols = _columns(doc, {"LOWER", "LEMMA"} | patterns.columns)
    assert list(patterns(doc, set(cols["LOWER"]) | set(cols["LEMMA"]), cols)) == []
    doc = _doc(nlp, "costs $ 10 a month")
    cols = _columns(doc, {"LOWER", "LEMMA"} | patterns.columns)
    assert [(s, e) for _, s, e in patterns(doc, set(cols["LOWER"]) | set(cols["LEMMA"]), cols)] == [(1, 3)]


def test_an_invalid_pattern_names_where_it_is(nlp):
    patterns = AnchoredPatterns(nlp.vocab)
    with pytest.raises(TaxonomyError, match=r"t.yml: themes.x: invalid token pattern"):
        patterns.add("x", [[{"LOWER": "a", "OP": "%"}]], "t.yml: themes.x")


def test_phrase_table_finds_what_phrase_matcher_finds(nlp):
    """Every occurrence, overlapping ones and one phrase under several keys included."""
    from spacy.matcher import PhraseMatcher

    from nlp.tokenpatterns import PhraseTable

    rng = random.Random(5)
    words = ["a", "b", "c", "d", "free", "-", "$"]
    matcher, table = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseTable()
    strings = nlp.vocab.strings
    for k in range(12):
        key = strings.add(f"key{k % 5}")
        phrases = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(2)]
        matcher.add(f"key{k % 5}", [nlp.make_doc(p) for p in phrases])
        table.add(key, [[t.lower for t in nlp.make_doc(p)] for p in phrases])
    found = 0
    for _ in range(300):
        doc = nlp.make_doc(" ".join(rng.choice(words + ["A", "B"]) for _ in range(rng.randint(0, 15))))
        expected = sorted(matcher(doc))
        assert sorted(table([t.lower for t in doc])) == expected
        found += len(expected)
    assert found > 300  # the texts do hold the phrases, overlapping ones too


def test_phrase_table_counts_a_repeated_phrase_once_per_occurrence(nlp):
    from nlp.tokenpatterns import PhraseTable

    table = PhraseTable()
    key = nlp.vocab.strings.add("support")
    ids = [t.lower for t in nlp.make_doc("customer service")]
    table.add(key, [ids, ids])  # the same phrase twice: matched once per occurrence
    doc = nlp.make_doc("Customer service, customer SERVICE and service")
    assert table([t.lower for t in doc]) == [(key, 0, 2), (key, 3, 5)]
