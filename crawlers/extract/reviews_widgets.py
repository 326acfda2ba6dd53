"""Rating widgets: what an element shows as a rating (star rows, labels, widths, data
attributes, bare figures), and the small DOM helpers the review extractor shares."""
from __future__ import annotations

import colorsys
import re

from lxml import etree

from .reviews_bars import css_colour, gradient_fill, pixel_bar, shown_percent
from .reviews_starclass import numbered_icon, paired_value_class, star_class_value, vote_class
from .reviews_dates import find_date_text
from .reviews_icons import (FILLED_TOKENS, child_state, class_count, glyph_row, half_icon_pairs, overlay_width,
                            lead_unit_fills, percent_classes, printed_figure, row_filler, split_by_class,
                            split_by_src, stated_rating, titled_overlay)
from .reviews_marks import image_score, raw_mark, star_filter  # noqa: F401 (raw_mark: read by reviews_fields from here)
from .reviews_microformats import value_best
from .reviews_normalize import (BARE_SCORE, SCALE_WORDS, ascii_digits, current_memo, element_text, labelled_out_of,
                                labelled_score, rating_from_style, rating_from_text, scale_rating, text_longer_than, to_number)

# -- small helpers -----------------------------------------------------------------------


def tag(el) -> str:
    t = el.tag
    return t.lower() if t.__class__ is str else ""  # comments and PIs have a function as tag


def attrs_text(el) -> str:
    """class, id, itemprop, data-hook/testid values and data-* names of an element, lower-cased."""
    memo = current_memo()
    if memo is None:
        return _attrs_text(el)
    key = id(el)
    text = memo.attrs.get(key)
    if text is None:
        text = memo.attrs[key] = _attrs_text(el)
    return text


def _attrs_text(el) -> str:
    try:
        data_names = " ".join(k[5:] for k in el.attrib if k.startswith("data-") and k not in ("data-id",))
    except Exception:
        data_names = ""
    return " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"), el.get("data-hook"),
                                  el.get("data-testid"), el.get("data-test"), data_names))).lower()


_NOT_A_RATING_PART = re.compile(r"(?:actions?|filters?|footer|header|meta|date|time|author|name|user|avatar|"
                                r"content|text|body|like|count|helpful|button|btn|reply|media|images?|photos?|"
                                r"tags?|variation|info)(?:$|[-_])")


def bem_elements(attrs: str) -> str:
    """Attribute text with BEM block prefixes cut ("shopee-product-rating__author-name" →
    "author-name"): what the element itself is."""
    return re.sub(r"[\w-]*__", "", attrs) if "__" in attrs else attrs


def own_name(el) -> str:
    """attrs_text(), less BEM classes whose element part is plainly something else: in a block
    named like a rating, "shopee-product-rating__actions" says "rating" but is the action bar
    (while "bui-review-score__badge" is the score)."""
    a = attrs_text(el)
    if "__" not in a:
        return a
    bem = [c for c in classes(el) if "__" in c]
    if all(_NOT_A_RATING_PART.match(c.rsplit("__", 1)[1]) for c in bem):
        return " ".join(w for w in a.split() if "__" not in w)
    return a


def classes(el) -> list[str]:
    return (el.get("class") or "").lower().split()


_STAR_ATTR = re.compile(r"star|rating|rated|score|stars|sterne|etoile|note|bewertung|valoracion|valoración|"
                        r"puntuacion|calificacion|beoordeling|voto|valutazione|avaliacao|bubble|rate", re.I)
_STAR_CLASS_VALUE = re.compile(r"(?:^|[\s_-])(?:a-)?(?:stars?|str|rating|rated|score|sterne|bubble)[-_]?(\d)(?:[-_]?(\d))?(?:$|\s|[-_](?:stars?|out))", re.I)
_HALF_TOKENS = re.compile(r"half", re.I)
_PERCENT_STAR = re.compile(r"percent(?:age)?[-_]?stars?[-_]+(\d{1,3})\b", re.I)
_EMPTY_TOKENS = re.compile(r"(?:^|[-_\s])(?:empty|off|inactive|outline|outlined|grey|gray|o|blank|unfilled|far|disabled|none|regular|e)(?:$|[-_\s])", re.I)
REPLY_ATTR = re.compile(r"reply|response|answer|owner|merchant|vendor|company-?comment|developer-?response|"
                        r"antwort|réponse|respuesta|reactie", re.I)
SUMMARY_ATTR = re.compile(r"summary|overview|average|aggregate|overall|rating-?stats", re.I)
_SCALE_AFTER = re.compile(r"\s*(?:" + SCALE_WORDS + r")\s*(\d{1,3})(?!\d|[.,]\d)", re.I)
HIDDEN_TEXT = re.compile(r"hidden|sr-only|screen-?reader|visually|offscreen|a11y|assistive|a-icon-alt", re.I)
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}


_GLYPHS = ("★", "☆", "⭐", "✩", "✰", "★☆")


def _use_ref(el) -> str:
    """The symbol an svg icon draws (<use href="#looxicons-rating-full">): it names the icon."""
    if tag(el) != "svg":
        return ""
    use = next((c for c in el if tag(c) == "use"), None)
    return "" if use is None else (use.get("href") or use.get("{http://www.w3.org/1999/xlink}href")
                                   or use.get("xlink:href") or "")


def _star_icon(el) -> bool:
    a = " ".join([attrs_text(el), el.get("src") or "", el.get("alt") or "", el.get("aria-label") or "", _use_ref(el)])
    t = (el.text or "").strip()
    if (t or len(el)) and tag(el) != "svg" and re.search(r"\d", element_text(el)) and child_state(el) is None:
        return False  # a figure ("4,1", "312 critiques" in AlloCiné's "stareval-…" parts): no icon
    named = bool(re.search(r"star|stern|etoile|estrella|ster\b|icons?-rating|rating-icon", a, re.I)) or t in _GLYPHS
    if named and tag(el) != "svg" and (len(el) >= 3 or sum(map(element_text(el).count, "★☆⭐✩✰")) >= 2):
        return False  # a row of stars (the filled one over the empty one, ASDA), not one icon
    return named


def _icon_value(el) -> float:
    a = " ".join(filter(None, (el.get("class"), el.get("src"), el.get("alt"), el.get("data-state"), _use_ref(el),
                               el.get("aria-checked") == "true" and "checked", el.get("data-filled") == "true" and "filled")))
    t = (el.text or "").strip()
    if t in ("☆", "✩", "✰"):
        return 0.0
    if t in ("★", "⭐"):
        return 1.0
    m = _PERCENT_STAR.search(a)  # REVIEWS.io: ricon-percentage-star--100 / --50 / --0
    if m:
        return min(int(m.group(1)), 100) / 100
    if _HALF_TOKENS.search(a):
        return 0.5
    if _EMPTY_TOKENS.search(a) or re.search(r"star[-_]?o\b|empty|outline|off\b|(?:un|no|non)[-_]?star", a, re.I):
        return 0.0
    fill = el.get("fill") or ""
    for child in el.iter():
        f = child.get("fill") if isinstance(child.tag, str) else None
        if f:
            fill = f
            break
    if fill.lower() in ("none", "#ddd", "#dddddd", "#ccc", "#cccccc", "#e0e0e0", "#eee", "lightgray", "lightgrey", "transparent") \
            and not re.search(r"(?:^|[-_\s])(?:full|filled)(?:$|\s)", el.get("class") or ""):  # (an outline classed full: CSS fills it)
        return 0.0
    state = child_state(el) if (g := gradient_fill(el)) is None else g  # (lit by its child; or by a gradient)
    return 1.0 if state is None else state


_MISSING = object()


def rating_of(el, *, strict: bool = True) -> float | None:
    """The rating a widget element shows, or None when it is not a rating widget."""
    memo = current_memo() if strict else None
    if memo is None:
        return _rating_of(el, strict=strict)
    key = id(el)
    r = memo.rating.get(key, _MISSING)
    if r is _MISSING:
        r = memo.rating[key] = _rating_of(el, strict=True)
    return r


# every attribute the checks below read before looking at children and text
_RATING_ATTRS = frozenset({
    "data-max", "data-best", "aria-valuemax", "data-scale", "data-rating", "data-score", "data-stars",
    "data-rating-value", "data-star-rating", "data-rate", "data-review-rating", "aria-valuenow",
    "data-value", "itemprop", "aria-label", "title", "alt", "data-label", "style", "aria-labelledby"})


# a label read as a rating must say so: "4 out of 5", "4 stars", "Rated 4", "bintang 4"
_LABEL_SAYS_RATING = re.compile(
    r"\d\s*(?:" + SCALE_WORDS + r"|out|üzerinden|-\s?b[őo]l|में\s+से)\s*\d|star|stern|étoile|etoile|estrella|estrela|ster|stell|"
    r"★|rated|rating|note|bewert|score|punt|valora|cijfer|оценк|оцінк|ocen|hodnocen|calific|classifica|avalia|beoordel|puan|betyg|"
    r"bintang|csillag|sao|зір|звезд|כוכב|דירוג|星|段階|評価|점|별|نجم|yıldız|ดาว|αστέρ|gwiazd|hvězd|stj[eä]rn|tähte|stele|žvaigžd", re.I)


# a score out of 5 or 10 and the verdict hotel and travel sites print with it
SCORE_VERDICT = re.compile(
    r"(\d{1,2}(?:[.,]\d)?)\s*/\s*(5|10)\s+(?:exceptional|excellent|superb|wonderful|fabulous|outstanding|very good|"
    r"good|pleasant|okay|ok|fair|average|poor|very poor|bad|terrible|disappointing|hervorragend|ausgezeichnet|"
    r"sehr gut|gut|befriedigend|enttäuschend|schlecht|très bien|bien|moyen|décevant|médiocre|excelente|muy bueno|"
    r"bueno|regular|malo)", re.I)


_FIGURE = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?")
_GLYPH_OR_FIGURE = re.compile(r"[★☆⭐✩✰\d]")


def _labelled_by(el) -> str | None:
    """The text of the elements an aria-labelledby names (ids in the same document)."""
    ids = (el.get("aria-labelledby") or "").split()
    if not ids:
        return None
    root = el.getroottree().getroot()
    found = [root.xpath("//*[@id=$i]", i=i) for i in ids[:3]]
    return " ".join(" ".join((x.text_content() or "").split()) for xs in found for x in xs[:1]) or None


def _rating_of(el, *, strict: bool) -> float | None:
    t = tag(el)
    if not t or t in SKIP_TAGS or t == "input" and (el.get("type") or "").lower() in ("radio", "checkbox") and el.get("disabled") is None:
        return None  # (a choice a form offers, "Rate this recipe 4 out of 5 stars", is no rating shown)
    if "rating" in (el.get("class") or "") and (r := value_best(el)) is not None:
        return r  # hReview's rating in parts: <span class="value">7.7</span><span class="best">10</span>
    a = attrs_text(el)
    if not _RATING_ATTRS.isdisjoint(el.keys()):  # most elements carry none of these: skip the look-ups
        # explicit data attributes
        best = to_number(el.get("data-max") or el.get("data-best") or el.get("aria-valuemax") or el.get("data-scale"))
        for name in ("data-rating", "data-score", "data-stars", "data-rating-value", "data-star-rating",
                     "data-rate", "data-review-rating"):
            v = el.get(name)
            if v not in (None, "") and not star_filter(v, el):  # ("4,5": stars to show, reviews_marks)
                val = to_number(v)
                if val is not None and not best and 0 < val <= 5 and (p := shown_percent(el)) is not None \
                        and abs(p - 10 * val) < 1 <= abs(p - 20 * val):
                    return val / 2  # ("2" shown as "20 %": of ten, reviews_bars)
                if val is not None:  # (on no stated scale, ten half-star icons say the value is in halves)
                    return scale_rating(val, best) if best or half_icon_pairs(el) != val / 2 else val / 2
        if el.get("aria-valuenow") and _STAR_ATTR.search(a + " " + (el.get("role") or "") + " " + (el.get("aria-label") or "")):
            return scale_rating(to_number(el.get("aria-valuenow")), best)
        if el.get("data-value") and _STAR_ATTR.search(a):
            return scale_rating(to_number(el.get("data-value")), best)
        if el.get("itemprop") == "ratingValue":
            v = to_number(el.get("content") or element_text(el))
            return scale_rating(v, best)
        # labels: aria-label, title, alt, and the text an aria-labelledby points to
        for label in [el.get(name) for name in ("aria-label", "title", "alt", "data-label")] + [_labelled_by(el)]:
            if label and len(label) < 120 and not find_date_text(label):
                r = rating_from_text(label)
                if r is not None and _LABEL_SAYS_RATING.search(label):
                    return r
        if _STAR_ATTR.search(a) and (r := titled_overlay(el)) is not None:
            return r  # title="3.57" over a bar of width 71.3%: the exact figure (reviews_icons)
        # width overlay
        style = el.get("style")
        if style and _STAR_ATTR.search(a + " " + attrs_text(el.getparent()) if el.getparent() is not None else a):
            r = next((v for v in (rating_from_style(style), pixel_bar(el)) if v is not None), None)  # (reviews_bars)
            if r is not None:
                return r
    if (r := lead_unit_fills(el)) is not None:
        return r  # five stars each with its own fill ("width:100%" in each, none in an unlit one) (reviews_icons)
    if t == "meter":  # <meter min="0" max="5" value="4">: a score (not a histogram's 0-100 bar)
        best, value = to_number(el.get("max")), to_number(el.get("value"))
        if best in (5.0, 10.0) and value is not None and 0 <= value <= best:
            return scale_rating(value, best)
    if t == "img" and (r := image_score(el, _rating_from_file)) is not None:
        return r  # a star image named by its value, an alt of asterisks ("****") (reviews_marks)
    kids = [c for c in el if isinstance(c.tag, str) and c.tag not in ("meta", "link") and not row_filler(c)]  # (no <meta>)
    r = _checked_radio(kids)
    if r is not None:
        return r
    if t == "svg":  # an svg's <title> is its label (Tripadvisor's "4.0 of 5 bubbles")
        label = next((c.text for c in kids if tag(c) == "title"), None)
        if label and len(label) < 120:
            r = rating_from_text(label)
            if r is not None and _LABEL_SAYS_RATING.search(label):
                return r
    # screen-reader text inside the widget ("Calificación 4 de 5" beside five icons) says
    # exactly what the icons only draw
    # (a visible figure beside it is the same rating: Zillow's "4.0" + "4.0 out of 5 stars")
    for k in kids:
        if HIDDEN_TEXT.search(attrs_text(k)) and len(k) <= 2 and not any(
                c is not k and tag(c) and element_text(c) and not _FIGURE.fullmatch(element_text(c))
                for c in kids):  # a title beside it: no widget
            r = rating_from_text(element_text(k))
            if r is not None:
                return r
    # a figure and one star icon: Flipkart's "4" + <img src="star.svg"> badge
    if len(kids) == 1 and _star_icon(kids[0]) and not (kids[0].text or "").strip():
        m = re.fullmatch(r"([0-5](?:[.,]\d{1,2})?)", (el.text or "").strip() + (kids[0].tail or "").strip())
        if m:
            return scale_rating(to_number(m.group(1)), 5.0)
    # a row of star icons
    stars = sum(map(_star_icon, kids)) if 3 <= len(kids) <= 10 else 0
    if stars >= 3 and stars >= len(kids) - 1:
        if (lit := overlay_width(kids)) is not None:
            return lit  # a copy of the icons under a width overlay ("width: 80%"): the width says (reviews_icons)
        icons, values = [c for c in kids if _star_icon(c)], [_icon_value(c) for c in kids if _star_icon(c)]
        # some icons marked filled ("icon-rating-solid--active") and the rest plain: the empty ones
        marked = [bool(FILLED_TOKENS.search(c.get("class") or "")) for c in icons]
        if any(marked) and not all(marked):
            values = [v if m or v < 1 else 0.0 for v, m in zip(values, marked)]
        elif min(values) == 1.0:
            values = split_by_class(icons, values)
            if min(values) == 1.0:
                values = split_by_src(icons, values)
            if min(values) == 1.0 and (lit := class_count(el)) is not None and len(icons) == 5:
                return lit  # five alike, the row's class says how many are lit ("count-3")
        said = _said_beside(el)  # ("4 out of 5 stars" for screen readers beside the row: Target)
        drawn = scale_rating(sum(values), 10.0 if len(icons) == 10 else 5.0)
        return said if said is not None else printed_figure(kids, drawn)  # (reviews_icons)
    if kids and all(tag(k) in ("svg", "span", "i", "div") for k in kids):
        r = next((v for v in (_star_row(el, kids), percent_classes(el, kids)) if v is not None), None)
        if r is not None:
            return r
    # short text: ★★★★☆, 4.5/5, 4 out of 5
    text = "" if text_longer_than(el, 40) else ascii_digits(element_text(el))
    if text and len(text) <= 40:
        if len(kids) >= 2 and _GLYPH_OR_FIGURE.search(text) and any(rating_of(c) is not None for c in kids) and any(
                (k := element_text(c).strip("★☆⭐✩✰½ ")) and rating_from_text(k) is None and not _FIGURE.fullmatch(k)
                for c in kids):
            return None  # stars and a title beside them (ASDA): a row, not the widget
        a = own_name(el)  # what the text is read as depends on the element's own name
        if re.fullmatch(r"[★☆⭐✩✰½\s]+", text):  # (filled glyphs under a width overlay: the width says)
            r = next((r for c in el.iterdescendants() if c.get("style") and (r := rating_of(c)) is not None), None)
            return rating_from_text(text) if r is None else r
        r = glyph_row(text)
        if r is not None:
            return r
        m = SCORE_VERDICT.fullmatch(text)
        if m and to_number(m.group(1)) <= int(m.group(2)):  # "10/10 Excellent", whatever the element's name
            return scale_rating(to_number(m.group(1)), float(m.group(2)))
        if (_STAR_ATTR.search(a) or not strict or labelled_out_of(text) or labelled_score(text)) and not find_date_text(text):
            # (a row holding a date is a review's header around the widget, not the widget:
            # "Rated 4 out of 5 stars Emma W. 23/04/2024")
            r = rating_from_text(text, any_scale=bool(_STAR_ATTR.search(a)))
            if r is not None:
                return r
            if _STAR_ATTR.search(a) and BARE_SCORE.fullmatch(text):
                # a bare figure ("4", "8.5", Rakuten's "4.00", a wine's "92 Points"): 0-5 as it is, up to 10
                # as a 10-point score, above out of 100 (see bare_rating); its scale may follow it ("5,2</span> / 6")
                m = _SCALE_AFTER.match(el.tail or "")
                if m and to_number(text) <= int(m.group(1)):
                    return scale_rating(to_number(text), float(m.group(1)))
                return scale_rating(to_number(text))
    # class value: stars-4, a-star-4-5, rating-45
    m = _STAR_CLASS_VALUE.search(el.get("class") or "")
    if m and not numbered_icon(el) and not vote_class(el):  # (not "star-3", the third of a row; not "+3", votes)
        whole, frac = int(m.group(1)), m.group(2)
        if frac is not None:
            v = float(f"{whole}.{frac}")
        else:
            v = float(whole)
        if v <= 5 and not (v == 0 and paired_value_class(el) is not None):  # ("star0 sa8": its pair says, below)
            return scale_rating(v, 5.0)
    if (v := star_class_value(el)) is not None:  # "allstar45 rating", "rating-stars--s9", "stars__100" (reviews_starclass)
        return v
    # a value as a class of its own beside "rating" (Kaspi: class="rating _small _5")
    cls = classes(el)
    if "rating" in cls or "stars" in cls:
        values = [c for c in cls if re.fullmatch(r"_[0-5]", c)]
        if len(values) == 1:
            return scale_rating(float(values[0][1]), 5.0)
    return None


# a star image named by its value: "stars_4_half.png", "stars_3.png", "rating-45.gif" (not
# "star-1.png": one star icon of a row, or an icon's variant)
_STAR_FILE = re.compile(r"(?:^|/)(?:stars|rating|rated)[-_]?([0-5])(?:[-_]?(half|5)|[-_]?0)?(?:[-_][a-z]{3,12})?\.(?:png|gif|svg|jpe?g|webp)$",
                        re.I)


def _rating_from_file(src: str | None) -> float | None:
    m = _STAR_FILE.search((src or "").split("?")[0])
    if not m:
        return None
    return scale_rating(int(m.group(1)) + (0.5 if m.group(2) else 0.0), 5.0)


def _checked_radio(kids: list) -> float | None:
    """A row of read-only radio inputs (a server-rendered star component): the checked one's value, out of the largest."""
    radios = [k for k in kids if tag(k) == "input" and (k.get("type") or "").lower() == "radio"]
    if not 3 <= len(radios) <= 10:
        return None
    values = [to_number(k.get("value")) for k in radios]
    checked = [v for k, v in zip(radios, values) if k.get("checked") is not None]
    if len(checked) != 1 or None in values or checked[0] is None:
        return None
    best = max(values)  # (a form's field left at its "don't rate" 0, a comment form's stars: no rating)
    return None if checked[0] == 0 == min(values) else scale_rating(checked[0], best) if best in (5.0, 10.0) else None


def _said_beside(row) -> float | None:
    """The rating a screen-reader text right before or after a row of star icons states, else None."""
    for sib in (row.getprevious(), row.getnext()):
        if sib is not None and tag(sib) and len(sib) == 0 and HIDDEN_TEXT.search(attrs_text(sib)):
            return stated_rating(element_text(sib))
    return None


def bare_rating(el) -> float | None:
    """The raw figure when a widget shows only a bare number ("8.5", "4.0"), else None."""
    if el is None or len(el) > 3:
        return None
    text = ascii_digits(element_text(el))
    if text and re.fullmatch(r"\d{1,2}(?:[.,]\d\d?)?|100", text) and _STAR_ATTR.search(own_name(el)):
        return None if _SCALE_AFTER.match(el.tail or "") else to_number(text)  # "5,2 / 6": scale known
    for child in el:
        if tag(child):
            v = bare_rating(child)
            if v is not None:
                return v
    return None


_GREY = re.compile(r"^#?(?:[cdef][0-9a-f]){3}$|^#[cdef]{3}$|^(?:none|transparent|lightgr[ae]y|gainsboro|silver|#eee|#ddd|#ccc)$", re.I)


def _star_row(el, kids) -> float | None:
    """A row of 3-10 alike icons inside an element named like stars: count the coloured ones.
    Five (or ten) bare svg icons coloured two ways, the coloured ones first and the others
    grey or faint, are stars whatever the row is called (Ozon's generated class names)."""
    if not (3 <= len(kids) <= 10) or len({tag(k) for k in kids}) != 1:
        return None
    named = bool(_STAR_ATTR.search(attrs_text(el)))
    if not named and not (len(kids) in (5, 10) and tag(kids[0]) == "svg"):
        return None
    fills = []
    for k in kids:
        fill = None
        for d in k.iter():
            if tag(d):
                fill = d.get("fill") or d.get("color") or _style_colour(d.get("style"))
                if fill:
                    fill = css_colour(fill)
                    break
        fills.append(fill)
    if any(f is None for f in fills) or len(set(fills)) > 3:
        return None
    grey = [bool(_GREY.match(f) or _faint(f)) for f in fills]
    if not named and (grey != sorted(grey) or all(grey) or len(set(fills)) > 2
                      or not _warm(fills[0])):
        return None  # unnamed: gold ones first, then any grey ones
    filled = sum(0 if g else 1 for g in grey)
    return scale_rating(float(filled), 10.0 if len(kids) == 10 else 5.0)


_STYLE_COLOUR = re.compile(r"(?:^|;)\s*(?:color|fill)\s*:\s*([^;]+)", re.I)
_RGBA = re.compile(r"rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)")


def _style_colour(style: str | None) -> str | None:
    m = _STYLE_COLOUR.search(style or "")
    return m.group(1).strip() if m else None


def _warm(colour: str) -> bool:
    """A star's colour: a saturated yellow, orange or red (#ffa800, rgba(255, 168, 0, 1), gold)."""
    c = colour.strip().lower()
    if c in ("gold", "orange", "yellow", "goldenrod", "orangered", "darkorange"):
        return True
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", c)
    if m:
        h = m.group(1) if len(m.group(1)) == 6 else "".join(ch * 2 for ch in m.group(1))
        rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    else:
        m = re.fullmatch(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)", c)
        if not m:
            return False
        rgb = [float(v) / 255 for v in m.groups()]
    hue, saturation, value = colorsys.rgb_to_hsv(*rgb)
    return hue <= 65 / 360 and saturation >= 0.5 and value >= 0.5


def _faint(colour: str) -> bool:
    """A colour drawn at most half opaque (an empty star), e.g. rgba(0, 26, 52, 0.2)."""
    m = _RGBA.fullmatch(colour)
    return m is not None and float(m.group(1)) <= 0.5


def alike_icons(block, skip: list):
    """(row, rating) of a block that shows its rating only as three to five svg icons drawn
    alike, none set apart by a colour or a class, in a row named for the rating: each icon is
    a star shown (Withlocals); else (None, None). Read only when nothing else gives the
    rating: such a row says nothing on a page whose empty stars differ."""
    for el in block.iter():
        if not tag(el) or any(el is s or s in el.iterancestors() for s in skip) \
                or not _STAR_ATTR.search(attrs_text(el)):
            continue
        kids = [k for k in el if tag(k)]
        if not 3 <= len(kids) <= 5 or any(tag(k) != "svg" for k in kids) or (el.text or "").strip():
            continue
        if any(d.get("fill") or d.get("color") or d.get("style") for k in kids for d in k.iter() if tag(d)):
            continue
        if len({etree.tostring(k, with_tail=False) for k in kids}) == 1:
            return el, float(len(kids))
    return None, None

