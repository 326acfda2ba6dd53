"""What a star row's classes or glyphs say: how many of five icons drawn alike are lit ("star-rating
count-3", Trustpilot before 2017), or a rating in half stars ("stars-9", G2)."""
from __future__ import annotations

import re

from .reviews_bars import defs_only
from .reviews_normalize import SCALE_WORDS, rating_from_style, rating_from_text, scale_rating

# a figure in a class of its own beside a class naming the row a rating: "count-3", "value-4"
_COUNT_CLASS = re.compile(r"(?:^|\s)(?:count|value|val|score|level|rate)[-_]([0-5])(?:\s|$)")
_RATING_ROW = re.compile(r"star|rating", re.I)


def class_count(row) -> float | None:
    """The stars lit, from the row's class, else None."""
    cls = row.get("class") or ""
    m = _COUNT_CLASS.search(cls)
    return float(m.group(1)) if m and _RATING_ROW.search(_COUNT_CLASS.sub(" ", cls)) else None


_HALF_STAR_CLASS = re.compile(r"(?:^|\s)stars?-(\d{1,2})(?:\s|$)")


def half_star_class(block, inside) -> float | None:
    """G2 marks stars in half-star units, "stars-9" for 4.5: the raw 6-10 figure, which
    extract_reviews reads on a 10-point scale (with the page's other reviews). (`inside`:
    the elements left out.)"""
    for el in block.iter():
        if isinstance(el.tag, str) and el not in inside:
            m = _HALF_STAR_CLASS.search(el.get("class") or "")
            if m and 6 <= int(m.group(1)) <= 10:
                return float(m.group(1))
    return None


def half_star_figure(el, rating) -> float | None:
    """The figure of a "stars-N" class the rating was read from ("stars-4" read as 4 stars):
    raw, so that a page whose other reviews show "stars-9" reads it in half stars (2.0)."""
    m = _HALF_STAR_CLASS.search(el.get("class") or "") if el is not None else None
    return float(m.group(1)) if m and float(m.group(1)) == rating else None


# the figure a row of star icons prints beside them, with its decimals ("1.2" after one lit and one
# half-lit icon): the icons only round it to half stars, the figure says it exactly
_PRINTED = re.compile(r"[0-5][.,]\d{1,2}")


# a label among the icons that states the rating on its scale ("4 out of 5 stars review", a
# screen-reader text under a class that does not say it is hidden)
_STATED = re.compile(r"[^\d]{0,20}[0-5](?:[.,]\d{1,2})?\s*(?:" + SCALE_WORDS + r")\s*5(?![\d.,])\D{0,25}", re.I)


def stated_rating(text: str) -> float | None:
    """The rating a short label states on its scale ("4 out of 5 stars review"), else None."""
    text = " ".join(text.split())
    return rating_from_text(text) if _STATED.fullmatch(text) else None


def printed_figure(kids: list, drawn: float) -> float:
    """The row's rating: what a label among the icons states on its scale, else its one figure
    of 0-5 with decimals among the icons' siblings when the icons draw it rounded (within half a
    star), else what the icons draw."""
    texts = [t for k in kids if len(k) == 0 and (t := " ".join((k.text_content() or "").split()))]
    stated = [r for t in texts if (r := stated_rating(t)) is not None]
    if len(stated) == 1:
        return stated[0]
    figures = [t for t in texts if _PRINTED.fullmatch(t)]
    if len(figures) != 1:
        return drawn
    v = float(figures[0].replace(",", "."))
    return v if abs(v - drawn) <= 0.5 else drawn


# a star drawn filled to a percent its class states: Tasty Recipes' "tasty-recipes-clip-100" /
# "-clip-50" / "-clip-0" on each of five icons (their svg defs name every clip, so the class says
# which one is drawn)
_FILL_CLASS = re.compile(r"(?:^|[-_])(clip|fill|filled|percent|percentage|pct)[-_]?(\d{1,3})$")


def percent_classes(row, kids) -> float | None:
    """The rating a row of 3-10 alike icons shows when each icon's class carries its fill
    percent (one class token each, the same word on all, 0-100), the row or the icons named
    like a rating: the sum of the fills, on 5 (or 10 for ten icons); else None."""
    if not 3 <= len(kids) <= 10 or len({k.tag for k in kids}) != 1:
        return None
    words, fills = set(), []
    for k in kids:
        found = [m for c in (k.get("class") or "").lower().split() if (m := _FILL_CLASS.search(c))]
        if len(found) != 1 or int(found[0].group(2)) > 100:
            return None
        words.add(found[0].group(1))
        fills.append(int(found[0].group(2)))
    if len(words) != 1 or not any(_RATING_ROW.search(e.get("class") or "") for e in (row, kids[0])):
        return None
    total = sum(fills) / 100
    return round(total / 2 if len(kids) == 10 else total, 2)


# half-star icons drawn in pairs, each lit or not: Maoyan's five <li> of "half-star left active" +
# "half-star right active" (ten halves: the lit ones count half a star each)
_HALF_ICON = re.compile(r"(?:^|\s)half[-_]?stars?(?:\s|$)", re.I)
_LIT = re.compile(r"(?:^|[-_\s])(?:active|on|full|filled|lit|selected|checked)(?:$|[-_\s])", re.I)


def half_icon_pairs(el) -> float | None:
    """The stars a row of ten half-star icons inside `el` shows (the lit halves / 2), else None."""
    icons = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _HALF_ICON.search(d.get("class") or "")]
    if len(icons) != 10:
        return None
    return sum(bool(_LIT.search(_HALF_ICON.sub(" ", d.get("class") or ""))) for d in icons) / 2


# hearts and circles drawn as text: "♥♥♥♥♡", "●●●●○" (5 or 10 of them, lit ones first)
_GLYPH_ROW = re.compile(r"([♥❤●]*)([♡○]*)")


def glyph_row(text: str) -> float | None:
    """The rating a row of lit and unlit glyphs draws, else None."""
    m = _GLYPH_ROW.fullmatch(text.replace(" ", ""))
    if not m or len(m.group(0)) not in (5, 10):
        return None
    return scale_rating(float(len(m.group(1))), float(len(m.group(0))))


def overlay_width(kids: list) -> float | None:
    """The rating a row of star icons shows through its overlay: one child, holding a copy of
    the icons (three or more), whose style sets its width ("<i>x5 <span style='width: 80%'><i>x5</span>":
    the lit part of the row), else None."""
    for c in kids:
        style = c.get("style") or ""
        if "width" in style and sum(1 for d in c if isinstance(d.tag, str)) >= 3:
            r = rating_from_style(style)
            if r is not None:
                return r
    return None


# an icon lit or not by its one child: Drupal's fivestar "<div class="star star-2"><span class="on">"
# (the first icon's child may also print the vote, "<span class="on">3</span>": still an icon)
_CHILD_ON = re.compile(r"^(?:on|full|filled|active|lit|checked|selected)$", re.I)
_CHILD_OFF = re.compile(r"^(?:off|empty|inactive|blank|unfilled)$", re.I)


def child_state(el) -> float | None:
    """1.0 / 0.0 when `el`'s only child element is classed just "on" / "off" (or alike), else None."""
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) != 1 or (el.text or "").strip():
        return None
    cls = (kids[0].get("class") or "").strip()
    return 1.0 if _CHILD_ON.match(cls) else 0.0 if _CHILD_OFF.match(cls) else None


_CLEARER = re.compile(r"^(?:clear|clearfix|clr|cb|clearer)$", re.I)


def row_filler(el) -> bool:
    """A star row's part that draws nothing: a hidden input carrying the value for a form, or an
    empty float-clearing element (Opinion Assurances' five icons + <input type=hidden> +
    <div class="clear">), or an <svg> holding only the <defs> its sibling icons use."""
    if el.tag == "input":
        return (el.get("type") or "").lower() == "hidden"
    return defs_only(el) or (not len(el) and not (el.text or "").strip()
                             and bool(_CLEARER.match((el.get("class") or "").strip())))


# a figure on the 0-5 scale and nothing else, as a widget's tooltip prints it ("3.57")
_TOOLTIP_FIGURE = re.compile(r"[0-5](?:[.,]\d{1,2})?")


def titled_overlay(el) -> float | None:
    """The figure a drawn widget's tooltip states (title="3.57" on a box whose child is a bar of
    width 71.3%): the exact value the width only rounds, else None. The caller has checked that
    the element is named a rating."""
    label = " ".join((el.get("title") or el.get("aria-label") or "").split())
    if not _TOOLTIP_FIGURE.fullmatch(label):
        return None
    if not any(rating_from_style(d.get("style")) is not None for d in el.iterdescendants() if isinstance(d.tag, str)):
        return None
    return scale_rating(float(label.replace(",", ".")), 5.0)


# -- one fill per star ---------------------------------------------------------------------
# Some rows draw each star as its own stack, an empty star under a fill whose width says how much
# of THAT star is lit ('<span class="star-block"><span class="estar"></span><span class="fstar"
# style="width:100%"></span></span>' five times; an unlit star has no fill or width 0%). A fill's
# width is then one star's share, not the row's: the row's rating is the sum of the fills.
_STAR_UNIT = re.compile(r"star", re.I)


def _units(kids: list) -> list:
    """The longest run of 3-10 alike star units among `kids` (same tag and class, named for a
    star, each holding at most two bare elements and no text), else []."""
    best, run = [], []
    for k in kids:
        ok = (isinstance(k.tag, str) and _STAR_UNIT.search(k.get("class") or "") and not (k.text or "").strip()
              and len(k) <= 2 and all(isinstance(c.tag, str) and not len(c) and not (c.text or "").strip()
                                      and not (c.tail or "").strip() for c in k))
        if ok and run and (k.tag, k.get("class")) == (run[0].tag, run[0].get("class")):
            run.append(k)
        else:
            run = [k] if ok else []
        if len(run) > len(best):
            best = list(run)
    return best if 3 <= len(best) <= 10 else []


def _fill(unit) -> float | None:
    """The lit share (0-1) one star unit's fill says: its child's width, 0 when it has none."""
    widths = [rating_from_style(c.get("style")) for c in unit if c.get("style")]
    widths = [w for w in widths if w is not None]
    return widths[0] / 5.0 if len(widths) == 1 else (0.0 if not widths else None)


def lead_unit_fills(el) -> float | None:
    """The rating a row of star units with one fill each shows (the sum of their fills), read on
    its first unit (the row may hold more than the stars: "Reviewed 5 hours ago by NAME"), else None."""
    cls = el.get("class")
    if not cls or "star" not in cls.lower():  # (_STAR_UNIT's word; every element's rating asks this)
        return None
    parent = el.getparent()
    if parent is None:
        return None
    units = _units(list(parent))
    if not units or units[0] is not el:
        return None
    if len(units) not in (5, 10):
        return None
    fills = [_fill(u) for u in units]
    if any(f is None for f in fills) or not any(fills):
        return None
    return scale_rating(sum(fills), float(len(units)))


FILLED_TOKENS = re.compile(r"(?:^|[-_\s])(?:full|filled|fill|on|active|checked|selected|yellow|gold|rated|solid|lit|highlighted|is-filled|fas|f)(?:$|[-_\s])", re.I)
_FILL_WORD = re.compile(r"[-_]?(?:full|filled|fill|on|active|solid|lit)", re.I)


def split_by_class(icons: list, values: list[float]) -> list[float]:
    """Icons none of which is named filled or empty (or all of them filled), of two kinds, one
    kind first and the other after it, whose classes differ in one token with a number, the
    larger first (Goodreads' "staticStar p10" ... "staticStar p0"), or in a filled-named class
    only the first kind has: the first kind is the filled one.
    ("star first" then four "star" is no one-star row.)"""
    names = [icon.get("class") or "" for icon in icons]
    first = names[0]
    n = next((i for i, c in enumerate(names) if c != first), len(names))
    if n == len(names) or len(set(names[n:])) != 1:
        return values
    filled, empty = set(first.split()) - set(names[n].split()), set(names[n].split()) - set(first.split())
    if len(filled) == 1 and not empty and FILLED_TOKENS.search(next(iter(filled))):
        # the first kind has one class more, named filled, which the rest lack (Shopee:
        # "icon-rating-solid--active icon-rating-solid", then "icon-rating-solid")
        return [1.0] * n + [0.0] * (len(names) - n)
    if len(filled) != 1 or len(empty) != 1:
        return values
    lit, unlit = next(iter(filled)), next(iter(empty))
    if lit.startswith(unlit) and _FILL_WORD.fullmatch(lit[len(unlit):]):
        return [1.0] * n + [0.0] * (len(names) - n)  # "ld-StarFill" four times, then "ld-Star" (Walmart)
    big, small = (re.sub(r"\D", "", t) for t in (*filled, *empty))
    if not big or not small or int(big) <= int(small):
        return values
    return [1.0] * n + [0.0] * (len(names) - n)


def split_by_src(icons: list, values: list[float]) -> list[float]:
    """Star images alike in every attribute but their file, of two kinds, one kind first and
    the other after it (Lazada: ".../TB19Zv...png" four times, then ".../TB18Zv...png"): the
    first kind is the filled one, unless its file is named empty/off/grey."""
    srcs = [icon.get("src") or "" for icon in icons]
    n = next((i for i, src in enumerate(srcs) if src != srcs[0]), len(srcs))
    if not srcs[0] or n == len(srcs) or len(set(srcs[n:])) != 1:
        return values
    others = [{k: v for k, v in icon.attrib.items() if k != "src"} for icon in icons]
    if any(o != others[0] for o in others):
        return values  # the images differ in more than their file
    if re.search(r"empty|off\b|grey|gray|blank|outline", srcs[0], re.I):
        return [0.0] * n + [1.0] * (len(srcs) - n)
    return [1.0] * n + [0.0] * (len(srcs) - n)
