"""Masking personal data in free text before it reaches the database.

`mask_pii(text)` replaces e-mail addresses with `[email]` and phone numbers with `[phone]`.
Phone detection is deliberately structural (a leading +, 00, 0 or a bracketed area code,
or the 3-3-4 North-American shape, or 10+ digits) and then ruled out for things that
only look like phones: prices, dates, years and year ranges, version numbers, IP
addresses, thousands-grouped counts and order/invoice/tracking numbers.

Reviewer names are not masked here: `rivalscope.store.save_reviews` stores only a salted
hash of them unless `privacy.store_author_names` is true; `author_salt()` reads the salt
from the environment variable the config names (`privacy.salt_env`).
"""
from __future__ import annotations

import os
import re

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\b", re.I)
# "jane [at] acme [dot] com", "jane(at)acme.com", "jane at acme dot com"
EMAIL_OBFUSCATED = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[\w-]+"
    r"(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+|\.)\s*[\w-]+)+", re.I)
_DIGIT = re.compile(r"\d")
_MAYBE_OBFUSCATED = re.compile(r"\sat\s|[\[({]at[\])}]", re.I)
# Phone-like runs: optional + or 00, digits with spaces, dots, dashes, slashes or brackets between.
PHONE = re.compile(r"(?<![\w@#/.,:$€£¥-])(?:\+|00)?\s?\(?\d[\d\s().\-/]{5,22}\d(?![\w@%€$£]|[.,]\d)")
_CONTEXT_NOT_PHONE = re.compile(
    r"(?:order|bestell\w*|commande|pedido|ordine|bestelling|invoice|rechnung|facture|factura|tracking|"
    r"sendung\w*|ticket|case|ref(?:erence)?|id|sku|isbn|ean|iban|account|konto|serial|version|"
    r"v|build|no|nr|n°|nº|number|nummer|numéro|número|#)\s*[.:#]?\s*$", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|Rs\.?))\s*$", re.I)
_CURRENCY_AFTER = re.compile(r"^\s*(?:[$€£¥₹%]|(?:USD|EUR|GBP|CHF|dollars?|euros?|pounds?|users|downloads|"
                             r"orders|units|customers|reviews|people|times|km|kg|mb|gb)\b)", re.I)
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^\d{1,2}[./-]\d{4}$")
_YEARS = re.compile(r"^(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)+$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_VERSION = re.compile(r"^\d{1,3}(?:\.\d{1,3}){2,3}$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:([ .\u00a0])\d{3})+$")
_NANP = re.compile(r"^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$")
_SHORT_LOCAL = re.compile(r"^\d{3}-\d{4}$")


def _is_phone(candidate: str, before: str, after: str) -> bool:
    c = candidate.strip()
    digits = re.sub(r"\D", "", c)
    if not 7 <= len(digits) <= 15:
        return False
    if _CONTEXT_NOT_PHONE.search(before[-24:]) or _CURRENCY_BEFORE.search(before[-6:]) or _CURRENCY_AFTER.match(after[:12]):
        return False
    if _NANP.match(c) and not _DATE.match(c):
        return True
    if _DATE.match(c) or _YEARS.match(c) or _IPV4.match(c) or _VERSION.match(c):
        return False
    if c.count("(") != c.count(")"):
        return False
    if _THOUSANDS.match(c) and not c.startswith("0"):
        return False
    if c.startswith(("+", "00", "(")) or _NANP.match(c) or _SHORT_LOCAL.match(c):
        return True
    if c.startswith("0") and len(digits) >= 9:
        return True  # national trunk prefix: 020 7946 0958, 030/1234567, 06 12 34 56 78
    if len(digits) >= 10 and re.search(r"[\s.\-/]", c):
        return True
    return False


def _mask_phones(text: str) -> str:
    out, pos = [], 0
    for m in PHONE.finditer(text):
        raw = m.group(0)
        # do not swallow a trailing bracket/space that belongs to the sentence
        stripped = raw.rstrip(" )") if raw.count("(") < raw.count(")") else raw.rstrip()
        start, end = m.start(), m.start() + len(stripped)
        lead = len(stripped) - len(stripped.lstrip())
        start += lead
        cand = text[start:end]
        if _is_phone(cand, text[:start], text[end:]):
            out.append(text[pos:start])
            out.append("[phone]")
            pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_pii(text: str | None) -> str | None:
    """Replace e-mail addresses with [email] and phone numbers with [phone]."""
    if not text:
        return text
    # cheap tests first: most texts have no "@", no spelled-out "at" and few digits
    if "@" in text:
        text = EMAIL.sub("[email]", text)
    if _MAYBE_OBFUSCATED.search(text):
        text = EMAIL_OBFUSCATED.sub(_obfuscated, text)
    if len(_DIGIT.findall(text)) >= 7:
        text = _mask_phones(text)
    return text


_NOT_DOMAINS = {"this", "that", "the", "it", "home", "work", "night", "least", "all", "first", "last", "once"}


def _obfuscated(m: re.Match) -> str:
    s = m.group(0)
    if not re.search(r"[a-z]{2,6}$", s, re.I):
        return s
    if re.search(r"\[at\]|\(at\)|\{at\}", s, re.I):
        return "[email]"
    # plain words ("jane at acme dot com") count only with a spelled-out "dot" before a known TLD
    plain = re.fullmatch(r"([\w.+-]+)\s+at\s+([\w-]+)(?:\s+dot\s+[\w-]+)*\s+dot\s+(?:com|net|org|de|fr|es|nl|it|io|co|uk|eu|be|ch|at)",
                         s, re.I)
    if plain and plain.group(2).lower() not in _NOT_DOMAINS:
        return "[email]"
    return s


def author_salt(env_name: str = "RIVALSCOPE_SALT") -> str:
    """The salt for reviewer-name hashes, from the environment variable the config names.

    An unset variable gives the empty salt (hashes are then stable but guessable: set it)."""
    return os.environ.get(env_name, "")
