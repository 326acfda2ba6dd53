"""A review's controls: expand/collapse toggles and rows of action links, no part of its text.

A truncated text ends with a link or span that opens the rest ("… <span>more</span>",
"<span>…</span> <a>Expand</a>"). The toggle, and an ellipsis printed in an element of its own
just before it (shown only while the text is collapsed), are left out; an ellipsis in the
text itself stays (the site cut the text there). A row of links that only name actions
("Full Review | Comment") is left out too.
"""
from __future__ import annotations

import re

from .reviews_chrome import action_word
from .reviews_lines import hidden
from .reviews_normalize import READ_MORE_PHRASES, element_text
from .reviews_widgets import tag

_TOGGLE = re.compile(r"(?:read|show|see|view)?\s*(?:more|less|all)|expand|collapse|mehr|meer|leggi di più|"
                     r"(?:read|see|view)\s+(?:the\s+)?(?:full|whole|entire|complete)\s+(?:review|text|story|note|post|comment)|"
                     + "|".join(map(re.escape, READ_MORE_PHRASES)) + "|"
                     r"展开(?:全文)?|全文|查看(?:更多|全文)|阅读全文|閱讀全文|もっと見る|続きを(?:読む|見る)|더\s?보기|펼치기|"
                     # Cyrillic: "еще" / "ещё" (more), "показать полностью" / "целиком", "развернуть"; Ukrainian "ще", "більше"
                     r"(?:(?:читать|показать)\s+)?(?:ещ[её]|больше|полностью|целиком)|развернуть|ще|більше|розгорнути", re.I)
# a toggle that folds a shown text back ("Show less", "收起评论") follows the whole text, not a cut
_COLLAPSE = re.compile(r"(?:(?:read|show|see|view)\s+)?less|collapse|weniger(?: anzeigen)?|einklappen|voir moins|"
                       r"réduire|ver menos|mostra meno|(?:toon\s+)?minder|visa mindre|vis mindre|näytä vähemmän|"
                       r"收起(?:评论|全文)?|閉じる|折りたたむ|접기|свернуть|скрыть|згорнути", re.I)


def toggle_phrase(text: str) -> bool:
    """Whether a text is a toggle's words ("Show all", "Read less", "Показать целиком")."""
    return _TOGGLE.fullmatch(text) is not None or _COLLAPSE.fullmatch(text) is not None


_TOGGLE_TAGS = {"a", "span", "button", "u", "label"}
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def _is_toggle(el) -> bool:
    if not isinstance(el.tag, str) or el.tag.lower() not in _TOGGLE_TAGS or len(el) > 1:
        return False
    raw = element_text(el)
    t = raw.strip(" ›»>+▾▼▴▲()[]（）-.…")  # (and its dots: "Read full review..")
    if (el.tail or "").strip(_BRACKETS):
        return False
    if not t and tag(el) == "a" and _ARROWS.fullmatch(raw.strip()):
        return _after_ellipsis(el)  # a link of arrows only after the cut ("… <a>&gt;&gt;&gt;</a>"): its "more"
    if not 0 < len(t) <= 24:
        return False
    return _COLLAPSE.fullmatch(t) is not None or _TOGGLE.fullmatch(t) is not None and (
        _after_ellipsis(el) or "ellipsis" in (el.get("class") or "").lower()  # (a link the site classes as the cut's mark)
        or _scripted_end(el))


def _scripted_end(el) -> bool:
    """Whether `el` is a control a script runs (an onclick, a "javascript:" link, a button's
    role) closing the text it follows, nothing after it: "TEXT <span onclick=…>more</span>" on
    every review, its text cut or not (the site opens the review's own page)."""
    href = (el.get("href") or "").strip().lower()
    if not (el.get("onclick") or href.startswith("javascript:") or el.get("role") == "button"):
        return False
    if any((s.tail or "").strip() or (tag(s) and element_text(s).strip()) for s in el.itersiblings()):
        return False
    prev = el.getprevious()
    parent = el.getparent()
    before = (prev.tail if prev is not None else parent.text if parent is not None else "") or ""
    return len(before.strip()) >= 3


_ARROWS = re.compile(r"[›»>→]{1,4}")


# a toggle may sit in brackets of the text's own: "… (<a>展开</a>)"
_BRACKETS = " \t\r\n\xa0()[]（）【】"


def _after_ellipsis(el) -> bool:
    """Whether what comes right before `el` ends with an ellipsis: the text's own cut, or an
    element of its own holding one."""
    prev = el.getprevious()
    if prev is None:
        parent = el.getparent()
        before = parent.text if parent is not None else ""
    else:
        before = prev.tail if (prev.tail or "").strip() else element_text(prev)
    if prev is not None and hidden(prev) and _after_ellipsis(prev):
        return True  # (after the whole text the toggle shows, hidden beside the copy cut with an ellipsis)
    return (before or "").rstrip(_BRACKETS).endswith(("...", "…"))


def toggles(block) -> list:
    """The toggles after a cut text in `block` ("…more"), the ellipsis element before each,
    and the rows of action links."""
    out = action_rows(block)
    for el in block.iter():
        if el is block or not _is_toggle(el):
            continue
        out.append(el)
        prev = el.getprevious()
        if prev is not None and isinstance(prev.tag, str) and _ELLIPSIS.fullmatch(element_text(prev) or "x") \
                and not (prev.tail or "").strip():
            out.append(prev)
    return out


_TOOLS = re.compile(r"tool|action|control", re.I)


def action_rows(block) -> list:
    """Elements holding two or more links (or one, in an element named for its tools or hidden
    until a script shows it), each an action ("Full Review", "Comment"), and nothing else but
    separators: the review's actions."""
    out = []
    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or el.tag.lower() not in ("div", "p", "span", "ul", "li"):
            continue
        links = [a for a in el.iter("a")]
        if not links or len(links) < 2 and not (_TOOLS.search(el.get("class") or "") or hidden(el)) or \
                not all(action_word(element_text(a).strip(" |·•")) for a in links) and not _named_actions(el, links):
            continue
        rest = element_text(el)
        for a in links:
            rest = rest.replace(element_text(a), " ", 1)
        if not re.sub(r"[\s|·•/–-]+", "", rest):
            out.append(el)
    return out


# a class naming the element its actions: "review-action", "actions", "toolbar" (a BEM part)
_ACTIONS_PART = re.compile(r"(?:^|[-_])(?:actions?|tools|toolbar|controls)$", re.I)


def _named_actions(el, links: list) -> bool:
    """Whether `el` is named for the review's actions and its links are short labels or icons
    ("all reviews by this user", a permalink icon), whatever words they use."""
    if not any(_ACTIONS_PART.search(c) for c in (el.get("class") or "").split()):
        return False
    return all(len(t := element_text(a).strip()) <= 40 and not t.endswith((".", "!", "?")) for a in links)


# the hidden rest of a cut text: an element a script or stylesheet shows when "more" is
# clicked, named with the toggle's own words ("ReadMoreTarget", "read-more__content")
_REST_PART = re.compile(r"target|content|text|rest|full|body|hidden|extra|expanded", re.I)


def read_more_rest(el) -> bool:
    """Whether an element named for a read-more toggle is the text's hidden rest, not the
    toggle: named for the part it holds, not a link or a control, its text words (not only an
    ellipsis) and no "more"/"less" phrase ("…you w<div class="ReadMoreTarget">ork on it.</div>")."""
    cls = el.get("class") or ""
    if "more" not in cls.lower() or not isinstance(el.tag, str) or el.tag.lower() in _TOGGLE_TAGS | {"input", "i", "svg", "img"}:
        return False
    if not any(_REST_PART.search(c.lower().replace("readmore", "").replace("read-more", "").replace("read_more", ""))
               for c in cls.split() if re.search(r"read[-_]?more", c, re.I)):
        return False
    t = element_text(el).strip(" .…")
    return sum(ch.isalpha() for ch in t) >= 2 and _TOGGLE.fullmatch(t) is None and _COLLAPSE.fullmatch(t) is None


def joined_cuts(block, body: str | None) -> str | None:
    """`body` with each word a read-more cut split in two joined again: the shown part ends
    mid-word right before the hidden rest ("to w" + "ork on"), read as two words ("w ork")."""
    if not body:
        return body
    for el in block.iter():
        if not read_more_rest(el) or not (rest := el.text or "") or not rest[:1].isalpha():
            continue
        prev = el.getprevious()
        before = (prev.tail or "") if prev is not None else (el.getparent().text or "")
        if not before[-1:].isalpha():
            continue  # (a space or a stop before the rest: two words, as read)
        head, tail = " ".join(before.split())[-24:].lstrip("\"'“”„«»"), re.match(r"\w+", rest).group()
        body = body.replace(f"{head} {tail}", f"{head}{tail}", 1)  # (the rest's first word: its quote mark may be gone)
    return body
