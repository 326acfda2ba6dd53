"""A page's rating summary that looks like one more review.

A product page's review section often opens with the same star widget its reviews use, under a
heading, with the average printed on its scale and no count ("Ratings summary ★★★★☆ 4.4 out of
5"). Its block repeats the reviews' markup, so the layout reader groups it with them; but a
review has words of its own beside its score, and a summary has none: only the score, its
scale and heading words such as "rating", "summary", "average" or "customer reviews".
"""
from __future__ import annotations

import re

from .reviews_normalize import SCALE_WORDS, ascii_digits, element_text, text_longer_than

# a score on a 5, 10, 20 or 100 point scale: "4.4 out of 5", "4,5/5", "8.6 von 10", "15.2/20"
_SCORE_ON_SCALE = re.compile(
    r"(?<![\d./-])\d{1,3}(?:[.,]\d{1,2})?\s*(?:" + SCALE_WORDS + r")\s*(?:5|10|20|100)(?![\d.,]?\d)", re.I)
_WORD = re.compile(r"[^\W\d_]+")
# the words a summary's heading is made of, in the languages the extractor reads
_SUMMARY_WORDS = frozenset("""
rating ratings rated summary average overall score scores customer customers review reviews
star stars our product total
bewertung bewertungen durchschnitt durchschnittliche gesamtbewertung kundenbewertungen sterne
sternen zusammenfassung
note notes moyenne avis clients client évaluation évaluations globale résumé étoiles
valoración valoraciones media promedio calificación opiniones resumen estrellas
valutazione valutazioni recensioni riepilogo stelle
beoordeling beoordelingen gemiddelde samenvatting sterren
avaliação avaliações média resumo estrelas
рейтинг оценка средняя средний отзывы итог звезд
""".split())


def is_score_summary(block) -> bool:
    """Whether the block prints one score on its scale and, apart from that, only summary
    heading words: "Ratings summary 4.4 out of 5", "Average rating 4,6/5"."""
    text = element_text(block)
    if not text or len(text) > 120:
        return False
    text = ascii_digits(text)
    scores = _SCORE_ON_SCALE.findall(text)
    if len(scores) != 1:
        return False
    rest = _SCORE_ON_SCALE.sub(" ", text)
    return all(w.lower() in _SUMMARY_WORDS for w in _WORD.findall(rest))


# a score credited to another site beside its badge: "5/5 ON SOMESITE", "Rated 4.8 out of 5 on
# Google", "4,9/5 auf Trustpilot": the product's score there, a summary, no review of the page
_CREDITED = re.compile(r"(?:rated\s+)?\d(?:[.,]\d{1,2})?\s*(?:/|out of|von|sur|de|su)\s*(?:5|10)\s*(?:stars?\s+)?"
                       r"(?:on|auf|sur|en|op|su|na)\s+[^\W\d_][\w.&'-]*(?:\s+[^\W\d_][\w.&'-]*)?", re.I)


def credited_score(el) -> bool:
    """Whether `el` prints nothing but a score credited to another site (see _CREDITED)."""
    if text_longer_than(el, 60):
        return False
    text = element_text(el)
    return bool(text) and _CREDITED.fullmatch(ascii_digits(text).strip()) is not None
