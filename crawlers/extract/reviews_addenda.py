"""A reviewer's later addendum inside the review: a part introduced by a label of its own
("Additional Feedback", "Follow-up review", "Nachtrag", "追评") after the review's text, with its
own text and time. The review is what was written first: the label is no title, and neither it
nor what follows it is part of the text (as an owner's reply is not: reviews_lines.reply_label)."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_normalize import element_text
from .reviews_widgets import tag

_ADDENDUM_LABEL = re.compile(
    r"(?:additional (?:feedback|review|comments?)|follow[- ]?up(?: (?:review|feedback|comments?))?|review update|"
    r"updated? review|appended review|later review|"
    r"nachtrag|ergänzung|zusätzliche[sr]? (?:feedback|bewertung|kommentar)|"
    r"avis complémentaire|commentaire (?:supplémentaire|complémentaire|additionnel)|"
    r"(?:comentario|opinión|reseña|avaliação|comentário) adicional|feedback aggiuntivo|recensione aggiuntiva|"
    r"aanvullende (?:feedback|beoordeling|review)|dodatkowa opinia|дополнительный отзыв|дополнение к отзыву|"
    r"追评|追加评论|追加评价|用户追评|追加レビュー|追記|추가 ?리뷰|추가 ?후기)\s*[:：]?", re.I)


def addendum_parts(block) -> list:
    """The addendum's label and what follows it in its parent (or in the parent's parent when the
    label stands alone in its element), when the block holds text before the label."""
    out = []
    for el in block.iter():
        if not tag(el) or len(el) or el is block:
            continue
        text = " ".join((el.text or "").split())
        if not text or len(text) > 40:
            continue
        m = _ADDENDUM_LABEL.match(text)
        rest = text[m.end():].strip() if m else None
        if m is None or rest and find_date_text(rest) is None:
            continue  # (a label: the words alone, or with the addendum's date; "Follow-up was quick": a text)
        before = element_text(block)
        if len(before[:before.find(text)].strip()) < 10:
            continue  # (nothing of the review before it: the label opens the block, no addendum)
        anchor = el
        parent = el.getparent()
        if parent is not None and parent is not block and element_text(parent) == element_text(el):
            anchor = parent  # the label alone in its element: the addendum follows that element
        out += [anchor] + [s for s in anchor.itersiblings() if tag(s)]
    return out
