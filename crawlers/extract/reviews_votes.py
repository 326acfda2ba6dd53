"""Helpful votes of one review block: "12 people found this helpful", "Yes (3)", "3 hilfreich",
a bare count beside a like button."""
from __future__ import annotations

import re

from .reviews_widgets import attrs_text, tag
from .reviews_normalize import element_text, to_number

# "Helpful? Yes", "Cet avis vous a-t-il été utile ? Oui" (Greek asks with ';'): the yes button
_ASKED_HELPFUL = (r"(?:helpful|useful|hilfreich|utile|útil|nuttig|hjälpsam|nyttig|faydalı|užitečn\w*|apua|hyödylli\w*|"
                  r"χρήσιμ\w*|hasznos|корисн\w*|עזר\w*|užitočn\w*|korisn\w*|nauding\w*|noderīg\w*|полез\w*|"
                  r"pomocn\w*|kasulik\w*|пайдалы)[^\d()?;]{0,20}[?;]?\s*"
                  r"(?:yes|oui|ja|sí|si|sim|evet|ano|áno|kyllä|ναι|igen|так|כן|da|да|taip|jā|tak|jah|иә)")
_HELPFUL = [
    re.compile(r"(\d[\d,.]*)\s+(?:people|persons?|customers?|users?)\s+found\s+this\s+(?:review\s+)?helpful", re.I),
    re.compile(r"(one|a)\s+(?:person|customer)\s+found\s+this\s+(?:review\s+)?helpful", re.I),
    re.compile(r"(\d[\d,.]*)\s+out\s+of\s+\d[\d,.]*\s+(?:people\s+)?found\s+this\s+(?:review\s+)?helpful", re.I),  # IMDb
    re.compile(r"(\d[\d,.]*)\s+pessoas?\s+acharam\s+(?:isso|esta\s+avaliação)\s+útil", re.I),
    re.compile(r"(uma)\s+pessoa\s+achou\s+(?:isso|esta\s+avaliação)\s+útil", re.I),
    re.compile(r"(\d[\d,.]*)\s+(?:personen|kunden|nutzer)?\s*fanden\s+(?:diese[sn]?\s+)?(?:bewertung\s+|rezension\s+|informationen\s+)?hilfreich", re.I),
    re.compile(r"(eine?)\s+(?:person|kundin|kunde)\s+fand\s+(?:diese[sn]?\s+)?(?:bewertung\s+|rezension\s+|informationen\s+)?hilfreich", re.I),
    re.compile(r"(\d[\d,.]*|une)\s+personnes?\s+(?:ont\s+|a\s+)?trouvé\s+(?:cet\s+avis|cette\s+évaluation|cela|ce\s+commentaire)\s+utile", re.I),
    re.compile(r"(\d[\d,.]*)\s+personas?\s+(?:les\s+)?(?:ha|han)\s+parecido\s+(?:esto\s+|esta\s+reseña\s+)?útil", re.I),
    re.compile(r"(\d[\d,.]*)\s+(?:mensen|personen)\s+vonden\s+(?:dit|deze\s+(?:review|recensie|beoordeling))\s+nuttig", re.I),
    re.compile(r"(\d[\d,.]*)\s+persone\s+hanno\s+trovato\s+utile\s+quest[ao]", re.I),  # Google Play's Italian
    re.compile(r"(\d[\d,.]*)\s+personnes?\s+sur\s+\d+\s+(?:ont|a)\s+trouvé\s+cet\s+avis\s+utile", re.I),  # Fnac
    re.compile(r"\ba\s+(\d[\d,.]*|una)\s+personas?\s+les?\s+result[óo]\s+útil", re.I),  # Amazon.com.mx
    # "Helpful (3)", "Helpful? (12) (1)" (Sephora: the thumbs-up count first); never "Not Helpful (1)"
    re.compile(r"(?<!not )(?<!un)(?:helpful|useful|hilfreich|utile|útil|util|nuttig|hữu ích|有用|hasznos|membantu|"
               r"korisno|مفيد)\s*\??\s*[:(\[（]\s*(\d[\d,.]*)\s*[)\]）]?", re.I),
    re.compile(r"(\d[\d,.]*)\s+(?:helpful|useful)\s+votes?", re.I),
    # "Helpful? Yes (3)", "Cet avis vous a-t-il été utile ? Oui (4)": the count on the yes button
    # (Greek asks with ';')
    re.compile(_ASKED_HELPFUL + r"\s*[(\[]\s*(\d[\d,.]*)\s*[)\]]", re.I),
    # ... or bare, with the no button after it: "Was this review helpful? Yes 12 No 3" (Indeed)
    re.compile(_ASKED_HELPFUL + r"\s*(\d[\d,.]*)\s*(?:no|non|nein|nee|não|hayır|ne|ei|όχι|nem|ні|לא|нет|не|nie|жоқ)(?![^\W\d_])",
               re.I),
    re.compile(r"помог\w*[^\d]{0,25}?\bда\s*[(\[]?\s*(\d[\d\s]*)", re.I),  # Ozon "Вам помог этот отзыв? Да 5"
    re.compile(r"v\s+pomoč\s*\??\s*da\s*[(\[]?\s*(\d[\d,.]*)", re.I),  # Slovenian "… v pomoč? Da 2"
    re.compile(r"\bes\s+útil\s+(\d[\d,.]*)", re.I),  # Mercado Libre's like button
    re.compile(r"(\d[\d,]*)\s*人のお客様がこれが役に立ったと考えています"),
    re.compile(r"参考になった\s*[（(]\s*(\d[\d,]*)\s*人?\s*[）)]"),
    re.compile(r"参考になった\s*(\d[\d,]*)\s*人"),  # Kakaku "参考になった12人"
    re.compile(r"(\d[\d,]*)\s*人がこのレビューが役立つと評価しました"),  # Google Play
    re.compile(r"(\d[\d,]*)\s*件の「役立った」投票"),  # Tripadvisor Japan
    re.compile(r"أعجب\s+(\d[\d,]*)\s+(?:شخصًا|شخص|أشخاص)\s+بهذا"),  # Amazon.sa "أعجب 12 شخصًا بهذا"
    re.compile(r"(\d[\d,.]*)\s+votes?\s+for\s+helpful", re.I),  # Zomato
    re.compile(r"(?:helpful|useful)\s+votes?\s*:?\s*(\d[\d,.]*)", re.I),
    re.compile(r"(\d[\d,.]*)\s+persone\s+l['’]hanno\s+trovat[oa]\s+utile", re.I),
    # Amazon's Polish, Swedish and Turkish stores
    re.compile(r"(\d[\d,.]*|jedna)\s+os(?:ób|oby|oba)\s+uznał[oay]?\s+(?:to\s+)?za\s+pomocn\w*", re.I),
    re.compile(r"(\d[\d,.]*|en)\s+personer?\s+tyckte\s+att\s+(?:detta|den)\s+var\s+till\s+hjälp", re.I),
    re.compile(r"(\d[\d,.]*|bir)\s+kişi\s+bunu\s+(?:faydalı|yararlı)\s+buldu", re.I),
    re.compile(r"(una?)\s+persona\s+l['’]ha\s+trovat[oa]\s+utile", re.I),
    re.compile(r"przydatn\w*\s*\??\s*tak\s*[(\[]?\s*(\d[\d,.]*)", re.I),  # Polish "Przydatna? Tak (3)"
    re.compile(r"도움이\s*(?:돼요|됐어요|되었어요|돼|됨)\s*[(\[]?\s*(\d[\d,]*)"),  # Korean "도움이 돼요 7"
    re.compile(r"(\d[\d,]*)\s*명에게\s*도움"),  # "7명에게 도움이 됐습니다"
    re.compile(r"(\d[\d,.]*)\s+orang\s+(?:merasa\s+)?terbantu", re.I),  # Tokopedia "4 orang terbantu"
    re.compile(r"полезн\w*[^\d]{0,30}?да\s*/\s*нет\s*(\d+)\s*/\s*\d+", re.I),  # Kinopoisk "Да / Нет 12 / 3"
    re.compile(r"(?:مفید|مفيد)[^\d]{0,25}?(?:بله|نعم)\s*[(\[]?\s*(\d[\d,.]*)"),  # Digikala "مفید بود؟ بله ۱۲"
]
# a button named "Helpful" whose text is the count (eBay), or "Like" (Google Maps: the count in a
# span inside it); never "Not helpful"
_HELPFUL_NAME = re.compile(r"(?:mark(?:ed)? as |this review (?:was|is) )?(?:helpful|hilfreich|utile|útil|nuttig)|like", re.I)
# (or the sum of the up votes: Yotpo's "vote-sum" data-type="up", Stamped's "review-vote-up")
_VOTE_COUNT_ATTR = re.compile(r"(?:like|helpful|vote|upvote|thumbs?-?up)[\w-]*count|count[\w-]*(?:like|helpful|vote)|"
                              r"vote[-_]?(?:sum|up|yes)(?![\w-])|(?:up|yes)[-_]?votes?(?![\w-])", re.I)
# a count and the word, as an element of its own: "3 hilfreich", "12 helpful", Yelp's "Helpful 3"
_HELPFUL_LABEL = re.compile(r"(\d[\d,.]*)\s+(?:helpful|useful|hilfreich|utile|útil|nuttig)|👍\s*(\d[\d,.]*)|"
                            r"(?:helpful|useful|hilfreich|utile|útil|nuttig)\s+(\d[\d,.]*)", re.I)
_HELPFUL_WORD = re.compile(r"helpful|useful|hilfreich|utile|útil|util|nuttig|przydatn|hjälpsam|hjälp|nyttig|faydalı|yararlı|užitečn|"
                           r"помог|apua|hyödylli|χρήσιμ|参考|役に立った|도움|hữu ích|有用|hasznos|membantu|корисн|עזר|"
                           r"terbantu|užitočn|korisn|مفيد|مفید|naudinga|noderīg|полез|pomocn|kasulik|pomoč|"
                           r"пайдалы|役立つ|役立った|أعجب|👍", re.I)  # in every _HELPFUL pattern


def _button_name(el) -> str:
    """The name of the button a bare count is all the text of (<button aria-label="Like"><svg/>
    <span>3</span>): Google Maps, IMDb."""
    parent = el.getparent()
    if parent is None or tag(parent) != "button" or element_text(parent).strip() != (el.text or "").strip():
        return ""
    return parent.get("aria-label") or parent.get("title") or ""


def helpful_votes(block) -> int | None:
    """The block's helpful-vote count, or None when it shows none."""
    votes = None
    with_buttons = element_text(block)  # helpful counts often sit on buttons ("Yes (3)")
    for pat in _HELPFUL if _HELPFUL_WORD.search(with_buttons) else ():
        m = pat.search(with_buttons)
        if m:
            g = m.group(1).lower()
            votes = 1 if g in ("one", "a", "eine", "ein", "una", "un", "uma", "une", "jedna", "en", "bir") else int(to_number(g.replace(",", "").replace(".", "")) or 0)
            break
    if votes is None:
        helpful_word = bool(_HELPFUL_WORD.search(with_buttons))
        for el in block.iter():
            if tag(el) and len(el) == 0 and el.text and len(el.text) <= 30:
                text = el.text.strip()
                m = _HELPFUL_LABEL.fullmatch(text) if helpful_word else None
                if m is None and text.isdigit() and (_VOTE_COUNT_ATTR.search(attrs_text(el)) or _HELPFUL_NAME.fullmatch(
                        (el.get("aria-label") or el.get("title") or _button_name(el)).strip())):
                    m = re.fullmatch(r"(\d+)", text)  # a bare count beside a like button (Shopee)
                if m:  # (a thumbs-up count only on its own: "👍 10/10" in a text is no vote)
                    votes = int(to_number(next(g for g in m.groups() if g).replace(",", "").replace(".", "")) or 0)
                    break
    return votes


def is_helpful_label(text: str) -> bool:
    """A short line that only counts helpful votes ("4 orang terbantu", "Hữu ích (3)"): no
    part of the review's text."""
    text = text.strip()
    return 0 < len(text) <= 40 and bool(_HELPFUL_WORD.search(text)) and any(p.fullmatch(text) for p in _HELPFUL)


def helpful_line(text: str) -> bool:
    """A helpful-votes line, its count perhaps printed apart ("<b>1</b> person found this review
    helpful"): no title and no text of the review."""
    text = text.strip()
    return is_helpful_label(text) or (not text[:1].isdigit() and is_helpful_label("1 " + text))
