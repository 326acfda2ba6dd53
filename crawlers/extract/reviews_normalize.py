"""Normalising review fields: ratings to 0-5, text, language (dates: reviews_dates).

Pure functions over strings and lxml elements; nothing here raises on odd input.
"""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar

# -- per-page memo ---------------------------------------------------------------------
# The layout heuristics ask for the same element's text and rating many times (each page,
# then each block, then each field). Inside `page_memo()` the answers are remembered by
# id(element); that is only sound while every element proxy of the tree stays alive, so
# callers hold a list of root.iter() for the whole block and use one tree only.


class _Memo:
    __slots__ = ("text", "rating", "attrs", "solid", "scales")

    def __init__(self):
        self.scales: dict[str, float] = {}  # (reviews_starclass: a class modifier's page-wide maximum)
        self.text: dict[int, str] = {}
        self.solid: dict[int, int] = {}
        self.rating: dict[int, float | None] = {}
        self.attrs: dict[int, str] = {}


_MEMO: ContextVar[_Memo | None] = ContextVar("reviews_page_memo", default=None)


@contextmanager
def page_memo(root):
    """Remember element texts and ratings for elements of `root` while inside the block."""
    keepalive = list(root.iter())  # noqa: F841 - keeps id(element) stable, see above
    token = _MEMO.set(_Memo())
    try:
        yield
    finally:
        _MEMO.reset(token)


def current_memo() -> _Memo | None:
    return _MEMO.get()

# -- text ------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
# "Read more" in the languages met so far: stripped from a text's end (clean_text), and a link or
# button saying it is a toggle (reviews_toggles), so a language is added here once
READ_MORE_PHRASES = (
    "read more", "show more", "see more", "mehr lesen", "weiterlesen", "mehr anzeigen", "lire la suite",
    "voir plus", "leer más", "ver más", "lees meer", "meer lezen", "leggi tutto", "ler mais", "leia mais", "ver mais",
    "czytaj dalej", "czytaj więcej", "číst dál", "číst více", "devamını oku", "читать далее", "читать полностью",
    "читать весь отзыв", "читати далі", "подробнее", "докладніше", "детальніше",
    # Dutch, Swedish, Danish, Norwegian, Finnish, Estonian, Latvian, Lithuanian
    "lees verder", "verder lezen", "läs mer", "läs vidare", "visa mer", "læs mere", "læs videre", "vis mere", "les mer",
    "les videre", "vis mer", "lue lisää", "näytä lisää", "loe edasi", "loe rohkem", "näita rohkem", "lasīt vairāk",
    "lasīt tālāk", "rādīt vairāk", "skaityti daugiau", "skaityti toliau", "rodyti daugiau",
    # a blog's "continue reading", and its kin
    "continue reading", "keep reading", "continuer la lecture", "seguir leyendo", "continua a leggere", "continuar lendo")
_READ_MORE = re.compile(
    r"\s*(?:…|\.\.\.)?\s*(?:" + "|".join(map(re.escape, READ_MORE_PHRASES)) + r"|read (?:the )?full review)"
    r"\s*(?:…|\.\.\.)?\s*$"  # (its ellipsis before it or after it: "Leer más...")
    # (a bare "more" right after an ellipsis is the same toggle: "…text ...more", Goodreads)
    r"|(?:\s|(?<=[.!?]))(?:…|\.\.\.)more\s*$", re.I)


# the last word of every _READ_MORE phrase: a text ending otherwise skips the pattern
_READ_MORE_ENDS = tuple({p.split()[-1] for p in READ_MORE_PHRASES} | {"review"})


# Chinese, Japanese and Korean characters: each says about as much as a short word, so a
# line of them weighs double against the length a text must have ("质量很好，物流也快" is a review)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def text_weight(text: str) -> int:
    """A text's length with each CJK character counted twice."""
    return len(text) + len(_CJK.findall(text))


def letters_only(text: str) -> str:
    """A text's letters and digits, lowercase, without spaces or punctuation (to compare two
    texts whatever their spacing, quotes or cut marks)."""
    return _NON_LETTERS.sub("", text.lower())


_NON_LETTERS = re.compile(r"[\W_]+")


def clean_text(text: str | None) -> str | None:
    """NFC, collapsed whitespace, no trailing "Read more"; None when empty.

    NFC, not NFKC: the text stays as the page shows it. NFKC rewrote full-width "，！（",
    Thai's SARA AM, Korean "ㅋ", "…" and "™" (tests/test_extract_reviews_text_fidelity.py);
    the store compares NFKC forms for identity and edits, so either form is the same review."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text))
    text = _WS.sub(" ", text).strip()
    # the "Read more" pattern is anchored at the end: searching only the tail keeps long
    # texts linear (a match is at most ~20 characters once whitespace is collapsed)
    if text[-12:].lower().rstrip(".… ").endswith(_READ_MORE_ENDS):  # (also "Leer más...")
        m = _READ_MORE.search(text, max(len(text) - 64, 0))
        if m:
            text = text[:m.start()].strip()
    return text or None


def element_text(el) -> str:
    """Visible text of an lxml element (script/style skipped, <br> as a space)."""
    memo = _MEMO.get()
    if memo is None:
        return _element_text(el)
    key = id(el)
    text = memo.text.get(key)
    if text is None:
        text = memo.text[key] = _element_text(el)
    return text


def text_longer_than(el, limit: int) -> bool:
    """Whether element_text(el) is longer than `limit`, cheaply when the answer is plainly yes:
    the count of its non-space characters (worked out bottom-up once per page under
    page_memo) is a lower bound of the text's length."""
    memo = _MEMO.get()
    if memo is not None and _solid_chars(el, memo.solid) > limit:
        return True
    return len(element_text(el)) > limit


def _solid(s: str | None) -> int:
    return sum(map(len, s.split())) if s else 0


def _solid_chars(node, cache: dict[int, int]) -> int:
    """Non-space characters of element_text(node) (tail excluded), same skipping rules."""
    key = id(node)
    n = cache.get(key)
    if n is not None:
        return n
    tag = node.tag if isinstance(node.tag, str) else ""
    n = 0
    if tag not in ("script", "style", "noscript", "template", "svg"):
        if node.text and isinstance(node.tag, str):
            n += _solid(node.text)
        for child in node:
            n += _solid_chars(child, cache) + _solid(child.tail)
    cache[key] = n
    return n


def _element_text(el) -> str:
    parts: list[str] = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template", "svg"):
            if node.tail:
                parts.append(node.tail)
            return
        if tag == "br":
            parts.append(" ")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                parts.append(" ")
        if node.tail and node is not el:
            parts.append(node.tail)

    try:
        walk(el)
    except Exception:  # pragma: no cover - defensive against odd trees
        return ""
    return _WS.sub(" ", "".join(parts)).strip()


_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "section", "article", "blockquote", "h1", "h2", "h3",
               "h4", "h5", "h6", "header", "footer", "table", "tr", "td", "th", "dd", "dt", "dl",
               "figure", "figcaption", "aside", "main", "form"}


# -- numbers and ratings ---------------------------------------------------------------

# Arabic-Indic and Persian digits and separators ("۴٫۲", "١٬٢٣٤") and the digits of the
# Indic, South-East Asian and full-width blocks ("৪.৫", "४.५", "４.５"), one character each,
# so a match in the translated text is at the same place in the original
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_DIGITS.update({zero + i: ord("0") + i for zero in (
    0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,  # Devanagari ... Malayalam
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10)  # Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, full width
    for i in range(10)})


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic, Persian, Indic and other non-ASCII digits in ASCII."""
    return text if text.isascii() else text.translate(_DIGITS)


_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
# "4.5 out of 5", "4,5 of 5", "4 von 5", "4 sur 5", "4 de 5", "4 van 5", "4 su 5", "4/5", "8 / 10"
# The words between a rating and its scale, in every language the extractor reads (also
# used by the aggregate reader and by the rating-label check of the widgets).
SCALE_WORDS = (r"/|out\s+of|of|von|sur|de|van(?:\s+de)?|su|op|(?:ud\s+)?af|av|z|з|из|din|από|dari|trên|מתוך|از|от|од|od|no|من|nga|"
               r"iš|จาก|kati\s+ya")  # Lithuanian, Thai, Swahili
_OUT_OF = re.compile(
    r"(?<![\d./-])" + _NUM + r"\s*(?:" + SCALE_WORDS + r")\s*(\d{1,3})(?:[.,]0{1,2})?(?![\d.,]\d|[./-]\d)", re.I)
# Japanese puts the scale first: "5つ星のうち4.0" (4.0 of 5 stars)
_OUT_OF_JA = re.compile(r"(\d{1,3})\s*(?:つ星(?:のうち|中)|段階中)\s*" + _NUM)  # "5つ星中4つ星", "5 段階中 4"
# Korean puts it so too: "5점 만점에 4점" (4 points of 5)
_OUT_OF_KO = re.compile(r"(\d{1,3})\s*점\s*만점(?:에|\s*중)\s*" + _NUM + r"\s*점")
# and Turkish, Hungarian and Hindi: "5 üzerinden 4", "5-ből 4", "5 में से 4" (4 of 5), also with
# the stars named: "5 yıldız üzerinden 4,0" (Amazon.com.tr), "5 csillagból 4"
_OUT_OF_FIRST = re.compile(r"(?<![\d.,])(\d{1,3})\s*(?:(?:yıldız\s+)?üzerinden|(?:csillag)?-?\s?b[őóo]l|में\s+से)\s+"
                           + _NUM + r"(?![\d.,]\d)", re.I)
# a scale written as a word after the word between ("out of five", "von fünf", "z pięciu", "av
# fem") or before Turkish "üzerinden" ("beş yıldız üzerinden 4")
_TENS = {"ten", "zehn", "dix", "diez", "dieci", "tien", "dziesięciu", "десяти", "tio", "ti"}
_SCALE_WORD_AFTER = re.compile(
    r"(\d\s*(?:" + SCALE_WORDS + r")\s+)(five|fünf|cinq|cinco|cinque|vijf|pięciu|pięć|пяти|пять|fem|pěti|päť|öt|cinci|"
    r"πέντε|lima|ten|zehn|dix|diez|dieci|tien|dziesięciu|десяти|tio|ti)(?![^\W\d_])", re.I)
_SCALE_WORD_FIRST = re.compile(r"(?<![^\W\d_])beş(?=\s+(?:yıldız\s+)?üzerinden)", re.I)


_SCALE_NUMBER_WORDS = frozenset("five fünf cinq cinco cinque vijf pięciu pięć пяти пять fem pěti päť öt cinci πέντε lima "
                                "ten zehn dix diez dieci tien dziesięciu десяти tio ti beş".split())


def _scale_figures(s: str) -> str:
    s = _SCALE_WORD_AFTER.sub(lambda m: m.group(1) + ("10" if m.group(2).lower() in _TENS else "5"), s)
    return _SCALE_WORD_FIRST.sub("5", s)


_STAR_WORD = re.compile(
    _NUM + r"\s*(?:-|\s)?\s*(?:stars?|sterne?n?|étoiles?|etoiles?|estrellas?|sterren|stelle|stella|"
    r"estrelas?|stjerner?|stjärnor?|gwiazdk[ai]|yıldız|hvězdič(?:ka|ky|ek)|зв[её]зд[аы]?|points?|punkte?|puntos?|stele|stea|tähteä|tähti|"
    r"αστέρια|αστέρι|csillag|sao|bintang|зірок|зірки|зірка|כוכבים|כוכב|نجوم|نجمات|نجمة|ดาว|つ星|星)(?!\w)", re.I)
# Korean counts its stars: "별 4개" (4 stars)
_STARS_KO = re.compile(r"별(?:표)?\s*([1-5])\s*개|星\s*([1-5])\s*つ")  # (Google Maps: "별표 4개", Japanese "星 4 つ")
_RATED = re.compile(r"(?:rated|rating|note|bewertung|bewertet|valoración|puntuación|beoordeling|punteggio|pontuação|"
                    r"pontuacao|puntuació|scoorde|score|scored|calificación|nota|voto|notă|arvosana|βαθμολογία|평점|bintang|értékelés|"
                    r"оцінка|דירוג|评分|満足度|総合評価|оценка|ocena|hodnotenie|hodnocení|ocjena)(?:(?:\s+[^\W\d_]+){1,2}\s*:|\s*:|\s+\+|\s+(?:is|ist|est|es|è|é|är|er)(?:\s+d[ei])?)?\s*"
                    + _NUM
                    + r"(?![\d]|[.,]\d)", re.I)  # not a count: "course rating 12,345 ratings"
# (the label may say "is": "Average rating is 4.77", "Bewertung ist 4,5", "note est de 4,2")
# ... or follow the figure: "Mit 8,0 bewertet", "Met 8,0 beoordeeld", "Noté 8,0" reads as before
_RATED_AFTER = re.compile(r"(?:mit|met)\s+" + _NUM + r"\s+(?:bewertet|beoordeeld|gewaardeerd)", re.I)
# Words that follow (or precede: "Отзывы 312") a page's review or rating count.
COUNT_WORDS = (
    r"reviews?|ratings?|bewertungen|rezensionen|avis|évaluations|notes|critiques|reseñas|opiniones|valoraciones|"
    r"beoordelingen|recensies|recensioni|valutazioni|avaliações|comentários|erfahrungen|kundenbewertungen|"
    r"stemmen|votes|stimmen|calificaci[oó]n(?:es)?|opinii|opinie|opinia|ocen[ay]?|recenzj[ie]|"
    r"omdömen|recensioner|betyg|anmeldelser|bedømmelser|vurderinger|değerlendirme|yorum|"
    r"recenzí|recenze|hodnocení|отзыв(?:ов|а|ы)?|оцен(?:ок|ки|ка)|рецензи[йия]|件|条|개|"
    r"arvostelua|arvostelut|arvostelu|arviota|arviot|"  # Finnish
    r"αξιολογήσεις|αξιολόγηση|κριτικές|κριτική|"  # Greek
    r"(?:de\s+)?(?:review-uri|recenzii|recenzie|păreri|evaluări)|"  # Romanian ("312 de recenzii")
    r"értékelés|vélemény|"  # Hungarian (also the plural: no \b after these words)
    r"відгук(?:ів|и)?|оцін(?:ок|ки|ка)|"  # Ukrainian
    r"ulasan|penilaian|đánh giá|nhận xét|ביקורות|ביקורת|חוות דעת|דירוגים|"  # Indonesian, Vietnamese, Hebrew
    r"hodnotení|hodnotenia|recenzií|recenzij[ae]|ocjen[ae]|คะแนน|รีวิว|"  # Slovak, Croatian, Thai
    r"리뷰|후기|تقييمات|تقييم|مراجعات|مراجعة|دیدگاه|نظر|"  # Korean, Arabic, Persian
    r"atsiliepim(?:ai|ų|as)|įvertinim(?:ai|ų|as)|atsauksmes|atsauksme|"  # Lithuanian, Latvian
    r"ревюта|ревю|мнения|рецензиј[аеи]|коментара|"  # Bulgarian, Serbian
    r"arvustust|arvustused|arvustus|hinnangut|hinnangud|mnenj[ae]?|"  # Estonian, Slovenian
    r"रेटिंग|समीक्षाएं|समीक्षाएँ|समीक्षा|"  # Hindi
    r"則評分|則評論|则评分|则评论|건|пікірлер|пікір|レビュー|口コミ|クチコミ|"  # zh-TW, ko ("1,234건"), kk, ja
    r"vlerësime|vlerësimet|vlerësim|valoracions|valoració|"  # Albanian, Catalan (Macedonian "рецензии": above)
    r"მიმოხილვები|მიმოხილვა|შეფასებები|შეფასება|"  # Georgian
    r"(?:টি\s*)?(?:রিভিউ|রেটিং|পর্যালোচনা)|"  # Bengali ("৫৭টি রিভিউ": a classifier after the figure)
    r"rəylər|rəy|qiymətləndirmə|ریٹنگز|ریٹنگ|جائزے|جائزہ|تبصرے|comentarios|"  # Azerbaijani, Urdu, Spanish (Booking)
    r"կարծիքներ|կարծիք|maoni|(?:ta\s+)?(?:sharhlar|sharh|baholar|baho)|umsagnir|umsagna|umsögn|"  # hy, sw, uz ("1 234 ta sharh"), is
    r"விமர்சனங்கள்|விமர்சனம்|மதிப்பீடுகள்|மதிப்பீடு|водгукаў|водгукі|водгук|ацэнак|ацэнкі")  # Tamil, Belarusian
# A count: "1,234", "1.234", "1 234", "312", or abbreviated "1.2K", "12k", "1,1 тыс."
COUNT_NUMBER = (r"(\d{1,3}(?:[.,\u00a0\u202f '’]\d{3})+|\d{1,3}(?:[.,]\d{1,2})?\s?(?:[kKmM]|тыс\.?)(?![^\W\d_])|"
                r"\d{1,4}(?:\.\d)?\s?[万萬]|\d+)")  # "1.2万" / "1.2萬": 12,000 (Japanese, Chinese)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
_FILLED = "★⭐🌟"
_EMPTY = "☆✩✰"


def to_number(value) -> float | None:
    """'4,5' → 4.5, '4.0' → 4.0, 4 → 4.0; None when not a number."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return to_number(value.get("@value"))
    if isinstance(value, list):
        return to_number(value[0]) if value else None
    s = ascii_digits(str(value).strip().replace("\u00a0", " "))
    m = re.search(r"-?\d+(?:[.,]\d+)?", s)
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", "."))
    except ValueError:
        return None


def scale_rating(value: float | None, best: float | None = None, worst: float | None = None) -> float | None:
    """A rating on its own scale → 0-5 (rounded to 2 places).

    With bestRating known: value / best * 5 (a worstRating from 0 to 1 keeps that ratio, since
    review sites print "1 of 5" for one star, and half-star sites mark their least "0.5 of 5";
    so does a worstRating above 1 on a star or ten-point scale, which is the lowest score given
    ("worstRating": 2 beside five stars), not where the scale starts; negative and other worst
    values map linearly). Without a
    best: values up to 5 are taken as they are, up to 10 as a 10-point scale, up to 100 as
    percentages."""
    if value is None:
        return None
    if best is None or best <= 0:
        if value <= 5:
            best = 5.0
        elif value <= 10:
            best = 10.0
        elif value <= 100:
            best = 100.0
        else:
            return None
    if worst is not None and not 0 <= worst <= 1 and best > worst and not (worst > 1 and best <= 10):
        ratio = (value - worst) / (best - worst)
    else:
        ratio = value / best
    if ratio < 0 or ratio > 1.0001:
        return None
    return round(min(ratio, 1.0) * 5, 2)


# a figure beside a row of five identical filled glyphs, each one character whatever its fill: the
# figure is the rating, the row only draws it
_FIGURE_BY_DRAWN_ROW = re.compile(r"([0-5](?:[.,]\d{1,2})?)\s*(★{5}|⭐{5})|(?:★{5}|⭐{5})\s*([0-5](?:[.,]\d{1,2})?)")


# star glyphs on both sides of a word decorate a name ("°•★ Anna ★•°"): no star row
_DECORATED = re.compile(r"[★⭐🌟☆✩✰][^★⭐🌟☆✩✰]*[^\W\d_]{2}[^★⭐🌟☆✩✰]*[★⭐🌟☆✩✰]")


def rating_from_text(text: str | None, *, any_scale: bool = False) -> float | None:
    """'4,5 of 5' / 'Rated 4 out of 5 stars' / '8/10' / '★★★★☆' / '4.5 stars' → 0-5.

    "x / n" counts as a rating out of 5, 10 or 100; with `any_scale` (text of an element named
    like a rating) out of any n from 3 to 20 as well, e.g. HolidayCheck's "5,2 / 6", and a
    bare percentage ("90 %") as a rating out of 100."""
    if not text:
        return None
    s = ascii_digits(text.replace("\u00a0", " ").strip())
    r = _rating_in(s, any_scale)
    if r is None and not _SCALE_NUMBER_WORDS.isdisjoint(s.lower().split()):  # "4 von fünf Sternen", "beş yıldız
        # üzerinden 4": the scale in words
        r = _rating_in(_scale_figures(s), any_scale)
    return r


def _rating_in(s: str, any_scale: bool) -> float | None:
    m = _OUT_OF.search(s)
    if m:
        v, best = to_number(m.group(1)), to_number(m.group(2))
        if v is not None and best and (best in (5, 10, 100) or any_scale and 3 <= best <= 20) and v <= best:
            return scale_rating(v, best)
    if any_scale:
        m = _PERCENT.fullmatch(s)  # Heureka's "90 %" in an element named like a rating
        if m and float(m.group(1)) <= 100:
            return scale_rating(float(m.group(1)), 100.0)
    m = _OUT_OF_JA.search(s) or _OUT_OF_KO.search(s) or _OUT_OF_FIRST.search(s)
    if m:
        v, best = to_number(m.group(2)), to_number(m.group(1))
        if v is not None and best in (5, 10) and v <= best:
            return scale_rating(v, best)
    m = re.fullmatch(r"([0-5](?:[.,]\d{1,2})?)\s*[★⭐]", s)  # Flipkart's "4★" badge
    if m:
        return scale_rating(to_number(m.group(1)), 5.0)
    m = _FIGURE_BY_DRAWN_ROW.fullmatch(s)  # "3.0★★★★★": five alike, lit by a stylesheet; the figure says
    if m:
        return scale_rating(to_number(m.group(1) or m.group(3)), 5.0)
    filled = sum(s.count(c) for c in _FILLED)
    empty = sum(s.count(c) for c in _EMPTY)
    if filled + empty == 1 and re.search(r"\d", s):
        filled = 0  # one star glyph beside a figure is an icon ("★ 4.92 · 128 reviews"), no 1-star row
    if filled and filled + empty <= 10 and not _DECORATED.search(s):  # (a name between stars: "★ Anna ★")
        half = 0.5 if "½" in s or "⯪" in s else 0.0
        total = filled + empty + (1 if half else 0)
        return scale_rating(filled + half, 10.0 if total == 10 else 5.0)
    m = _STAR_WORD.search(s) or _STARS_KO.search(s)
    if m:
        return scale_rating(to_number(m.group(1) or m.group(2)), 5.0)
    m = _RATED.search(s) or _RATED_AFTER.search(s)
    if m:
        return scale_rating(to_number(m.group(1)))
    return None


# "Rating" in the languages the extractor reads, as a line's label ("Einkunn: 4 af 5")
_RATING_LABEL = re.compile(
    r"(?:rating|rated|score|overall|note|bewertung|évaluation|valoración|puntuación|calificación|valoració|"
    r"valutazione|voto|nota|avaliação|classificação|beoordeling|cijfer|waardering|betyg|vurdering|karakter|"
    r"arvosana|einkunn|hinnang|vērtējums|įvertinimas|ocena|hodnocení|hodnotenie|értékelés|ocjena|оценка|"
    r"оцінка|рейтинг|βαθμολογία|puan|değerlendirme|đánh giá|điểm|penilaian|nilai|peringkat|ukadiriaji|baho|"
    r"qiymət|qiymətləndirmə|შეფასება|գնահատական|ацэнка|評分|评分|評価|평점)", re.I)
_LABELLED_OUT_OF = re.compile(r"(?:" + _RATING_LABEL.pattern + r")\s*[:：՝-]?\s*" + _NUM + r"\s*(?:" + SCALE_WORDS
                              + r")\s*(?:5|10)(?:[.,]0)?", re.I)


def rating_label_line(text: str) -> bool:
    """Whether a line is only a rating's label: "Rating", "Оценка:", or the label and a word or
    two before a colon ("Оценка компании:", "Note globale :")."""
    t = " ".join((text or "").split())
    return len(t) <= 40 and re.fullmatch(r"(?:" + _RATING_LABEL.pattern + r")(?:\s*[:：]?|(?:\s+[^\W\d_]+){1,2}\s*[:：])",
                                         t, re.I) is not None


def labelled_out_of(text: str) -> bool:
    """A rating label and a figure out of 5 or 10, nothing else ("Einkunn: 4 af 5",
    "Գնահատական՝ 4/5"): a rating whatever the element is named."""
    return _LABELLED_OUT_OF.fullmatch(ascii_digits(text.replace("\u00a0", " ").strip())) is not None


def labelled_score(text: str) -> bool:
    """A rating label and its figure, nothing else: "満足度 4", "평점5", "Rating: 4"."""
    text = text.replace("\u00a0", " ").strip()
    return _RATED.fullmatch(text) is not None or _RATED_AFTER.fullmatch(text) is not None


# a bare score in an element named for the rating: "4", "8.5", "4.00", "100", a wine's "92 Points"
BARE_SCORE = re.compile(r"(?:\d{1,2}(?:[.,]\d\d?)?|100)(?:\s*(?:points?|pts|punkte|puntos|punti))?", re.I)


def rating_from_style(style: str | None) -> float | None:
    """'width: 80%' on a star overlay → 4.0 (also 'width: calc(80% - 2px)': Rozetka)."""
    if not style:
        return None
    m = re.search(r"(?:^|;|\s)(?:width|--rating|--percent|--stars-width)\s*:\s*(?:calc\(\s*)?(\d{1,3}(?:\.\d+)?)\s*%",
                  style, re.I)
    if m:
        return scale_rating(float(m.group(1)), 100.0)
    m = re.search(r"--(?:rating|stars|score)\s*:\s*(\d(?:\.\d+)?)\b", style, re.I)
    if m:
        return scale_rating(float(m.group(1)), 5.0)
    return None


# -- language --------------------------------------------------------------------------

def detect_language(text: str | None, page_lang: str | None = None) -> str | None:
    """ISO 639-1 code: the text's language when it is long enough to tell, else the page's."""
    page = (page_lang or "").split("-")[0].split("_")[0].lower() or None
    if not text or len(text) < 25 or (page is not None and len(text) < 60):
        return page  # too short to overrule the page's language: no need to classify
    try:
        from rivalscope.language import identify

        code = identify(text, page)  # the page's language unless the text is clearly another
    except Exception:
        return page
    if page is None:
        return code
    if code != page and len(text) >= 60:
        return code
    return page
