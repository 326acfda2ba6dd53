"""Short lines that read like a review's parts but are not: a title cut from the text's own
first words ("Unlock panda was the best service I've…" above "Unlock panda was the best
service I've ever used…", as Trustpilot titles a review its writer gave no title), a
read-more toggle ("Leer más...") and the line naming where a review was posted
("Publicado en Facebook", "Posted on Google")."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_normalize import _READ_MORE, letters_only

_ELLIPSIS = ("...", "…")


def cut_headline(line: str, body: str | None) -> bool:
    """Whether `line` is a headline cut short with an ellipsis from the first words of the
    text below it: the review's title as the site made it, not a sentence of the text."""
    if not body or not line.endswith(_ELLIPSIS) or not 10 <= len(line) <= 120:
        return False
    head = letters_only(line.rstrip(".… "))
    return len(head) >= 8 and letters_only(body).startswith(head) and len(head) < len(letters_only(body))


# a line that is only a "Read more" toggle, its ellipsis after it or before it ("Leer más...",
# "… read more", "Read more →")
def toggle_line(text: str) -> bool:
    t = re.sub(r"[\s.…»›→>]+$", "", text.strip())
    return bool(t) and len(t) <= 30 and _READ_MORE.fullmatch(" " + t) is not None


# where a review was first posted: a "posted" verb and a preposition before a site's name
_POSTED_ON = re.compile(
    r"^(?:posted|published|shared|written|publicado|publicada|publié|publiée|partagé|veröffentlicht|"
    r"geschrieben|pubblicato|pubblicata|geplaatst|gepubliceerd|opublikowano|опубликовано|"
    r"опубліковано)\s+(?:on|at|via|in|en|sur|auf|bei|su|op|na|em|в|на)\s+[^\d\s][^\d]*$", re.I)


def source_line(text: str) -> bool:
    """Whether a short line says where the review was posted ("Publicado en Facebook"): no
    reviewer's name. (A date after the preposition makes a date line: "Posted on 3 May 2024".)"""
    return len(text) <= 60 and _POSTED_ON.match(text.strip()) is not None


# a link to the whole of a review shown cut: "Read full review", "Read the full review", "See full review"
_FULL_REVIEW = re.compile(r"(?:read|see|view)\s+(?:the\s+)?(?:full|whole|entire|complete)\s+review", re.I)


def full_review_teasers(root, taken: set) -> list:
    """Review teasers outside the review blocks found: the element holding a text of 60+
    characters cut with an ellipsis and, after it, a link to the whole review ("…and the roof
    still leaks... <a>Read full review</a>", a quote a home page features). Document order."""
    out = []
    for a in root.iter("a"):
        if id(a) in taken or not a.get("href") or not _FULL_REVIEW.fullmatch(" ".join(a.itertext()).strip(" .›»")):
            continue
        p = a.getparent()
        if p is None or any(id(d) in taken for d in p.iter()):
            continue
        rest = " ".join(t.strip() for t in p.itertext() if t.strip())
        rest = rest[: len(rest) - len(" ".join(a.itertext()).strip())].strip()
        if len(rest) >= 60 and rest.endswith(_ELLIPSIS):
            out.append(p)
    return out


def _linked(el) -> bool:
    return any(isinstance(e.tag, str) and e.tag.lower() == "a" for e in (el, *el.iterancestors()))


def dated_link(block) -> bool:
    """Whether a block's text, but for its links, is only a date ("<a>TITLE</a> 31 days ago"):
    a dated link to another page (a blog's or a news list's entry), no review's text."""
    if block.find(".//a") is None:
        return False
    parts = []
    linked: dict[int, bool] = {}  # element id -> inside a link (worked out top-down, not per element up to the root)
    for el in block.iter():
        if not isinstance(el.tag, str):
            continue
        in_link = linked[id(el)] = _linked(el) if el is block else (
            linked[id(el.getparent())] or el.tag.lower() == "a")
        if not in_link:
            parts.append(el.text or "")
        if el is not block and not linked[id(el.getparent())]:
            parts.append(el.tail or "")
    own = " ".join(" ".join(parts).split())
    if len(letters_only(own)) > 40:
        return False  # (more words than a date's)
    frag = find_date_text(own)
    return bool(frag) and len(letters_only(own.replace(frag, " ", 1))) < 3


# a class token with a part naming a blog or a news list ("mk-blog-showcase", "front-blog", "news-item")
# (and a box of "posts" or "articles", plural: a list of them)
_BLOG_PART = re.compile(r"(?:^|[-_])(?:blog|news|posts|articles)(?:$|[-_])", re.I)


def blog_teaser(block) -> bool:
    """Whether a dated block is an entry's teaser in a blog's or a news list's box (its own class or
    one of three ancestors' names one) that links on to the entry with a read-more toggle: a post's
    date, title and excerpt, no review. (A blog's comments have no read-more link.)"""
    named = any(_BLOG_PART.search(tok) for el in [block, *block.iterancestors()][:4]
                for tok in (el.get("class") or "").split())
    return named and any(toggle_line(" ".join(a.itertext())) for a in block.iter("a"))
