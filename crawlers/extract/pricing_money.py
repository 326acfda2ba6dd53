"""Price strings → exact decimal + ISO 4217 currency, period, unit (pure helpers).

Ambiguous symbols ("$", "kr", "¥") are resolved in this order: the config's currency
hint when it is compatible with the symbol, the domain's country TLD, the page's
`<html lang>`, then the symbol's most common meaning (USD, SEK, JPY).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from price_parser import Price

# Unambiguous symbols and codes → ISO 4217.
SYMBOLS = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP",
    "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "chf": "CHF", "fr.": "CHF",
    "sfr": "CHF", "sfr.": "CHF", "zł": "PLN", "pln": "PLN", "r$": "BRL", "brl": "BRL",
    "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD",
    "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "hk$": "HKD", "hkd": "HKD",
    "s$": "SGD", "sgd": "SGD", "mx$": "MXN", "mxn": "MXN", "円": "JPY", "jpy": "JPY",
    "元": "CNY", "cny": "CNY", "rmb": "CNY", "₩": "KRW", "krw": "KRW", "₽": "RUB",
    "rub": "RUB", "₺": "TRY", "try": "TRY", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
    "isk": "ISK", "kč": "CZK", "czk": "CZK", "ft": "HUF", "huf": "HUF", "₪": "ILS",
    "ils": "ILS", "zar": "ZAR", "₫": "VND", "₱": "PHP", "฿": "THB", "aed": "AED",
    "jpy¥": "JPY", "￥": "JPY", "cn¥": "CNY", "¥": "JPY",
}
# Ambiguous symbols: candidates (first = default).
AMBIGUOUS = {
    "$": ("USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP"),
    "kr": ("SEK", "NOK", "DKK", "ISK"), "kr.": ("DKK", "SEK", "NOK", "ISK"),
    ":-": ("SEK",), "¥": ("JPY", "CNY"), "￥": ("JPY", "CNY"),
    # "1.299,-" only says "no cents": Dutch, German, Danish, Norwegian and Czech shops write it
    ",-": ("EUR", "DKK", "NOK", "SEK", "CZK"),
}
TLD_CURRENCY = {
    "us": "USD", "ca": "CAD", "au": "AUD", "nz": "NZD", "mx": "MXN", "sg": "SGD", "hk": "HKD",
    "ar": "ARS", "cl": "CLP", "co": "COP", "se": "SEK", "no": "NOK", "dk": "DKK", "is": "ISK",
    "jp": "JPY", "cn": "CNY", "uk": "GBP", "gb": "GBP", "ch": "CHF", "in": "INR", "de": "EUR",
    "fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "be": "EUR", "at": "EUR", "fi": "EUR",
    "ie": "EUR", "pt": "EUR", "pl": "PLN", "br": "BRL", "cz": "CZK", "hu": "HUF", "kr": "KRW",
}
LANG_CURRENCY = {
    "sv": "SEK", "nb": "NOK", "nn": "NOK", "no": "NOK", "da": "DKK", "is": "ISK", "ja": "JPY",
    "zh": "CNY", "en-ca": "CAD", "fr-ca": "CAD", "en-au": "AUD", "en-nz": "NZD", "es-mx": "MXN",
    "en-sg": "SGD", "en-hk": "HKD", "zh-hk": "HKD", "es-ar": "ARS", "es-cl": "CLP",
    "es-co": "COP", "en-gb": "GBP", "de-ch": "CHF", "fr-ch": "CHF", "it-ch": "CHF",
    "en-in": "INR", "hi": "INR", "pl": "PLN", "pt-br": "BRL", "cs": "CZK", "hu": "HUF",
    "ko": "KRW",
}
ZERO_DECIMAL = {"JPY", "KRW", "ISK", "CLP", "VND", "PYG", "UGX"}
ISO_CODES = {v for v in SYMBOLS.values()} | {c for cs in AMBIGUOUS.values() for c in cs}

_SYM = (r"US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|MX\$|R\$|CN¥|[$€£¥￥₹₩₽₺₪₫₱฿]|円|元|zł|Kč|"
        r"\b(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|ISK|JPY|INR|CAD|AUD|NZD|CNY|PLN|BRL|MXN|SGD|HKD|"
        r"KRW|CZK|HUF|ZAR|TRY|RUB|ILS|AED|RMB)\b|\bFr\.|\bSFr\.?|\bkr\.?(?![a-zåäö])|\bRs\.?|:-")
_NUM = r"\d{1,3}(?:[.,\s'’\u00a0\u202f]\d{3})+(?:[.,]\d{1,4})?|\d+(?:[.,]\d{1,4})?"
MONEY_RE = re.compile(
    rf"(?P<pre>{_SYM})\s?(?P<n1>{_NUM})(?:\s?(?:{_SYM}))?|(?P<n2>{_NUM})\s?(?P<post>{_SYM}|,-|€)",
    re.IGNORECASE,
)
NUMBER_RE = re.compile(rf"(?<![\w.,])(?P<n>{_NUM})(?![\w%])")

PERIOD_PATTERNS = [
    ("one_time", r"one[- ]?time|once|lifetime|pay once|einmalig|einmal|paiement unique|une fois|"
                 r"pago único|una vez|eenmalig|engångs|買い切り|一括|買切"),
    ("year", r"/\s*(?:yr|year|jahr|an|año|ano|jaar|år|年)\b|/\s*年|per (?:year|annum)|a year|"
             r"yearly|annually|/\s*a\b|p\.?\s?a\.?(?=\s|$)|pro jahr|jährlich|im jahr|par an|"
             r"annuel(?:le)?|al año|por año|anual|per jaar|jaarlijks|per år|årlig|pr\.? år|om året|年額|年間"),
    ("month", r"/\s*(?:mo|mth|month|mon|monat|mois|mes|maand|mnd|mån|månad|md|måned|m)\b|/\s*月|"
              r"pr\.? ?(?:md|måned)\b|om måneden|per måned|månedlig|"
              r"per month|a month|monthly|mtl\.|pro monat|monatlich|im monat|par mois|mensuel|"
              r"al mes|por mes|mensual|per maand|maandelijks|per månad|i månaden|månadsvis|"
              r"/\s*mån|kr/mån|月額|月々|か月|ヶ月|/\s*month"),
    ("week", r"/\s*(?:wk|week|woche)\b|per week|weekly|pro woche"),
]
PERIOD_RES = [(p, re.compile(rx, re.IGNORECASE)) for p, rx in PERIOD_PATTERNS]

_UNIT_WORDS = {
    "seat": "seat", "seats": "seat", "user": "user", "users": "user", "nutzer": "user",
    "benutzer": "user", "utilisateur": "user", "usuario": "user", "gebruiker": "user",
    "användare": "user", "ユーザー": "user", "member": "member", "members": "member",
    "editor": "editor", "agent": "agent", "agents": "agent", "host": "host", "hosts": "host",
    "node": "node", "gb": "GB", "license": "license", "licence": "license", "lizenz": "license",
    "platz": "seat", "arbeitsplatz": "seat", "licencia": "license", "site": "site",
    "contact": "contact", "contacts": "contact", "server": "server", "device": "device",
    "employee": "employee", "mitarbeiter": "employee", "collaborator": "user", "mitglied": "member",
    "licens": "license", "plats": "seat", "poste": "seat", "puesto": "seat", "bruger": "user",
    "brukar": "user", "bruker": "user", "usuário": "user", "utente": "user", "użytkownik": "user",
}
UNIT_RE = re.compile(
    r"(?:\bper|/|\bpro|\bpar|\bpor|\bje|\bför|\bpr\.?|\ba)\s*(?P<qty>\d[\d,.]*\s*[kKmM]?\b)?\s*"
    r"(?P<word>[a-zäöüåéèñ]+|ユーザー)",
    re.IGNORECASE,
)
UNIT_QTY_RE = re.compile(
    r"(?:\bper|/|\bpro|\bpar|\bpor|\bje)\s*(?P<qty>\d[\d,.]*\s*[kKmM]?)\s+(?P<word>[a-z]+(?: [a-z]+)?)",
    re.IGNORECASE,
)
_QTY_WORDS = ("event", "request", "call", "message", "email", "session", "visit", "view", "record",
              "row", "api", "credit", "token", "minute", "contact", "mau", "execution", "span")


def currency_of_symbol(symbol: str | None, *, url: str = "", lang: str | None = None,
                       hint: str | None = None) -> str | None:
    """ISO 4217 code for a symbol/code seen on a page, or None when it is not a currency."""
    if not symbol:
        return None
    s = symbol.strip().lower().replace("\u00a0", "")
    if s in AMBIGUOUS:
        candidates = AMBIGUOUS[s]
        if hint and hint in candidates:
            return hint
        tld = tld_of(url)
        if TLD_CURRENCY.get(tld) in candidates:
            return TLD_CURRENCY[tld]
        lc = lang_currency(lang)
        if lc in candidates:
            return lc
        return candidates[0]
    if s in SYMBOLS:
        return SYMBOLS[s]
    if s.upper() in ISO_CODES:
        return s.upper()
    return None


def tld_of(url: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.rsplit(".", 1)[-1].lower() if "." in host else ""


def lang_currency(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.strip().lower().replace("_", "-")
    return LANG_CURRENCY.get(lang) or LANG_CURRENCY.get(lang.split("-")[0])


def default_currency(url: str, lang: str | None, hint: str | None) -> str | None:
    """Currency to assume for a bare number: hint, then TLD, then language."""
    return hint or TLD_CURRENCY.get(tld_of(url)) or lang_currency(lang)


def decimal_text(value: Decimal, currency: str | None) -> str:
    """Exact decimal text with the currency's minor units (more when the page shows more)."""
    places = 0 if currency in ZERO_DECIMAL else 2
    exp = -value.as_tuple().exponent if value.as_tuple().exponent < 0 else 0
    places = max(places, min(exp, 6))
    return f"{value:.{places}f}"


def parse_amount(number_text: str, *, lang: str | None = None, currency: str | None = None) -> Decimal | None:
    """'1.234,56' / '1 234,56' / "1'234.50" / '1,234.56' → Decimal."""
    t = number_text.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    if not t:
        return None
    sep = None
    m = re.fullmatch(r"(\d{1,3})([.,])(\d{3})", t)
    if m:  # '1.234' / '1,234': a thousands group (prices rarely carry 3 decimals), except '0.125'
        sep = m.group(2) if m.group(1) == "0" else ("," if m.group(2) == "." else ".")
    price = Price.fromstring(t, decimal_separator=sep)
    if price.amount is None:
        return None
    try:
        return Decimal(price.amount)
    except InvalidOperation:
        return None


def find_money(text: str) -> list[tuple[str | None, str, int, int]]:
    """All money expressions in text: (symbol or None, number text, start, end)."""
    out = []
    for m in MONEY_RE.finditer(text):
        if m.group("n1") is not None:
            out.append((m.group("pre"), m.group("n1"), m.start(), m.end()))
        else:
            out.append((m.group("post"), m.group("n2"), m.start(), m.end()))
    return out


def detect_period(text: str) -> str | None:
    """month | year | one_time | week (callers map week) or None from text near a price."""
    if not text:
        return None
    best = None
    for period, rx in PERIOD_RES:
        m = rx.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (period, m.start())
    return best[0] if best else None


def detect_unit(text: str) -> str | None:
    """'per seat' → seat, '/user/mo' → user, 'per 1,000 events' → '1k events'."""
    if not text:
        return None
    m = UNIT_QTY_RE.search(text)
    if m and any(m.group("word").lower().startswith(w) for w in _QTY_WORDS):
        qty = m.group("qty").replace(" ", "").replace(",", "").replace(".", "").lower()
        word = m.group("word").lower().split()[0]
        if not word.endswith("s") and qty not in ("1",):
            word += "s"
        if qty.endswith("000000"):
            qty = qty[:-6] + "m"
        elif qty.endswith("000"):
            qty = qty[:-3] + "k"
        if qty == "1":
            return word.rstrip("s") if word != "s" else word
        return f"{qty} {word}"
    for m in UNIT_RE.finditer(text):
        word = m.group("word").lower()
        if m.group("qty"):
            continue
        if word in _UNIT_WORDS:
            return _UNIT_WORDS[word]
    if re.search(r"ユーザー(?:あたり|毎|/)|1ユーザー", text):
        return "user"
    return None
