"""Lines of a review card that are about the item, not the review: its price alone ("£180.00",
printed in the slot a title takes on a magazine's card), or a vehicle's name with its
specification in brackets ("Makeo Breeze (1.6 MMT 2008 г.)", "Makeo Gust (2012 MT 98 л.с. 1.4 л.)"),
which heads each owner's review on a car site as the model reviewed."""
from __future__ import annotations

import re

# (and the Nordic and Dutch notations: "5 690:-", "1.049,-", "299 kr")
_MONEY = (r"(?:[$€£¥₹₽]\s?\d[\d.,\s]*\d?|\d[\d.,\s]*\s?(?:[$€£¥₹₽]|руб\.?|р\.|USD|EUR|GBP)|(?:USD|EUR|GBP)\s?\d[\d.,]*"
          r"|\d[\d.\s]*(?::-|,-)|\d[\d.,\s]*\s?(?:kr\.?|SEK|NOK|DKK)(?!\w))")
_PRICE_ONLY = re.compile(r"\s*(?:from\s+|ab\s+|à partir de\s+|от\s+)?" + _MONEY + r"(?:\s*[-–]\s*" + _MONEY + r")?\s*", re.I)

# a bracketed specification: an engine size ("1.6", "2,0") beside a year, a gearbox code or a
# unit of volume or power ("л.", "L", "л.с.", "hp", "PS", "kW")
_SIZE = r"(?<![\d.,])\d[.,]\d(?![\d.,])"
_SPEC_WORD = (r"(?:(?:19|20)\d\d|MT|AT|AMT|MMT|CVT|DSG|TDI|TSI|4WD|AWD|2WD|4x4|"
              r"л\.\s?с\.?|л\.?|л/с|hp|bhp|ps|cv|kw|кв?т|ch|lt?|cc|см3)")
_SPEC = re.compile(r"\(([^()]{3,80})\)\s*$")


def price_only(text: str | None) -> bool:
    """Whether a line is a price and nothing else (a range, "from £9,995")."""
    return bool(text) and _PRICE_ONLY.fullmatch(text) is not None


def priced_label(text: str | None) -> bool:
    """Whether a text is a price beside one word at most ("Reviews £1,099.00"): no review's."""
    if not text or not re.search(_MONEY, text):
        return False
    rest = re.sub(_MONEY, " ", text).strip(" .,:;|-–")
    return len(rest.split()) <= 1 and len(rest) <= 20


def vehicle_variant(text: str | None) -> bool:
    """Whether a line is a name followed by a bracketed specification: an engine size and two
    of a year, a gearbox code, a unit ("Rated 4.5 in 2019" is no vehicle): the vehicle reviewed."""
    m = _SPEC.search(text or "")
    if not m or m.start() == 0:
        return False
    spec = m.group(1)
    words = re.findall(r"(?<!\w)" + _SPEC_WORD + r"(?!\w)", spec, re.I)
    return re.search(_SIZE, spec) is not None and len(set(w.lower() for w in words)) >= 2


# a price in a card (a product's, a tour's): money of the currencies the extractor meets (as _MONEY, and
# more of them), or a cart button
CARD_PRICE = re.compile(r"[$€£¥₹₽₩₺₴₫₱₦]\s?\d|\d\s?(?:[$€£₹₽₩₺₴₫₱₦]|zł|kč|руб\b|грн\b|lei\b|kr\b|:-|,-)|"
                        r"\b(?:USD|EUR|GBP|RUB|PLN|CZK|INR|BRL|R\$)\b|add to (?:cart|basket)|in den warenkorb|"
                        r"ajouter au panier|в корзину|do koszyka|añadir al carrito|aggiungi al carrello|"
                        r"adicionar ao carrinho|in winkelwagen|sepete ekle", re.I)

# a work's name with its year in brackets: "Salt Road (2018)", "Night Ferry (2018-)", "Glass Garden (1995–2000)"
_DATED_WORK = re.compile(r"[^.!?\n]{1,80}?\s\((?:1[89]|20)\d\d(?:\s?[-–](?:(?:1[89]|20)\d\d)?)?\)")


def dated_work(text: str | None) -> bool:
    """Whether a text is only a film's, series' or book's name with its year ("Salt Road (2018)"):
    the work a poster card shows beside its stars, no review's text."""
    return bool(text) and _DATED_WORK.fullmatch(text.strip()) is not None
