"""DOM helpers for messaging extraction: parsing, visible text, noise removal, page regions.

Pure functions over lxml trees; no I/O.
"""
from __future__ import annotations

import re
import threading
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from rivalscope.store.messaging_changes import regex_patterns, strip_tracking

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
             "head", "select", "option", "datalist", "video", "audio", "map"}
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl",
              "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
              "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
              "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "caption", "legend",
              "button", "label", "center"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_ws(text: str | None) -> str:
    if not text:
        return ""
    return re.sub(r"\s+", " ", _ZERO_WIDTH.sub("", text)).strip()


def parse(html: str):
    """HTML text → lxml root (never raises on junk; an empty document for empty input)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html or "")
    if not html.strip():
        return lxml.html.fromstring("<html><body></body></html>")
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        root = lxml.html.fromstring("<html><body></body></html>")
    return root


def tag(el) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


def classes(el) -> str:
    """id, class and a few naming attributes, lower-case, for pattern matching."""
    return " ".join(filter(None, (el.get("id"), el.get("class"), el.get("data-testid"),
                                  el.get("data-section"), el.get("data-component")))).lower()


def class_tokens(el) -> set[str]:
    return set((el.get("class") or "").lower().split())


def text_of(el, *, alt: bool = False) -> str:
    """Visible text of an element: block children separated by spaces, scripts skipped."""
    parts: list[str] = []

    def walk(e):
        t = tag(e)
        if t in SKIP_TAGS:
            return
        if t == "img" and alt:
            parts.append(" " + (e.get("alt") or "") + " ")
        block = t in BLOCK_TAGS or (t in ("span", "a", "em", "strong", "b", "i") and
                                    bool(class_tokens(e) & _BLOCK_CLASS))
        if block:
            parts.append(" ")
        if e.text and t:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append(" ")

    walk(el)
    return clean_ws("".join(parts))


# ---------------------------------------------------------------- noise removal

_HIDDEN_CLASS = {"sr-only", "visually-hidden", "screen-reader-text", "screen-reader-only", "is-hidden",
                 "u-hidden", "hide", "hidden", "d-none", "invisible", "visuallyhidden", "a11y-hidden",
                 "offscreen", "element-invisible", "slds-assistive-text", "show-for-sr"}
_RESPONSIVE_SHOW = re.compile(r"\b(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline|inline-block|inline-flex|table)\b|"
                              r"\bd-(?:sm|md|lg|xl)-(?:block|flex|grid|inline|inline-block|inline-flex|table)\b")
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|(?<![-\w])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|"
                           r"clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%|text-indent\s*:\s*-\d{3,}|"
                           r"(?:left|top)\s*:\s*-\d{4,}px", re.I)
_HIDDEN_TOKEN = re.compile(r"(?:^|[-_])(?:sr-only|visually-?hidden|screen-?reader(?:-text|-only)?|offscreen|"
                           r"assistive-text|a11y-hidden|hide-text|hidden-visually)(?:$|[-_])")
_BLOCK_CLASS = {"block", "d-block", "display-block", "is-block", "u-block", "db"}
_CONSENT = re.compile(
    r"cookie|consent|gdpr|ccpa|onetrust|ot-sdk|optanon|cookiebot|cybot|didomi|usercentrics|truste|"
    r"qc-cmp|cmpbox|\bcmp\b|cmp-|osano|iubenda|termly|cc-window|cc-banner|cookie-law|klaro|tarteaucitron|"
    r"borlabs|complianz|cky-|sp_message|privacy-banner|privacy-notice|privacy-popup")
_ANNOUNCEMENT = re.compile(
    r"announcement|announce-bar|promo-bar|promobar|promo-banner|top-?bar|notice-bar|notification-bar|alert-bar|"
    r"hellobar|hello-bar|site-?wide-banner|ribbon|marquee|ticker|sticky-banner|smartbanner|app-banner|"
    r"pre-?header|utility-bar|utility-nav|skip-link|skip-to|skiplink")
_POPUP = re.compile(r"(?:^|[\s_-])(?:modal|popup|pop-up|lightbox|exit-intent|newsletter-popup|drawer|offcanvas|"
                    r"off-canvas|mobile-menu|mobile-nav|megamenu|mega-menu|dropdown-menu|submenu|tooltip)(?:$|[\s_-])")
_CONSENT_TEXT = re.compile(r"cookie|consent|datenschutz|privacidad|confidentialit|tracking technolog", re.I)


def is_hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    t = tag(el)
    if t == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    if t == "dialog" and el.get("open") is None:
        return True
    if _STYLE_HIDDEN.search(el.get("style") or ""):
        return True
    toks = class_tokens(el)
    # Desktop rendering: "md:hidden" / "d-lg-none" hide an element on wide screens.
    if toks & {"md:hidden", "lg:hidden", "xl:hidden", "d-md-none", "d-lg-none", "hidden-md", "hidden-lg",
               "hide-desktop", "mobile-only", "show-mobile", "visible-xs"}:
        return True
    if toks & _HIDDEN_CLASS and not _RESPONSIVE_SHOW.search(el.get("class") or ""):
        return True
    if any(_HIDDEN_TOKEN.search(t) and "focusable" not in t for t in toks):
        return True
    return False


def _drop(el) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def remove_noise(root, ignore: list[str] | None = None) -> None:
    """Drop what a visitor does not read as the page's message: hidden elements, cookie and
    consent banners, announcement bars, pop-ups, and the competitor's `css:` ignore patterns;
    then remove the regex ignore patterns from every text node."""
    reset_regions()
    body = root.find("body")
    if body is None:
        return
    for pattern in ignore or []:
        if pattern.startswith("css:"):
            try:
                found = root.cssselect(pattern[4:].strip())
            except Exception:  # an invalid selector ignores nothing rather than failing the page
                found = []
            for el in found:
                if el is not root and el is not body:
                    _drop(el)
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            if isinstance(el, etree._Comment):
                _drop(el)
            continue
        if el.getparent() is None or el is body:
            continue
        if tag(el) in ("script", "style", "noscript", "template"):
            _drop(el)
        elif is_hidden(el):
            _drop(el)
    body_len = len(text_of(body)) or 1
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el is body or _detached(el, root):
            continue
        t = tag(el)
        if t in ("main", "article", "html"):
            continue
        names = classes(el) + " " + (el.get("aria-label") or "").lower()
        role = (el.get("role") or "").lower()
        length = None
        if _CONSENT.search(names) or (role in ("dialog", "alertdialog", "region") and
                                      _CONSENT_TEXT.search(text_of(el)[:400])):
            text = text_of(el)
            length = len(text)
            if length < 3000 and length < 0.6 * body_len and (
                    not el.xpath(".//h1") or _CONSENT_TEXT.search(text)):
                _drop(el)
                continue
        if _ANNOUNCEMENT.search(names) or _POPUP.search(names):
            length = len(text_of(el)) if length is None else length
            if length < 600 and not el.xpath(".//h1"):
                _drop(el)
    patterns = [re.compile(p) for p in regex_patterns(ignore)]
    if patterns:
        for el in body.iter():
            if not isinstance(el.tag, str):
                continue
            if el.text:
                el.text = _sub_all(patterns, el.text)
            if el.tail:
                el.tail = _sub_all(patterns, el.tail)
            if el.get("alt"):
                el.set("alt", _sub_all(patterns, el.get("alt")))


def _sub_all(patterns, text: str) -> str:
    for p in patterns:
        text = p.sub(" ", text)
    return text


def _detached(el, root) -> bool:
    return el.getroottree().getroot() is not root


# ---------------------------------------------------------------- regions

_NAV_NAMES = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|site-?header|"
                        r"global-?header|masthead-nav|header-nav|main-nav|primary-nav|top-nav)(?:$|[\s_-])")
_FOOTER_NAMES = re.compile(r"(?:^|[\s_-])(?:footer|site-?footer|colophon|legal|copyright|sitemap)(?:$|[\s_-])")
_HEADER_NAMES = re.compile(r"(?:^|[\s_-])(?:header|topbar|top-bar|navbar|header-bar|site-top)(?:$|[\s_-])")
_SIDEBAR_NAMES = re.compile(r"(?:^|[\s_-])(?:sidebar|side-bar|widget-area|related|share|social-share|chat)(?:$|[\s_-])")


_regions = threading.local()


def reset_regions() -> None:
    """Forget cached regions (called once per page, before extraction)."""
    _regions.cache = {}


def region_of(el) -> str:
    """'nav', 'footer', 'aside', 'header' (a site header without the hero) or 'main'."""
    cache = getattr(_regions, "cache", None)
    if cache is None:
        cache = _regions.cache = {}
    chain = []
    region = "main"
    for a in [el, *el.iterancestors()]:
        if a in cache:
            region = cache[a]
            break
        own = _own_region(a)
        if own is not None:
            region = own
            chain.append(a)
            break
        chain.append(a)
    for a in chain:
        cache[a] = region
    return region


def _own_region(a) -> str | None:
    """The region an element opens by itself, or None when it inherits its parent's."""
    t = tag(a)
    role = (a.get("role") or "").lower()
    if t == "nav" or role in ("navigation", "menubar", "menu"):
        return "nav"
    if t == "footer" or role == "contentinfo":
        return "footer"
    if t == "aside" or role == "complementary":
        return "aside"
    if t in ("body", "main", "html") or role == "main":
        return "main"
    names = classes(a)
    if names:
        if _FOOTER_NAMES.search(names) and t not in ("h1", "h2", "h3", "p", "span", "a"):
            return "footer"
        if _NAV_NAMES.search(names) and not a.xpath(".//h1"):
            return "nav"
        if _SIDEBAR_NAMES.search(names) and t in ("div", "section", "ul"):
            return "aside"
    if (t == "header" or role == "banner" or (names and _HEADER_NAMES.search(names) and _top_level(a))) \
            and _is_site_header(a):
        return "header"
    return None


def _top_level(el) -> bool:
    """Not inside the content (main/section/article): where a site header div sits."""
    return bool(el.xpath(".//a")) and not any(tag(a) in ("main", "section", "article") for a in el.iterancestors())


def _is_site_header(el) -> bool:
    """A <header> holding the logo and menu, not the hero: no heading of its own beyond a logo."""
    if el.xpath(".//h1|.//h2|.//p[string-length(normalize-space()) > 40]"):
        return False
    return True


# ---------------------------------------------------------------- links

def base_url(root, url: str) -> str:
    base = root.xpath("//head/base/@href")
    return urljoin(url, base[0].strip()) if base else url


def absolute(href: str | None, base: str) -> str | None:
    if href is None:
        return None
    href = href.strip()
    if not href or href.lower().startswith(("javascript:", "mailto:", "tel:", "data:")) or href == "#":
        return None if not href.lower().startswith(("mailto:", "tel:")) else href
    try:
        return strip_tracking(urljoin(base, href))
    except ValueError:
        return None


def is_home_link(href: str | None, page_url: str) -> bool:
    """A link to the site's root (or a locale root like /en/): what logos link to."""
    if not href:
        return False
    try:
        target, page = urlsplit(href), urlsplit(page_url)
    except ValueError:
        return False
    if target.netloc and target.netloc.lower().removeprefix("www.") != page.netloc.lower().removeprefix("www."):
        return False
    path = target.path.rstrip("/")
    return path in ("", "/index.html", "/index.php", "/home") or bool(re.fullmatch(r"/[a-z]{2}(?:[-_][a-z]{2})?", path, re.I))


# ---------------------------------------------------------------- blocks

def iter_blocks(el, extra_block=None):
    """(block element, its own text without nested blocks) in document order; `extra_block(e)`
    makes more elements blocks of their own (e.g. buttons)."""
    out: list[tuple] = []

    def walk(e, owner, buf):
        t = tag(e)
        if t in SKIP_TAGS:
            return
        if (t in BLOCK_TAGS and t != "br") or (extra_block is not None and t and extra_block(e)):
            flush(owner, buf)
            inner: list[str] = []
            if e.text:
                inner.append(e.text)
            for child in e:
                walk(child, e, inner)
                if child.tail:
                    inner.append(child.tail)
            flush(e, inner)
            return
        if t == "br":
            buf.append(" ")
        elif e.text and t:
            buf.append(e.text)
        for child in e:
            walk(child, owner, buf)
            if child.tail:
                buf.append(child.tail)

    def flush(owner, buf):
        text = clean_ws("".join(buf))
        buf.clear()
        if text and owner is not None:
            out.append((owner, text))

    walk(el, None, [])
    return out
