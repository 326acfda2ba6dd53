"""Messaging beyond the hero: head metadata, value propositions, social proof, pricing
mentions, the main text and its language. Pure functions; no I/O."""
from __future__ import annotations

import re

import lxml.html

from .messaging_dom import HEADINGS, absolute, classes, clean_ws, iter_blocks, region_of, tag, text_of

# ---------------------------------------------------------------- head


def head_meta(root, base: str) -> dict:
    def meta(*names: str) -> str | None:
        metas = root.xpath("//meta[@content]")
        for name in names:
            for el in metas:
                keys = {(el.get(a) or "").strip().lower() for a in ("property", "name", "itemprop")}
                if name in keys:
                    value = clean_ws(el.get("content"))
                    if value:
                        return value
        return None

    titles = [t for t in root.xpath("//title") if not any(tag(a) == "svg" for a in t.iterancestors())]
    title = clean_ws(titles[0].text_content()) if titles else ""
    image = meta("og:image", "og:image:url", "og:image:secure_url")
    timage = meta("twitter:image", "twitter:image:src")
    return {
        "title": title or None,
        "meta_description": meta("description"),
        "og": {"title": meta("og:title"), "description": meta("og:description"),
               "image": absolute(image, base) if image else None},
        "twitter": {"title": meta("twitter:title"), "description": meta("twitter:description"),
                    "image": absolute(timage, base) if timage else None},
    }


# ---------------------------------------------------------------- value props

_EXCLUDED_SECTIONS = re.compile(
    r"testimonial|review|quote|pricing|(?:^|[\s_-])plans?(?:$|[\s_-])|faq|question|blog|news|(?:^|[\s_-])posts?(?:$|[\s_-])|"
    r"event|logo|customer-?stor|case-?stud|resource|press|cookie|newsletter|subscribe|footer|stats?(?:$|[\s_-])")
_GENERIC_HEADINGS = re.compile(
    r"^(?:features?|pricing|plans|faqs?|frequently asked questions|testimonials?|customers?|our customers|"
    r"blog|news|resources|integrations|partners|contact(?: us)?|about(?: us)?|company|product|solutions|"
    r"support|menu|newsletter|follow us|latest news|from the blog|get in touch|"
    r"funktionen|preise|kunden|fonctionnalités|tarifs|clients|características|precios|clientes)[.:!]?$", re.I)


def _excluded(el, stop) -> bool:
    for a in [el, *el.iterancestors()]:
        if a is stop:
            return False
        if _EXCLUDED_SECTIONS.search(classes(a)) and tag(a) not in HEADINGS:
            return True
    return False


def value_props(body, container, skip: set) -> list[str]:
    """Hero bullets, then the content's feature headings (h2/h3, and h4 in feature grids)."""
    out: list[str] = []
    if container is not None:
        for li in container.iter("li"):
            if region_of(li) != "main" or li.xpath(".//a[string-length(normalize-space()) > 0]") and \
                    len(text_of(li)) < 40 and li.xpath("ancestor::ul[count(li) > 3]//a"):
                continue
            text = text_of(li)
            if 3 <= len(text) <= 160 and not _is_social(text):
                out.append(text)
    for el in body.iter("h2", "h3", "h4"):
        if el in skip or (container is not None and el in skip):
            continue
        if tag(el) == "h4" and not any(re.search(r"feature|benefit|value|usp|why|advantage|pillar|capabilit|card",
                                                 classes(a)) for a in el.iterancestors()):
            continue
        text = text_of(el)
        if not (3 <= len(text) <= 120) or _GENERIC_HEADINGS.match(text) or _is_social(text):
            continue
        if region_of(el) != "main" or _excluded(el, body) or any(tag(a) == "form" for a in el.iterancestors()):
            continue
        out.append(text)
    return _dedupe(out)


def _dedupe(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# ---------------------------------------------------------------- social proof

_SOCIAL = re.compile(
    r"\b(?:trusted|used|loved|relied on|chosen|preferred|backed|powering|powered|adopted|relied upon|read|"
    r"followed|downloaded|installed|recommended|rated|reviewed)\s+by\b|"
    r"\bjoin(?:ing)?\s+(?:over\s+|more than\s+|the\s+)?[\d][\d,.\s]*[kKmM]?\+?\s|"
    r"\b\d[\d,.\s]*\s*[kKmM]?\+?\s+(?:happy\s+|satisfied\s+|paying\s+)?(?:customers|users|teams|companies|"
    r"businesses|brands|developers|organi[sz]ations|clients|marketers|members|installs|downloads|"
    r"stores|merchants|startups|enterprises|people|founders|readers|subscribers|creators|designers|"
    r"engineers|professionals|families|students|patients|restaurants|shops|agencies|sellers|hosts|"
    r"makers|schools|nonprofits|freelancers|entrepreneurs|couples|parents|reviews|ratings|"
    r"hospitals|universities|retailers)\b|"
    r"\brated\s+[\d.,]+\s*(?:/|out of)\s*5|\b[\d.,]+\s*/\s*5\b|★|"
    r"\b(?:G2|Capterra|Trustpilot|Gartner|Forrester)\b|"
    r"\bvertrauen\b|\bvertraut\b|\b(?:Kunden|Unternehmen|Teams)\s+(?:vertrauen|nutzen|setzen)|"
    r"\bplus de\s+[\d][\d\s.,]*\s*(?:clients|entreprises|équipes|utilisateurs)|\b(?:utilisé|adopté|approuvé)e?s?\s+par\b|"
    r"\bfont confiance\b|\bmás de\s+[\d][\d\s.,]*\s*(?:clientes|empresas|equipos|usuarios)|\bconfían\b|"
    r"\bconfianza de\b", re.I)
_LOGO_WALL = re.compile(r"logo|customer|client|brand|trusted|partner|compan|social-?proof|press|featured|"
                        r"as-?seen|kunden|references|used-?by", re.I)


def _is_social(text: str) -> bool:
    return bool(_SOCIAL.search(text))


def social_proof(body, names: set[str]) -> list[str]:
    """Claims ("trusted by 10,000 teams", ratings) and customer logos' alt text, in page order."""
    order = {e: i for i, e in enumerate(body.iter())}
    found: list[tuple[int, str]] = []
    for owner, text in iter_blocks(body, _buttonish):
        if region_of(owner) != "main" or _buttonish(owner) or len(text) > 600:
            continue
        if any(tag(a) == "blockquote" for a in owner.iterancestors()) or tag(owner) == "blockquote":
            continue
        for sentence in split_sentences(text):
            if _SOCIAL.search(sentence) and len(sentence) <= 200:
                found.append((order.get(owner, 0), sentence))
    for img in body.iter("img"):
        alt = clean_ws(img.get("alt"))
        if not alt or region_of(img) != "main":
            continue
        if not any(_LOGO_WALL.search(classes(a)) for a in [img, *list(img.iterancestors())[:5]]):
            continue
        if re.sub(r"[\W_]+", "", alt.casefold().removesuffix(" logo")) in names:
            continue
        found.append((order.get(img, 0), alt))
    return _dedupe([text for _, text in sorted(found, key=lambda p: p[0])])


# ---------------------------------------------------------------- pricing mentions

_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:US\$|USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|INR|BRL|MXN)\s?)\s?\d|"
    r"\d[\d,.]*\s?(?:[$€£¥₹]|(?:USD|EUR|GBP|CHF|kr|zł)\b)", re.I)
_FREE = re.compile(
    r"free[- ]trial|free plan|free forever|free for (?:up to|teams|individuals|startups|\d+)|free tier|"
    r"try (?:it )?(?:for )?free|(?:start|get started) (?:for )?free|no credit card|money[- ]back|"
    r"\bper (?:user|seat) (?:per|a|/) ?month\b|/\s?(?:mo|month|user|seat)\b|"
    r"kostenlos(?:e|en)? (?:test|testen|testphase|plan)|kostenlos testen|ohne kreditkarte|gratis testen|"
    r"essai gratuit|gratuit pendant|sans carte|prueba gratuita|gratis durante|sin tarjeta", re.I)


def split_sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[\"'“¿¡(]?[A-ZÀ-ÖØ-Þ0-9])", text)
    return [p.strip() for p in parts if p.strip()]


def _buttonish(el) -> bool:
    return tag(el) in ("a", "button") and (tag(el) == "button" or (el.get("role") or "") == "button"
                                           or bool(_BUTTON.search(classes(el))))


_BUTTON = re.compile(r"btn|button|cta")


def pricing_mentions(body) -> list[str]:
    out: list[str] = []
    for owner, text in iter_blocks(body, _buttonish):
        if region_of(owner) != "main" or _buttonish(owner) or len(text) > 2000:
            continue
        if any(tag(a) in ("a", "button") for a in owner.iterancestors()):
            continue
        for sentence in split_sentences(text):
            if (_PRICE.search(sentence) or _FREE.search(sentence)) and len(sentence) <= 300:
                out.append(sentence)
    return _dedupe(out)


# ---------------------------------------------------------------- main text


def main_text(root, body, url: str) -> str:
    """The page's main text: the visible text blocks of the content region (nav, footer,
    site header, asides, banners and hidden parts removed). Landing pages are short blocks that
    trafilatura's article heuristics often drop (it missed the hero headline on 6 of our 44
    fixtures), and a method that switches between two versions of a page would report noise,
    so trafilatura is only the fallback when our own rules find (almost) nothing."""
    text = own_main_text(body)
    if len(text) < 40:
        try:
            import trafilatura

            html = lxml.html.tostring(root, encoding="unicode")
            text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                       favor_recall=True, deduplicate=False) or text
        except Exception:  # trafilatura is best-effort
            pass
    return "\n".join(clean_ws(line) for line in text.splitlines() if clean_ws(line))


def own_main_text(body) -> str:
    lines = []
    for owner, text in iter_blocks(body, _buttonish):
        if region_of(owner) == "main":
            lines.append(text)
    return "\n".join(lines)


# ---------------------------------------------------------------- language

_LANGS = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "no", "fi", "pl", "cs", "sk", "hu", "ro",
          "tr", "ru", "uk", "el", "ja", "zh", "ko", "ar", "he", "id", "vi", "th", "hi", "ca", "et", "lv", "lt",
          "sl", "hr", "bg", "sr"]
_identifier = None


def _langid(text: str):
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        ident.set_languages(_LANGS)
        _identifier = ident
    return _identifier.classify(text)


def language(root, text: str) -> str | None:
    """Two-letter code: detected from the text when there is enough of it, else <html lang>."""
    declared = None
    for value in root.xpath("/html/@lang | /html/@xml:lang | //meta[@http-equiv='content-language']/@content"):
        m = re.match(r"\s*([a-zA-Z]{2,3})\b", value or "")
        if m:
            declared = m.group(1).lower()
            break
    sample = text[:5000]
    if len(sample) < 40:
        return declared
    try:
        lang, prob = _langid(sample)
    except Exception:
        return declared
    if declared is None:
        return lang if prob >= 0.5 else None
    if lang == declared:
        return declared
    if len(sample) >= 200 and prob >= 0.95:
        return lang
    return declared
