"""A run of star icons among a card's other children (a SaaS site's testimonial cards: five
<img> stars, then the title, the text and the name, all siblings in one box, with no row of
their own): wrapped in place in one <span> when the page is parsed, the run reads as any
row of star icons does, and the card around it as a rated review."""
from __future__ import annotations

import lxml.html


def wrap_icon_runs(root, star_icon) -> None:
    """Wrap each run of 3-10 like star icons that are all the star icons among their parent's
    children (none inside the others either), side by side with nothing printed between them,
    beside children that print a text, in a <span> of its own (in place: the tree is the page's)."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or len(el) <= 3:
            continue
        kids = [c for c in el if isinstance(c.tag, str)]
        at = [i for i, k in enumerate(kids) if star_icon(k)]
        if not 3 <= len(at) <= 10 or len(at) == len(kids) or at[-1] - at[0] + 1 != len(at):
            continue
        run = [kids[i] for i in at]
        if len({k.tag for k in run}) != 1 or any((k.tail or "").strip() for k in run[:-1]) \
                or any(len(k) and k.tag != "svg" for k in run):  # (icons of their own: an image, a glyph, an svg)
            continue
        others = [k for i, k in enumerate(kids) if i not in at]
        if any(star_icon(d) for k in others for d in k.iter() if isinstance(d.tag, str)) or \
                len("".join("".join(k.itertext()) for k in others).strip()) < 20:
            continue  # (a copy of the icons beside them, under a width overlay; no title or text beside them)
        span = lxml.html.Element("span")
        run[0].addprevious(span)
        for k in run:
            span.append(k)  # (moves it, with its tail)
        span.tail, run[-1].tail = run[-1].tail, None
