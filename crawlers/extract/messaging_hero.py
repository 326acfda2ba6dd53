"""The hero of a page: its headline, subheadline and calls to action.

Rules, in order (general, not tuned to one site):
- headline: the first visible <h1> in the content (not in nav/footer/a site header, not the
  logo or site name, not an eyebrow label); else the first element whose class names say it
  is a hero/display headline; else the first <h2> of the content.
- subheadline: the first text block after the headline inside its hero container (a heading
  directly after it, or a paragraph), not a button, list item or form.
- CTAs: button-like links and buttons in the content (plus action-worded links in the
  hero); the hero's primary-styled button(s) — or its first one — are primary.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .messaging_dom import (BLOCK_TAGS, absolute, classes, clean_ws, is_home_link, iter_blocks,
                            region_of, tag, text_of)

HERO_NAMES = re.compile(r"hero|jumbotron|masthead|splash|banner|intro|above-?the-?fold|landing|showcase|"
                        r"billboard|spotlight|page-?header|header-?content|top-?section|welcome|stage|cover")
HEADLINE_NAMES = re.compile(
    r"(?:hero|banner|masthead|jumbotron|splash|intro|page|main|display|big|large|primary|stage)[-_]*"
    r"(?:title|heading|headline|header|h1)|headline|display-?[1-6]|(?:^|\s)h1(?:\s|$)|"
    r"(?:title|heading)[-_]*(?:xl|xxl|2xl|3xl|large|lg|big|hero|main|1|primary|display|jumbo)(?:\s|$|[-_])|"
    r"text-(?:[4-9]xl)|jumbo|(?:^|\s)display(?:\s|$)|font-size-(?:xl|xxl|hero)")
EYEBROW_NAMES = re.compile(r"eyebrow|kicker|overline|pre-?title|pre-?heading|supertitle|super-?title|tagline|"
                           r"(?:^|[\s_-])label(?:$|[\s_-])|badge|caption|sub-?title|sub-?heading|subhead")
KICKER_NAMES = re.compile(r"eyebrow|kicker|overline|pre-?title|pre-?heading|supertitle|super-?title|"
                          r"(?:^|[\s_-])label(?:$|[\s_-])|badge")
LOGO_NAMES = re.compile(r"(?:^|[\s_-])(?:logo|logotype|wordmark|brand|branding|site-?title|site-?name|navbar-brand|"
                        r"navbar-header|brand-?logo|brand-?name|header__heading)(?:$|[\s_-])")
_UTILITY = re.compile(r"^(?:text|bg|border|from|to|via|fill|stroke|ring|shadow|decoration|accent|outline|divide|"
                      r"placeholder|color|hover:\S*|focus:\S*|dark:\S*)-")


def _logo_named(el) -> bool:
    tokens = [t for t in re.split(r"\s+", classes(el)) if t and not _UTILITY.match(t)]
    return bool(LOGO_NAMES.search(" ".join(tokens)))
BUTTON_NAMES = re.compile(r"btn|button|cta|call-to-action|(?:^|[\s_-])action(?:$|[\s_-])|boton|bouton|botao|botão|"
                          r"knopf|pulsante|(?:^|[\s_-])knop(?:$|[\s_-])")
PRIMARY_NAMES = re.compile(r"primary|main-?cta|cta-?main|btn-?solid|(?:^|[\s_-])solid|filled|btn-?main|btn--main|"
                           r"btn-?brand|btn-?accent|cta--?primary|btn-?cta|btn-?highlight|btn-?success|btn-?dark")
SECONDARY_NAMES = re.compile(r"secondary|outline|ghost|tertiary|btn-?link|link-?button|text-?button|btn-?text|"
                             r"btn-?light|subtle|plain|minimal|btn-?default|btn-?white")
CONTROL_NAMES = re.compile(r"slick|swiper|carousel|slider|(?:^|[\s_-])(?:prev|previous|next|arrow|dots?|"
                           r"pagination|close|toggle|hamburger|burger|menu|tab|accordion|search|play|pause)(?:$|[\s_-])")
CONTROL_TEXT = re.compile(r"^(?:previous|prev|next|close|menu|×|x|‹|›|<|>|«|»|toggle navigation|play|pause|"
                          r"skip|search|open menu|close menu|show more|back to top)$", re.I)
CTA_WORDS = re.compile(
    r"^(?:get|start|try|sign|book|request|schedule|contact|talk|join|download|buy|shop|order|see|watch|"
    r"explore|discover|learn|create|build|claim|subscribe|register|apply|demo|free|install|launch|upgrade|"
    r"jetzt|kostenlos|starten|testen|loslegen|anfragen|mehr|entdecken|registrieren|kontakt|"
    r"essayer|commencer|démarrer|demander|découvrir|voir|contacter|créer|obtenir|réserver|"
    r"empezar|comenzar|prueba|probar|solicitar|contactar|descubrir|ver|crear|reservar|obtener|"
    r"inizia|prova|scopri|richiedi|contatta|aan de slag|probeer|vraag)\b", re.I)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def site_names(root, url: str) -> set[str]:
    """Comparable forms of the site's own name (og:site_name, application-name, domain)."""
    names = set()
    for value in root.xpath("//meta[@property='og:site_name' or @name='application-name' "
                            "or @name='apple-mobile-web-app-title']/@content"):
        if _key(value):
            names.add(_key(value))
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = [l for l in host.split(".") if l]
    if len(labels) >= 2:
        label = labels[-2]
        if len(labels) >= 3 and label in ("co", "com", "org", "net", "ac", "gov"):
            label = labels[-3]
        names.add(_key(label))
    return {n for n in names if n}


def is_logo(el, text: str, url: str, names: set[str]) -> bool:
    key = _key(text)
    if key in names or any(key == n + suffix for n in names for suffix in ("inc", "hq", "app", "io")):
        return True
    for a in [el, *list(el.iterancestors())[:3]]:
        if tag(a) == "a" and is_home_link(a.get("href"), url):
            return True
        if _logo_named(a) and not HEADLINE_NAMES.search(classes(a)):
            return True
    for child in el.iterdescendants():
        if _logo_named(child):
            return True
        if tag(child) == "a" and is_home_link(child.get("href"), url) and len(text_of(child)) >= 0.8 * len(text):
            return True
    return False


def _leafish(el) -> bool:
    """No nested block content: the element is one line of text, not a wrapper."""
    return not any(tag(d) in BLOCK_TAGS and tag(d) not in ("br",) for d in el.iterdescendants())


def find_headline(body, url: str, names: set[str]):
    """→ (element, text) of the hero headline, or (None, None)."""
    h1s, styled, h2s = [], [], []
    for el in body.iter():
        t = tag(el)
        if not t:
            continue
        is_h1 = t == "h1" or (el.get("role") == "heading" and el.get("aria-level") == "1")
        is_styled = (not is_h1 and t in ("div", "p", "span", "strong", "h2", "h3", "header", "b")
                     and HEADLINE_NAMES.search(classes(el)) and not EYEBROW_NAMES.search(classes(el)))
        if not (is_h1 or is_styled or t == "h2"):
            continue
        text = text_of(el)
        if not (2 <= len(text) <= 250) or len(text.split()) > 40:
            continue
        if region_of(el) != "main" or is_logo(el, text, url, names):
            continue
        if is_h1:
            h1s.append((el, text))
        elif is_styled and _leafish(el):
            styled.append((el, text))
        elif t == "h2":
            h2s.append((el, text))
    if h1s:
        el, text = h1s[0]
        if EYEBROW_NAMES.search(classes(el)):
            bigger = _next_headline_after(el, styled + h2s)
            if bigger is not None:
                return bigger
        return el, text
    if styled:
        return styled[0]
    if h2s:
        return h2s[0]
    return None, None


def _next_headline_after(el, candidates):
    parent = el.getparent()
    for cand in candidates:
        if parent is not None and cand[0] in parent.iterdescendants() and _follows(el, cand[0]):
            return cand
    return None


def _follows(a, b) -> bool:
    order = {e: i for i, e in enumerate(a.getroottree().getroot().iter())}
    return order.get(b, -1) > order.get(a, -1)


def hero_container(headline):
    """The section around the headline that holds its subheadline and buttons: the nearest
    section-like ancestor that also holds a link or button (else the nearest section-like one)."""
    if headline is None:
        return None
    own = len(text_of(headline))
    el, fallback = headline, None
    for _ in range(8):
        parent = el.getparent()
        if parent is None or tag(parent) in ("body", "html"):
            return fallback if fallback is not None else el
        el = parent
        t = tag(el)
        if t == "main":
            return fallback if fallback is not None else el
        sectionish = (t in ("section", "header", "article", "hgroup") or HERO_NAMES.search(classes(el))
                      or (el.getparent() is not None and tag(el.getparent()) in ("main", "body")))
        if not sectionish or len(text_of(el)) <= own + 10:
            continue
        if el.xpath(".//a[@href]|.//button|.//input[@type='submit']"):
            return el
        if fallback is None:
            fallback = el
    return fallback if fallback is not None else el


def cta_scope(container):
    """Where the hero's buttons are: the hero container, or its nearest ancestor with a link."""
    el = container
    while el is not None:
        if el.xpath(".//a[@href]|.//button|.//input[@type='submit']") or tag(el) in ("main", "body"):
            return el
        el = el.getparent()
    return container


def find_subheadline(headline, container):
    if headline is None or container is None:
        return None
    order = {e: i for i, e in enumerate(container.iter())}
    inside = {headline, *headline.iterdescendants()}
    last = max(order.get(e, -1) for e in inside)
    first = True
    for owner, text in iter_blocks(container):
        if order.get(owner, -1) <= last or owner in inside:
            continue
        t = tag(owner)
        if _in_control(owner, container) or KICKER_NAMES.search(classes(owner)):
            continue
        if len(text) < 12 and len(text.split()) < 3:
            continue
        if t in ("h1", "h2", "h3", "h4", "h5", "h6") and not first:
            return None
        first = False
        if len(text) > 600:
            return None
        if region_of(owner) != "main":
            continue
        return text
    return None


def _in_control(el, stop) -> bool:
    for a in [el, *el.iterancestors()]:
        if a is stop:
            return False
        if tag(a) in ("a", "button", "li", "form", "label", "select", "input", "figure", "figcaption",
                      "blockquote", "table", "dt", "dd"):
            return True
    return False


def _cta_text(el) -> str:
    t = tag(el)
    if t == "input":
        return clean_ws(el.get("value"))
    return text_of(el) or clean_ws(el.get("aria-label") or el.get("title"))


def _names_with_child(el) -> str:
    names = classes(el)
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) == 1:
        names += " " + classes(kids[0])
    return names


def find_ctas(body, base: str, container, headline=None) -> list[dict]:
    in_hero = set(container.iter()) if container is not None else set()
    order = {e: i for i, e in enumerate(container.iter())} if container is not None else {}
    headline_pos = order.get(headline, -1)
    found, seen = [], set()
    for el in body.iter("a", "button", "input"):
        t = tag(el)
        if t == "input" and (el.get("type") or "").lower() not in ("submit", "button"):
            continue
        if t in ("button", "input") and any(tag(a) == "a" for a in el.iterancestors()):
            continue
        names = _names_with_child(el)
        role = (el.get("role") or "").lower()
        text = _cta_text(el)
        if not text or len(text) > 60 or len(text.split()) > 8 or CONTROL_TEXT.match(text):
            continue
        if CONTROL_NAMES.search(names) or el.get("aria-expanded") is not None:
            continue
        if t != "a" and el.get("aria-controls") is not None:
            continue
        hero = el in in_hero
        buttonish = (t in ("button", "input") or role == "button" or bool(BUTTON_NAMES.search(names)))
        # In the hero, a link standing on its own (not inside a sentence) is a call to action.
        if not buttonish and not (hero and t == "a" and not _inline_in_text(el)
                                  and (CTA_WORDS.match(text) or len(text.split()) <= 6)):
            continue
        if region_of(el) != "main":
            continue
        if t == "a":
            href = absolute(el.get("href"), base)
        else:
            href = absolute(el.get("formaction") or el.get("data-href"), base)
            form = next((a for a in el.iterancestors() if tag(a) == "form"), None)
            if href is None and form is not None:
                if form.get("role") == "search" or "search" in classes(form):
                    continue
                href = absolute(form.get("action"), base)
        key = (text.casefold(), href)
        if key in seen:
            continue
        seen.add(key)
        found.append({"text": text, "href": href, "primary": False, "_hero": hero, "_names": names,
                      "_after": order.get(el, -1) > headline_pos})
    _mark_primary(found, container is not None)
    return [{"text": c["text"], "href": c["href"], "primary": c["primary"]} for c in found]


def _inline_in_text(el) -> bool:
    """A link inside running text (a sentence with more words around it) is not a CTA."""
    parent = el.getparent()
    if parent is None:
        return False
    parts = [parent.text or ""]
    for child in parent:
        t = tag(child)
        if t and t not in BLOCK_TAGS and t not in ("a", "button") and not child.xpath(".//a|.//button"):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return len(" ".join(parts).split()) >= 3


def _mark_primary(ctas: list[dict], has_hero: bool) -> None:
    pool = [c for c in ctas if c["_hero"]] if has_hero else ctas
    after = [c for c in pool if c.get("_after", True)]
    pool = after or pool
    if not pool:
        return
    explicit = [c for c in pool if PRIMARY_NAMES.search(c["_names"]) and not SECONDARY_NAMES.search(c["_names"])]
    if explicit:
        for c in explicit:
            c["primary"] = True
        return
    plain = [c for c in pool if not SECONDARY_NAMES.search(c["_names"])]
    (plain or pool)[0]["primary"] = True
