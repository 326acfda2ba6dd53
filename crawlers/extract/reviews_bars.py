"""Star widgets that give their value only through drawing sizes: a lit bar measured in
pixels (jQuery jRating's 'fivestar-widget': <div style="height: 16px"> holding a coloured bar
<div style="width:80px">, five 16-pixel stars), and SVG star icons filled by a linear gradient
whose first stop says how much of the star is lit (<stop offset="100%">). And the colour an icon
is drawn in when a design system names it by a CSS variable with a fallback (css_colour)."""
from __future__ import annotations

import re

_PX = re.compile(r"(?:^|;|\s)(width|height)\s*:\s*(\d{1,3}(?:\.\d+)?)px", re.I)
_BAR = re.compile(r"colou?r|fill|active|lit|value|current|selected|rated|on\b|bar", re.I)


def _px(el, prop: str) -> float | None:
    for name, value in _PX.findall(el.get("style") or ""):
        if name.lower() == prop:
            return float(value)
    return None


def pixel_bar(el) -> float | None:
    """The stars a widget's lit bar covers when both are measured in pixels: the first child
    element named for the lit part (colour, fill, active...) is W pixels wide and the stars are
    H pixels high (the widget's or a child's height): square icons, so W / H stars. A bar of 0
    pixels is no vote (None); so is a width that is no 0-5 count of stars."""
    kids = [c for c in el if isinstance(c.tag, str)]
    if not 1 <= len(kids) <= 3:
        return None
    bar = next((c for c in kids if _BAR.search(c.get("class") or "") and _px(c, "width") is not None), None)
    if bar is None:
        return None
    height = _px(el, "height") or next((h for c in kids if (h := _px(c, "height"))), None)
    width = _px(bar, "width")
    if not height or not 8 <= height <= 64 or not width:
        return None
    stars = width / height
    return round(stars * 2) / 2 if stars <= 5.05 else None


def gradient_fill(svg) -> float | None:
    """How much of an SVG star icon is lit when its shape is filled by a linear gradient defined
    in the icon: <linearGradient id="g"><stop offset="60%" stop-color="#c00"><stop offset="0"
    stop-opacity="0"></linearGradient><use fill="url('#g')">: the first stop's offset (0.6)."""
    if not isinstance(svg.tag, str) or svg.tag.rsplit("}", 1)[-1] != "svg":
        return None
    grad = next((g for g in svg.iter() if isinstance(g.tag, str) and g.tag.rsplit("}", 1)[-1].lower() == "lineargradient"),
                None)
    if grad is None or not grad.get("id"):
        return None
    uses = [u for u in svg.iter() if isinstance(u.tag, str) and grad.get("id") in (u.get("fill") or "")]
    stops = [s for s in grad if isinstance(s.tag, str) and s.tag.rsplit("}", 1)[-1] == "stop"]
    if not uses or len(stops) < 2:
        return None
    m = re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*(%?)\s*", stops[0].get("offset") or "")
    if not m:
        return None
    value = float(m.group(1)) / (100 if m.group(2) else 1)
    return value if 0 <= value <= 1 else None


def defs_only(el) -> bool:
    """An <svg> that draws nothing: it only holds <defs> (the shapes the icons beside it use)."""
    if not isinstance(el.tag, str) or el.tag.rsplit("}", 1)[-1] != "svg":
        return False
    kids = [c for c in el if isinstance(c.tag, str)]
    return bool(kids) and all(c.tag.rsplit("}", 1)[-1] == "defs" for c in kids)


# a CSS variable with its fallback colour: "var(--YN300, #FFD45F)" (a design system's token; the
# stylesheet defining it is not in the page, so the fallback is what is drawn)
_VAR_FALLBACK = re.compile(r"var\(\s*--[\w-]+\s*,\s*(.+?)\s*\)", re.S)


def css_colour(value: str) -> str:
    """A fill or colour as written, lower-cased, with a variable's fallback standing for it
    ("var(--NN200, #CFD5E1)" is "#cfd5e1"): a row of lit and empty stars drawn in two tokens."""
    value = value.strip().lower()
    m = _VAR_FALLBACK.fullmatch(value)
    return re.sub(r"\s+", "", m.group(1)) if m else value


_PERCENT_TEXT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
_PERCENT_WIDTH = re.compile(r"(?:^|;|\s)width\s*:\s*(\d{1,3}(?:\.\d+)?)%", re.I)


def shown_percent(el) -> float | None:
    """The percentage a rating widget also shows: its whole text ("20 %"), else the width of
    its lit part given in per cent (<rect class="c-rating__value" width="20%">, or a style):
    what tells the scale of a bare data-rating ("2" of ten, not of five)."""
    m = _PERCENT_TEXT.fullmatch(" ".join(el.text_content().split()))
    if m:
        return float(m.group(1).replace(",", "."))
    for d in el.iterdescendants():
        if not isinstance(d.tag, str) or not _BAR.search(d.get("class") or ""):
            continue
        w = (d.get("width") or "").strip()
        m = re.fullmatch(r"(\d{1,3}(?:\.\d+)?)%", w) or _PERCENT_WIDTH.search(d.get("style") or "")
        if m:
            return float(m.group(1))
    return None
