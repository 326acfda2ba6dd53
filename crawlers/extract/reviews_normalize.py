"""Normalising review fields: ratings to 0-5, dates to YYYY-MM-DD, text, language.

Pure functions over strings and lxml elements; nothing here raises on odd input.
"""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone

# -- per-page memo ---------------------------------------------------------------------
# The layout heuristics ask for the same element's text and rating many times (each page,
# then each block, then each field). Inside `page_memo()` the answers are remembered by
# id(element); that is only sound while every element proxy of the tree stays alive, so
# callers hold a list of root.iter() for the whole block and use one tree only.


class _Memo:
    __slots__ = ("text", "rating", "attrs", "solid")

    def __init__(self):
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
_READ_MORE = re.compile(
    r"\s*(?:…|\.\.\.)?\s*(?:read more|show more|see more|mehr lesen|weiterlesen|mehr anzeigen|"
    r"lire la suite|voir plus|leer más|ver más|lees meer|meer lezen|leggi tutto|ler mais)\s*$", re.I)


# the last word of every _READ_MORE phrase: a text ending otherwise skips the pattern
_READ_MORE_ENDS = ("more", "lesen", "anzeigen", "suite", "plus", "más", "meer", "lezen", "tutto", "mais")


def clean_text(text: str | None) -> str | None:
    """NFKC, collapsed whitespace, no trailing "Read more"; None when empty."""
    if text is None:
        return None
    text = _WS.sub(" ", unicodedata.normalize("NFKC", str(text))).strip()
    # the "Read more" pattern is anchored at the end: searching only the tail keeps long
    # texts linear (a match is at most ~20 characters once whitespace is collapsed)
    if text[-9:].lower().endswith(_READ_MORE_ENDS):
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

_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
# "4.5 out of 5", "4,5 of 5", "4 von 5", "4 sur 5", "4 de 5", "4 van 5", "4 su 5", "4/5", "8 / 10"
_OUT_OF = re.compile(
    r"(?<![\d./-])" + _NUM + r"\s*(?:/|out\s+of|of|von|sur|de|van(?:\s+de)?|su|op|(?:ud\s+)?af|av|z|з|из|din|από|dari|trên|מתוך)\s*(\d{1,3})(?:[.,]0{1,2})?(?![\d.,]\d|[./-]\d)", re.I)
# Japanese puts the scale first: "5つ星のうち4.0" (4.0 of 5 stars)
_OUT_OF_JA = re.compile(r"(\d{1,3})つ星のうち\s*" + _NUM)
_STAR_WORD = re.compile(
    _NUM + r"\s*(?:-|\s)?\s*(?:stars?|sterne?n?|étoiles?|etoiles?|estrellas?|sterren|stelle|stella|"
    r"estrelas?|stjerner?|stjärnor?|gwiazdk[ai]|yıldız|hvězdič(?:ka|ky|ek)|звезд[аы]?|points?|punkte?|puntos?|stele|stea|tähteä|tähti|"
    r"αστέρια|αστέρι|csillag|sao|зірок|зірки|зірка|כוכבים|כוכב|星)(?!\w)", re.I)
_RATED = re.compile(r"(?:rated|rating|note|bewertung|bewertet|valoración|puntuación|beoordeling|"
                    r"score|scored|calificación|nota|voto|notă|arvosana|βαθμολογία|평점|bintang|értékelés|"
                    r"оцінка|דירוג|评分|満足度|総合評価|оценка|ocena|hodnotenie|hodnocení|ocjena)\s*:?\s*" + _NUM, re.I)
# Words that follow (or precede: "Отзывы 312") a page's review or rating count.
COUNT_WORDS = (
    r"reviews?|ratings?|bewertungen|rezensionen|avis|évaluations|notes|reseñas|opiniones|valoraciones|"
    r"beoordelingen|recensies|recensioni|valutazioni|avaliações|comentários|erfahrungen|kundenbewertungen|"
    r"stemmen|votes|stimmen|calificaci[oó]n(?:es)?|opinii|opinie|opinia|ocen[ay]?|recenzj[ie]|"
    r"omdömen|recensioner|betyg|anmeldelser|bedømmelser|vurderinger|değerlendirme|yorum|"
    r"recenzí|recenze|hodnocení|отзыв(?:ов|а|ы)?|оцен(?:ок|ки|ка)|件|条|개|"
    r"arvostelua|arvostelut|arvostelu|arviota|arviot|"  # Finnish
    r"αξιολογήσεις|αξιολόγηση|κριτικές|κριτική|"  # Greek
    r"(?:de\s+)?(?:review-uri|recenzii|recenzie|păreri|evaluări)|"  # Romanian ("312 de recenzii")
    r"értékelés|vélemény|"  # Hungarian (also the plural: no \b after these words)
    r"відгук(?:ів|и)?|оцін(?:ок|ки|ка)|"  # Ukrainian
    r"ulasan|penilaian|đánh giá|nhận xét|ביקורות|ביקורת|חוות דעת|דירוגים|"  # Indonesian, Vietnamese, Hebrew
    r"hodnotení|hodnotenia|recenzií|recenzij[ae]|ocjen[ae]|คะแนน|รีวิว|"  # Slovak, Croatian, Thai
    r"리뷰|후기|تقييمات|تقييم|مراجعات|مراجعة")  # Korean, Arabic
# A count: "1,234", "1.234", "1 234", "312", or abbreviated "1.2K", "12k", "1,1 тыс."
COUNT_NUMBER = r"(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d{1,3}(?:[.,]\d)?\s?(?:[kKmM]|тыс\.?)(?![^\W\d_])|\d+)"
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
    s = str(value).strip().replace("\u00a0", " ")
    m = re.search(r"-?\d+(?:[.,]\d+)?", s)
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", "."))
    except ValueError:
        return None


def scale_rating(value: float | None, best: float | None = None, worst: float | None = None) -> float | None:
    """A rating on its own scale → 0-5 (rounded to 2 places).

    With bestRating known: value / best * 5 (a worstRating of 0 or 1 keeps that ratio, since
    review sites print "1 of 5" for one star; other worst values map linearly). Without a
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
    if worst is not None and worst not in (0, 1) and best > worst:
        ratio = (value - worst) / (best - worst)
    else:
        ratio = value / best
    if ratio < 0 or ratio > 1.0001:
        return None
    return round(min(ratio, 1.0) * 5, 2)


def rating_from_text(text: str | None, *, any_scale: bool = False) -> float | None:
    """'4,5 of 5' / 'Rated 4 out of 5 stars' / '8/10' / '★★★★☆' / '4.5 stars' → 0-5.

    "x / n" counts as a rating out of 5, 10 or 100; with `any_scale` (text of an element named
    like a rating) out of any n from 3 to 20 as well, e.g. HolidayCheck's "5,2 / 6", and a
    bare percentage ("90 %") as a rating out of 100."""
    if not text:
        return None
    s = text.replace("\u00a0", " ").strip()
    m = _OUT_OF.search(s)
    if m:
        v, best = to_number(m.group(1)), to_number(m.group(2))
        if v is not None and best and (best in (5, 10, 100) or any_scale and 3 <= best <= 20) and v <= best:
            return scale_rating(v, best)
    if any_scale:
        m = _PERCENT.fullmatch(s)  # Heureka's "90 %" in an element named like a rating
        if m and float(m.group(1)) <= 100:
            return scale_rating(float(m.group(1)), 100.0)
    m = _OUT_OF_JA.search(s)
    if m:
        v, best = to_number(m.group(2)), to_number(m.group(1))
        if v is not None and best in (5, 10) and v <= best:
            return scale_rating(v, best)
    m = re.fullmatch(r"([0-5](?:[.,]\d{1,2})?)\s*[★⭐]", s)  # Flipkart's "4★" badge
    if m:
        return scale_rating(to_number(m.group(1)), 5.0)
    filled = sum(s.count(c) for c in _FILLED)
    empty = sum(s.count(c) for c in _EMPTY)
    if filled + empty == 1 and re.search(r"\d", s):
        filled = 0  # one star glyph beside a figure is an icon ("★ 4.92 · 128 reviews"), no 1-star row
    if filled and filled + empty <= 10:
        half = 0.5 if "½" in s or "⯪" in s else 0.0
        total = filled + empty + (1 if half else 0)
        return scale_rating(filled + half, 10.0 if total == 10 else 5.0)
    m = _STAR_WORD.search(s)
    if m:
        return scale_rating(to_number(m.group(1)), 5.0)
    m = _RATED.search(s)
    if m:
        return scale_rating(to_number(m.group(1)))
    return None


def labelled_score(text: str) -> bool:
    """A rating label and its figure, nothing else: "満足度 4", "평점5", "Rating: 4"."""
    return _RATED.fullmatch(text.replace("\u00a0", " ").strip()) is not None


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


# -- dates -----------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|okt|dez|mär|"
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "janv|févr|fév|avr|juil|déc|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "ene|abr|ago|dic|"
    "januari|februari|maart|mei|augustus|juni|juli|okt|"
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    "maj|augusti|marts|"  # Swedish, Danish, Norwegian (the rest are spelt as above)
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
    "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"  # Romanian
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|"  # Finnish
    "syyskuuta|lokakuuta|marraskuuta|joulukuuta|"
    "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|"  # Greek
    "οκτωβρίου|νοεμβρίου|δεκεμβρίου|"
    "január|február|március|április|május|június|július|augusztus|szeptember|október|"  # Hungarian
    "febr|márc|ápr|máj|jún|júl|szept|"
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"  # Ukrainian
    "maret|agustus|desember|"  # Indonesian (the rest are spelt as above)
    "januára|februára|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra|"  # Slovak
    "siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|studenog|prosinca"  # Croatian
)
# Portuguese short months that are also words ("4 out of 5", "set"): dates only with a year
_MONTHS_YEAR_ONLY = "fev|set|out"
# Thai months, full and abbreviated (dateparser reads "มี.ค." as January): parsed here
_MONTHS_TH = [("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
              ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
              ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค.")]
_TH_MONTH = {name: i for i, names in enumerate(_MONTHS_TH, 1) for name in names}
_TH_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*(" + "|".join(re.escape(n) for n in sorted(_TH_MONTH, key=len, reverse=True))
                      + r")\s*(\d{4})(?!\d)")
# Hebrew months, with the "in" prefix they take in a date ("12 במרץ 2024")
_MONTHS_HE = "ב?(?:ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר)"
_MONTHS_AR = "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
_MONTH_RE = r"(?:" + _MONTHS + "|" + _MONTHS_HE + "|" + _MONTHS_AR + r")\.?"
# Numeric dates are bounded by non-digits rather than \b: text joined from inline elements
# runs a name into a date ("Linda12/03/2024").
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d])"),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er|e|º)?\.?\s+(?:de\s+)?" + _MONTH_RE + r",?\s+(?:de\s+)?\d{4}\b", re.I),
    re.compile(r"\b" + _MONTH_RE + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", re.I),
    re.compile(r"(?<!\d)(?<!\d[./-])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?!\d|[./]\d)"),
    re.compile(r"(?<!\d)(?<!\d[./-])\d{1,2}-\d{1,2}-\d{4}(?!\d|-\d)"),
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}/\d{1,2}/\d{1,2}(?!\d|/\d)"),
    # year first with dots (Korean, Chinese, Hungarian shops): "2024.03.12", "2024. 3. 12."
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}\. ?\d{1,2}\. ?\d{1,2}(?!\d|\.\d)\.?"),
    re.compile(r"\b\d{4}年\d{1,2}月\d{1,2}日"),
    # year first with a month name (Hungarian): "2024. március 12.", "2024. márc. 12."
    re.compile(r"(?<!\d)\d{4}\.\s*" + _MONTH_RE + r"\s*\d{1,2}(?!\d)\.?", re.I),
    # Vietnamese: "12 tháng 3, 2024", "ngày 12 tháng 3 năm 2024", "12 thg 3 2024"
    re.compile(r"(?<!\d)\d{1,2}\s+(?:tháng|thg)\s+\d{1,2}(?:,\s*|\s+năm\s+|\s+)\d{4}(?!\d)", re.I),
    re.compile(r"(?<!\d)\d{4}년 ?\d{1,2}월 ?\d{1,2}일"),
    re.compile(r"\b\d{1,2}\s+(?:de\s+)?(?:" + _MONTHS_YEAR_ONLY + r")\.?\s+(?:de\s+)?\d{4}\b", re.I),  # "20 out. 2023"
    _TH_DATE,  # "12 มี.ค. 2024", "12 มีนาคม 2567" (Buddhist era)
]
# Day and month without a year ("Posted: 12 March", "March 12"): the latest such date that
# is not in the future. Listed after the dated forms, which win when both match.
_YEARLESS_PATTERNS = [
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er|e|º)?\.?\s+(?:de\s+)?" + _MONTH_RE + r"(?![\w-])(?!,?\s*(?:de\s+)?\d)", re.I),
    # month first is English: capitalised, so "you may 5 times" is no date
    re.compile(r"\b(?:" + "|".join(m.capitalize() for m in _MONTHS.split("|")) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*\d)"),
]
_DATE_PATTERNS += _YEARLESS_PATTERNS
_UNIT = (r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
         r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|"
         r"secondes?|heures?|jours?|semaines?|mois|ans?|années?|"
         r"segundos?|horas?|días?|dias?|semanas?|mes(?:es)?|años?|"
         r"seconden|uur|uren|dag(?:en)?|weken|week|maand(?:en)?|jaar|jaren|"
         r"giorni|giorno|settimane?|mesi|mese|anni|anno|ore|ora|"
         r"dagar|veckor|vecka|månader|månad|år|timmar|timme|minuter|"  # Swedish
         r"dage|dager|uger|uge|uker|uke|måneder|måned|timer|time|"  # Danish, Norwegian
         r"gün|hafta|ay|yıl|saat|dakika|"  # Turkish
         r"dni|dzień|tygodnie|tygodni|tydzień|miesiące|miesięcy|miesiąc|lata|lat|rok|godziny|godzin|godzinę|"
         r"dny|dnem|dní|týdny|týdnem|měsíci|měsícem|lety|rokem|hodinami|hodinou|"  # Czech
         r"день|дня|дней|недели|недель|неделю|месяца|месяцев|месяц|года|год|лет|часа|часов|час|"
         r"zile|zi|săptămâni|săptămână|luni|lună|ani|an|ore|oră|"  # Romanian
         r"päivää|päivä|viikkoa|viikko|kuukautta|kuukausi|vuotta|vuosi|tuntia|tunti|"  # Finnish
         r"ημέρες|ημέρα|μέρες|μέρα|εβδομάδες|εβδομάδα|μήνες|μήνα|χρόνια|χρόνο|ώρες|ώρα|"  # Greek
         r"hari|minggu|bulan|tahun|jam|menit|detik|"  # Indonesian
         r"днів|дні|тижнів|тижні|тиждень|місяців|місяці|місяць|років|роки|рік|годин|години|годину|хвилин|"  # Ukrainian
         r"ngày|tuần|tháng|năm|giờ|phút|"  # Vietnamese
         r"dňami|dňom|týždňami|týždňom|mesiacmi|mesiacom|rokmi|rokom|hodinami|hodinou|"  # Slovak
         r"dana|tjedna|tjedan|mjeseci|mjeseca|mjesec|godina|godine|sati|sata)")  # Croatian
_QTY = r"(?:\d+|an?|one|einem|einer|un[ae]?|una|uno|een|en|ett|et|bir)"
_RELATIVE_PATTERNS = [
    re.compile(_QTY + r"\s+" + _UNIT + r"\s+ago\b", re.I),
    re.compile(r"\b\d+\s?(?:m|min|h|hr|hrs|d|w|mo|y|yr|yrs)\s+ago\b", re.I),  # "5h ago", "3d ago", "2w ago"
    re.compile(r"\bvor\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\bil\s+y\s+a\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\bhace\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+geleden\b", re.I),
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+fa\b", re.I),
    re.compile(r"\bhá\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+(?:sedan|siden|önce|temu|назад)(?!\w)", re.I),
    re.compile(r"\bp[řr]ed\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),  # Czech "před", Slovak "pred"
    re.compile(r"\bprije\s+\d+\s+" + _UNIT + r"\b", re.I),  # Croatian "prije 3 dana"
    re.compile(r"(?<!\d)\d+\s*(?:วัน|สัปดาห์|เดือน|ปี|ชั่วโมง|นาที)\s*ที่แล้ว"),  # Thai "3 วันที่แล้ว"
    re.compile(r"\bacum\s+(?:o\s+|un\s+)?(?:\d+\s+(?:de\s+)?)?" + _UNIT + r"(?!\w)", re.I),  # "acum 3 zile"
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+sitten\b", re.I),  # "3 päivää sitten"
    re.compile(r"πριν(?:\s+από)?\s+\d+\s+" + _UNIT + r"(?!\w)", re.I),  # "πριν από 3 ημέρες"
    re.compile(r"(?<!\d)\d+\s?(?:일|주|개월|달|년|시간|분)\s?전"),  # "3일 전"
    re.compile(r"\b\d+\s+" + _UNIT + r"\s+(?:lalu|тому|trước)(?!\w)", re.I),  # "3 hari lalu", "3 дні тому", "3 ngày trước"
    re.compile(r"\b\d+\s+(?:napja|hete|hónapja|éve|órája|perce)(?!\w)", re.I),  # Hungarian: "3 napja"
    re.compile(r"(?<!\d)\d+\s?(?:天|周|个星期|個星期|个月|個月|年|小时|小時|分钟|分鐘)前"),  # "3天前"
    re.compile(r"לפני\s+\d+\s+(?:ימים|יום|שבועות|שבוע|חודשים|חודש|שנים|שנה|שעות|שעה|דקות)(?!\w)"),  # Hebrew
    re.compile(r"\b(?:yesterday|today|gestern|heute|vorgestern|hier|aujourd'hui|avant-hier|ayer|hoy|"
               r"anteayer|gisteren|vandaag|eergisteren|ieri|oggi|ontem|hoje|igår|idag|i går|i dag|dün|bugün|"
               r"wczoraj|dzisiaj|dziś|včera|dnes|вчера|сегодня|ieri|azi|astăzi|eilen|tänään|χθες|σήμερα|"
               r"어제|오늘|kemarin|hari ini|tegnap|вчора|сьогодні|hôm qua|hôm nay|אתמול|היום|jučer|danas)(?!\w)", re.I),
    re.compile(r"昨天|今天|เมื่อวาน|วันนี้"),
]
_DATEPARSER_LANGS = {"en", "de", "fr", "es", "nl", "it", "pt", "da", "sv", "nb", "fi", "pl", "cs", "ru",
                     "tr", "ja", "zh", "ro", "el", "ko", "hu", "uk", "id", "vi", "he", "sk", "hr", "th", "ar"}


def _utc_naive(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is not None:
        now = now.astimezone(timezone.utc).replace(tzinfo=None)
    return now


_MONTH_YEAR = re.compile(_MONTH_RE + r",?\s+\d{4}", re.I)


def month_only(text: str) -> bool:
    """A month and a year, no day ("March 2024", "Mar, 2024"): a date too vague to store, and
    no title either."""
    return _MONTH_YEAR.fullmatch(text.strip()) is not None


def find_date_text(text: str | None) -> str | None:
    """The first date-looking substring of a text (absolute first, then relative)."""
    if not text:
        return None
    best = None
    for pat in _DATE_PATTERNS + _RELATIVE_PATTERNS:
        m = pat.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best.group(0) if best else None


def parse_date(text: str | None, *, now: datetime | None = None, lang: str | None = None,
               region: str | None = None) -> str | None:
    """A date string in any common form → 'YYYY-MM-DD' (None when unsure).

    Relative dates ("3 days ago", "vor 2 Wochen") count back from `now`. Numeric dates
    are day-first except on English pages outside the UK/IE/AU/NZ/IN."""
    if not text:
        return None
    s = str(text).strip()
    if not s:
        return None
    now_n = _utc_naive(now)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), now_n)
    frag = find_date_text(s) or (s if len(s) <= 40 else None)
    if not frag:
        return None
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", frag) or re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", frag)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100 and "." in frag and lang in ("ko", "ja", "zh"):
            return _valid(2000 + a, b, y, now_n)  # year first there: "24.03.12." is 2024-03-12
        if y < 100:
            y += 2000
        mdy = (lang or "en") == "en" and (region or "").upper() not in ("GB", "UK", "IE", "AU", "NZ", "IN", "ZA")
        if "." in frag or "-" in frag:
            mdy = False
        if a > 12:
            mdy = False
        elif b > 12:
            mdy = True
        return _valid(y, a, b, now_n) if mdy else _valid(y, b, a, now_n)
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", frag)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), now_n)
    m = (re.fullmatch(r"(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\.?", frag)
         or re.fullmatch(r"(\d{4})년 ?(\d{1,2})월 ?(\d{1,2})일", frag))
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), now_n)
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", frag)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), now_n)
    m = _TH_DATE.fullmatch(frag)
    if m:
        y = int(m.group(3))
        return _valid(y - 543 if y > 2400 else y, _TH_MONTH[m.group(2)], int(m.group(1)), now_n)
    try:
        import dateparser

        languages = None
        if lang in _DATEPARSER_LANGS:
            languages = [lang] if lang == "en" else [lang, "en"]
        if _is_relative(frag):
            parts = []
        elif any(p.fullmatch(frag) for p in _YEARLESS_PATTERNS):
            parts = ["day", "month"]  # the year: the latest that is not in the future
        else:
            parts = ["day", "month", "year"]
        settings = {"RELATIVE_BASE": now_n, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": parts,
                    "RETURN_AS_TIMEZONE_AWARE": False}
        parsed = dateparser.parse(frag, languages=languages, settings=settings)
        if parsed is None and languages:
            parsed = dateparser.parse(frag, settings=settings)
    except Exception:
        return None
    if parsed is None:
        return None
    return _valid(parsed.year, parsed.month, parsed.day, now_n)


def _is_relative(frag: str) -> bool:
    return any(p.fullmatch(frag.strip()) or p.search(frag) for p in _RELATIVE_PATTERNS)


def _valid(y: int, mo: int, d: int, now: datetime) -> str | None:
    try:
        dt = datetime(y, mo, d)
    except ValueError:
        return None
    if y < 1995 or (dt - now).days > 2:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


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
