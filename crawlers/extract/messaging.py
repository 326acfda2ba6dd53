"""Messaging extraction: what a homepage or landing page says (pure; no Scrapy, no I/O).

`extract_messaging(html, url, ignore=None, selectors=None)` returns the snapshot item of
docs/DEVELOPING.md. The steps:

1. parse; drop what a visitor does not read as the message: scripts, hidden elements
   (hidden, aria-hidden, display:none, sr-only…), cookie/consent banners, announcement bars,
   pop-ups, and the competitor's `ignore` patterns (`css:SELECTOR` drops elements, any other
   pattern is a regex removed from the text);
2. head metadata: <title>, meta description, OpenGraph and Twitter cards (absolute image URLs);
3. the hero (messaging_hero): headline, subheadline, CTAs with tracking parameters removed;
4. value propositions, social proof, pricing mentions, main text and language
   (messaging_text).

`selectors` (per competitor or page, from the config) override the generic rules with a CSS
selector per field: headline, subheadline, ctas, value_props, social_proof, main_text.
"""
from __future__ import annotations

import re

from rivalscope.store.messaging_changes import regex_patterns

from .messaging_dom import absolute, base_url, clean_ws, parse, remove_noise, tag, text_of
from .messaging_hero import cta_scope, find_ctas, find_headline, find_subheadline, hero_container, site_names
from .messaging_text import head_meta, language, main_text, pricing_mentions, social_proof, value_props

ORDER = ("title", "headline", "subheadline", "ctas", "meta_description", "og", "twitter", "value_props",
         "social_proof", "pricing_mentions", "main_text", "language")
SELECTOR_FIELDS = ("headline", "subheadline", "ctas", "value_props", "social_proof", "main_text")


def extract_messaging(html: str, url: str, *, ignore: list[str] | None = None,
                      selectors: dict | None = None) -> dict:
    root = parse(html)
    base = base_url(root, url)
    snapshot = head_meta(root, base)
    body = root.find("body")
    if body is None:
        body = root
    names = site_names(root, url)
    remove_noise(root, ignore)

    headline_el, headline = find_headline(body, url, names)
    container = hero_container(headline_el)
    subheadline = find_subheadline(headline_el, container)
    ctas = find_ctas(body, base, cta_scope(container), headline_el)
    skip = set()
    for el in (headline_el,):
        if el is not None:
            skip.add(el)
    props = value_props(body, container, skip)
    if subheadline:
        props = [p for p in props if p != subheadline]
    text = main_text(root, body, url)
    snapshot.update({
        "headline": headline or None,
        "subheadline": subheadline or None,
        "ctas": ctas,
        "value_props": props,
        "social_proof": social_proof(body, names),
        "pricing_mentions": pricing_mentions(body),
        "main_text": text or None,
    })
    if selectors:
        _apply_selectors(snapshot, root, base, selectors)
    _apply_regexes(snapshot, ignore)
    snapshot["language"] = language(root, snapshot.get("main_text") or "")
    return {key: snapshot[key] for key in ORDER}


def _select(root, selector: str) -> list:
    try:
        return root.cssselect(selector)
    except Exception:  # a bad selector in the config falls back to the generic rules
        return []


def _apply_selectors(snapshot: dict, root, base: str, selectors: dict) -> None:
    for field in SELECTOR_FIELDS:
        selector = selectors.get(field)
        if not selector:
            continue
        found = _select(root, selector)
        if not found:
            continue
        if field in ("headline", "subheadline"):
            snapshot[field] = text_of(found[0]) or snapshot[field]
        elif field == "main_text":
            snapshot[field] = "\n".join(t for t in (text_of(el) for el in found) if t) or snapshot[field]
        elif field == "ctas":
            ctas = []
            for i, el in enumerate(found):
                link = el if tag(el) == "a" else next(iter(el.iter("a")), el)
                text = text_of(el) or clean_ws(el.get("value") or el.get("aria-label"))
                if text:
                    ctas.append({"text": text, "href": absolute(link.get("href"), base), "primary": i == 0})
            snapshot[field] = ctas
        else:
            snapshot[field] = [t for t in (text_of(el, alt=True) for el in found) if t]


def _apply_regexes(snapshot: dict, ignore: list[str] | None) -> None:
    """Regex ignore patterns also apply across element boundaries in the extracted strings."""
    patterns = [re.compile(p) for p in regex_patterns(ignore)]
    if not patterns:
        return

    def clean(text):
        if not isinstance(text, str):
            return text
        for p in patterns:
            text = p.sub(" ", text)
        if "\n" in text:
            return "\n".join(clean_ws(line) for line in text.splitlines() if clean_ws(line)) or None
        return clean_ws(text) or None

    for field in ("title", "headline", "subheadline", "meta_description", "main_text"):
        snapshot[field] = clean(snapshot.get(field))
    for group in ("og", "twitter"):
        for k in ("title", "description"):
            snapshot[group][k] = clean(snapshot[group].get(k))
    for field in ("value_props", "social_proof", "pricing_mentions"):
        snapshot[field] = [v for v in (clean(x) for x in snapshot[field]) if v]
    snapshot["ctas"] = [{**c, "text": clean(c["text"])} for c in snapshot["ctas"] if clean(c["text"])]
