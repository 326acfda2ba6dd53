"""Review dates in any common form and language → YYYY-MM-DD: absolute ("12 mars 2024",
"2024. március 12.", "12 มี.ค. 2567", "۲۲ اسفند ۱۴۰۲"), numeric (day or month first by the
page's language and region), relative ("3 days ago") and yearless ("12 March").

Pure functions over strings; nothing here raises on odd input.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from .reviews_normalize import ascii_digits

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
    "януари|февруари|април|май|юни|юли|септември|октомври|ноември|декември|"  # Bulgarian (март, август: below)
    "јануар|фебруар|март|мај|јун|јул|август|септембар|октобар|новембар|децембар|"  # Serbian, Cyrillic (април: above)
    "avgust|septembar|oktobar|novembar|decembar|"  # Serbian, Latin (the rest are spelt as above)
    "januára|februára|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra|"  # Slovak
    "siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|studenog|prosinca|"  # Croatian
    "jaanuar|veebruar|märts|aprill|juuni|juuli|oktoober|detsember|"  # Estonian (the rest are spelt as above)
    "marec|junij|julij|januarja|februarja|aprila|junija|julija|avgusta|oktobra|novembra|decembra|"  # Slovenian
    "mac|julai|ogos|ogo|disember|dis|"  # Malay (the rest are spelt as above)
    "gener|febrer|març|maig|juny|juliol|setembre|desembre|"  # Catalan (the rest are spelt as above)
    "јануари|јуни|јули|"  # Macedonian (the rest are spelt as in Bulgarian or Serbian)
    "janar|shkurt|prill|qershor|korrik|gusht|shtator|tetor|nëntor|dhjetor|"  # Albanian (mars, maj: above)
    "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|"  # Kazakh
    "जनवरी|फ़रवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|"  # Hindi
    "იანვარი|თებერვალი|მარტი|აპრილი|მაისი|ივნისი|ივლისი|აგვისტო|სექტემბერი|ოქტომბერი|ნოემბერი|დეკემბერი|"  # Georgian
    "জানুয়ারী|জানুয়ারি|ফেব্রুয়ারী|ফেব্রুয়ারি|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর|"  # Bengali
    "yanvar|fevral|aprel|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|"  # Azerbaijani (mart, may: above)
    "جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|"  # Urdu
    "pebrero|marso|hunyo|hulyo|setyembre|oktubre|nobyembre|disyembre|"  # Filipino (the rest are spelt as in Spanish)
    "հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|նոյեմբերի|դեկտեմբերի|"  # Armenian
    "հունվար|փետրվար|մարտ|ապրիլ|մայիս|հունիս|հուլիս|օգոստոս|սեպտեմբեր|հոկտեմբեր|նոյեմբեր|դեկտեմբեր|"  # (nominative)
    "machi|aprili|agosti|septemba|oktoba|novemba|desemba|"  # Swahili (the rest are spelt as above)
    "sentabr|oktabr|"  # Uzbek (the rest are spelt as in Azerbaijani or Serbian)
    "janúar|febrúar|apríl|maí|júní|júlí|ágúst|nóvember|"  # Icelandic (the rest are spelt as above)
    "फेब्रुअरी|अप्रिल|मे|जुन|अगस्ट|सेप्टेम्बर|अक्टोबर|नोभेम्बर|डिसेम्बर|"  # Nepali (the rest are spelt as in Hindi)
    "ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|செப்டம்பர்|அக்டோபர்|நவம்பர்|டிசம்பர்|"  # Tamil
    "студзеня|лютага|сакавіка|красавіка|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|снежня"  # Belarusian (мая, лістапада: above)
)
# Month names dateparser does not read (Slovenian genitives, "12. marca 2024"; the same
# spellings are Polish or Slovak months with the same numbers): parsed here
_MONTH_NUMBER = {name: i for i, name in enumerate(
    ["januarja", "februarja", "marca", "aprila", "maja", "junija", "julija", "avgusta", "septembra", "oktobra",
     "novembra", "decembra"], 1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+(" + "|".join(_MONTH_NUMBER) + r")\s+(\d{4})", re.I)
# Short months that are also words ("4 out of 5", "set") or abbreviations too short to trust
# alone (Portuguese; Polish, Russian, Ukrainian, Greek, Dutch "12 мар. 2024"): dates only with a year
_MONTHS_YEAR_ONLY = ("fev|set|out|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек|"
                     "січ|лют|берез|бер|квіт|трав|черв|лип|серп|верес|вер|жовт|листоп|лист|груд|ιαν|φεβ|μαρ|απρ|μα[ΐι]|ιουν|ιουλ|αυγ|σεπ|"
                     "οκτ|νοε|δεκ|mrt")
# Lithuanian, year first: "2024 m. kovo 12 d." (dateparser does not read it)
_LT_MONTHS = {name: i for i, name in enumerate(
    ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo", "spalio",
     "lapkričio", "gruodžio"], 1)}
_LT_DATE = re.compile(r"(?<!\d)(\d{4})\s*m\.\s*(" + "|".join(_LT_MONTHS) + r")\s+(\d{1,2})\s*d\.", re.I)
# Thai months, full and abbreviated (dateparser reads "มี.ค." as January): parsed here
_MONTHS_TH = [("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
              ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
              ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค.")]
_TH_MONTH = {name: i for i, names in enumerate(_MONTHS_TH, 1) for name in names}
_TH_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*(" + "|".join(re.escape(n) for n in sorted(_TH_MONTH, key=len, reverse=True))
                      + r")\s*(\d{4})(?!\d)")
# Solar Hijri (Persian) months: "۲۲ اسفند ۱۴۰۲" is 2024-03-12
_FA_MONTH = {name: i for i, name in enumerate(
    ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"], 1)}
_FA_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*(" + "|".join(_FA_MONTH) + r")\s*(1[34]\d\d)(?!\d)")


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """A Solar Hijri date as a Gregorian (year, month, day), counted from 1 Farvardin 1403 =
    2024-03-20 with the 33-year leap rule (Iran's calendar agrees with it for these decades)."""
    delta = _jalali_days(jy, jm, jd) - _jalali_days(1403, 1, 1)
    d = date(2024, 3, 20) + timedelta(days=delta)
    return d.year, d.month, d.day


def _jalali_days(jy: int, jm: int, jd: int) -> int:
    """Days from 1 Farvardin 1 AP: 31-day months first, then 30-day ones."""
    n = jy - 1
    leaps = n // 33 * 8 + sum(1 for y in range(n - n % 33 + 1, n + 1) if (25 * y + 11) % 33 < 8)
    return n * 365 + leaps + (jm - 1) * 31 - max(0, jm - 7) + jd - 1


# Hebrew months, with the "in" prefix they take in a date ("12 במרץ 2024")
_MONTHS_HE = "ב?(?:ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר)"
_MONTHS_AR = "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
_MONTH_RE = r"(?:" + _MONTHS + "|" + _MONTHS_HE + "|" + _MONTHS_AR + r")\.?"
_DAY_MONTH_YY = re.compile(r"(?<!\d)(\d{1,2})\s+(" + _MONTH_RE + r")\s+(\d{2})(?![\d:,/]|\.\d|\s*\w)", re.I)
# Numeric dates are bounded by non-digits rather than \b: text joined from inline elements
# runs a name into a date ("Linda12/03/2024").
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d])"),
    # (a name may run into the day: "अमित2 अप्रैल 2024")
    re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th|er|e|º)?\.?\s+(?:de\s+)?" + _MONTH_RE + r",?\s+(?:de\s+)?\d{4}\b", re.I),
    # (a comma may follow the month: "February, 01 2014")
    re.compile(r"\b" + _MONTH_RE + r",?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", re.I),
    re.compile(r"(?<!\d)(?<![\w-])\d{1,2}-" + _MONTH_RE + r"-\d{4}\b", re.I),  # hyphens: "16-Apr-2018"
    # a two-figure year after the day and the month's name (a short British form, "22 Apr 19"; no
    # time "22 Apr 19:30", no count after it)
    _DAY_MONTH_YY,
    # (one separator twice: "9.5/10" is a score, not a date)
    re.compile(r"(?<!\d)(?<!\d[./-])\d{1,2}([./])\d{1,2}\1(?:\d{4}|\d{2})(?!\d|[./]\d)"),
    re.compile(r"(?<!\d)(?<!\d[./-])\d{1,2}-\d{1,2}-\d{4}(?!\d|-\d)"),
    # day first with dots and spaces (Slovenian, Czech, Slovak): "12. 3. 2024"
    re.compile(r"(?<!\d)(?<!\d[./-])\d{1,2}\.\s\d{1,2}\.\s?\d{4}(?!\d)"),
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}/\d{1,2}/\d{1,2}(?!\d|/\d)"),
    # year first with dots (Korean, Chinese, Hungarian shops): "2024.03.12", "2024. 3. 12."
    re.compile(r"(?<!\d)(?<!\d[./-])\d{4}\. ?\d{1,2}\. ?\d{1,2}(?!\d|\.\d)\.?"),
    re.compile(r"(?<!\d)\d{4}年\d{1,2}月\d{1,2}日"),  # (after a word: "发布于2024年3月12日")
    # year first with a month name (Hungarian): "2024. március 12.", "2024. márc. 12."
    re.compile(r"(?<!\d)\d{4}\.\s*" + _MONTH_RE + r"\s*\d{1,2}(?!\d)\.?", re.I),
    # Vietnamese: "12 tháng 3, 2024", "ngày 12 tháng 3 năm 2024", "12 thg 3 2024"
    re.compile(r"(?<!\d)\d{1,2}\s+(?:tháng|thg)\s+\d{1,2}(?:,\s*|\s+năm\s+|\s+)\d{4}(?!\d)", re.I),
    re.compile(r"(?<!\d)\d{4}년 ?\d{1,2}월 ?\d{1,2}일"),
    re.compile(r"\b\d{1,2}\s+(?:de\s+)?(?:" + _MONTHS_YEAR_ONLY + r")\.?\s+(?:de\s+)?\d{4}\b", re.I),  # "20 out. 2023"
    _TH_DATE,  # "12 มี.ค. 2024", "12 มีนาคม 2567" (Buddhist era)
    _FA_DATE,  # "22 اسفند 1402" (Solar Hijri)
    _LT_DATE,  # "2024 m. kovo 12 d."
]
# Day and month without a year ("Posted: 12 March", "March 12"): the latest such date that
# is not in the future. Listed after the dated forms, which win when both match.
_YEARLESS_PATTERNS = [
    # (a time may follow, "12 марта, 14:22" (Wildberries), a year not)
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er|e|º)?\.?\s+(?:de\s+)?" + _MONTH_RE
               + r"(?![\w-])(?!,?\s*(?:de\s+)?\d(?!\d?:\d\d))", re.I),
    # month first is English: capitalised, so "you may 5 times" is no date
    re.compile(r"\b(?:" + "|".join(m.capitalize() for m in _MONTHS.split("|")) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*\d)"),
]
_DATE_PATTERNS += _YEARLESS_PATTERNS
_UNIT = (r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
         r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|"
         r"secondes?|heures?|jours?|semaines?|mois|ans?|années?|"
         r"segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|mês|años?|anos?|"
         r"seconden|uur|uren|dag(?:en)?|weken|week|maand(?:en)?|jaar|jaren|"
         r"giorni|giorno|settimane|settimana|mesi|mese|anni|anno|ore|ora|minuti|minuto|secondi|secondo|"
         r"dagar|veckor|vecka|månader|månad|år|timmar|timme|minuter|"  # Swedish
         r"dage|dager|uger|uge|uker|uke|måneder|måned|timer|time|"  # Danish, Norwegian
         r"gün|hafta|ay|yıl|saat|dakika|"  # Turkish
         r"dni|dzień|tygodnie|tygodni|tydzień|miesiące|miesięcy|miesiąc|lata|lat|rok|godziny|godzin|godzinę|"
         r"dny|dnem|dní|týdny|týdnem|měsíci|měsícem|lety|rokem|hodinami|hodinou|minutami|minutou|sekundami|"  # Czech
         r"день|дня|дней|недели|недель|неделю|месяца|месяцев|месяц|года|год|лет|часа|часов|час|"
         r"zile|zi|săptămâni|săptămână|luni|lună|ani|an|ore|oră|"  # Romanian
         r"päivää|päivä|viikkoa|viikko|kuukautta|kuukausi|vuotta|vuosi|tuntia|tunti|"  # Finnish
         r"ημέρες|ημέρα|μέρες|μέρα|εβδομάδες|εβδομάδα|μήνες|μήνα|χρόνια|χρόνο|ώρες|ώρα|"  # Greek
         r"hari|minggu|bulan|tahun|jam|menit|detik|"  # Indonesian
         r"днів|дні|тижнів|тижні|тиждень|місяців|місяці|місяць|років|роки|рік|годин|години|годину|хвилин|"  # Ukrainian
         r"ngày|tuần|tháng|năm|giờ|phút|"  # Vietnamese
         r"dňami|dňom|týždňami|týždňom|mesiacmi|mesiacom|rokmi|rokom|hodinami|hodinou|"  # Slovak
         r"dana|tjedna|tjedan|mjeseci|mjeseca|mjesec|godina|godine|sati|sata)")  # Croatian
# a feed's time stamp for what was posted seconds, minutes or hours before, as the whole text of
# its element, with no word for "ago": "たった今" (just now), "45秒", "2分", "3時間" (a film site);
# a bare day count is left out ("23日" is a day of the month)
_ELAPSED = re.compile(r"^\s*(?:たった今|刚刚|剛剛|방금|(\d{1,2})\s?(秒|分|時間|分钟|分鐘|小时|小時|초|분|시간))\s*$")
_ELAPSED_UNIT = {"秒": 1, "초": 1, "分": 60, "分钟": 60, "分鐘": 60, "분": 60, "時間": 3600, "小时": 3600, "小時": 3600,
                 "시간": 3600}
_QTY = r"(?:\d+|an?|one|einem|einer|un[ae]?|una|uno|uma|um|een|en|ett|et|bir)"
# Lithuanian ("prieš 3 dienas") and Estonian ("3 päeva tagasi") units, which dateparser does not read: in English
_LT_ET_EN = {"dien": "days", "savait": "weeks", "mėnes": "months", "met": "years", "valand": "hours",
             "päev": "days", "nädal": "weeks", "kuu": "months", "aasta": "years", "tund": "hours"}
_LT_ET_UNIT = (r"dienas|dieną|dienų|savaites|savaitę|savaičių|mėnesius|mėnesį|mėnesių|metus|metų|valandas|valandą|valandų|"
               r"päeva|päev|nädalat|nädal|kuud|kuu|aastat|aasta|tundi|tund")
# a unit alone meaning one of it before "ago" (Russian, Ukrainian, Polish): "неделю назад" (a week ago)
_BARE_UNIT = r"неделю|месяц|год|час|минуту|тиждень|місяць|рік|годину|хвилину|tydzień|miesiąc|rok|godzinę|minutę"
# "one" in the languages whose "ago" follows the unit and which dateparser reads only as a figure
_ONE = r"(?:một|satu|один|одна|одну)"
_ONE_FIRST = re.compile(r"^(?:" + _ONE + r"|egy)(?=\s)", re.I)  # (parse_date: each of these stands for a figure 1)
_ARTICLE_ONE = re.compile(r"(?<!\w)(?:(?:un[ae]?|una|uno|uma|um|een|bir)\s+|un['’]\s?)(?=" + _UNIT + r"(?!\w))", re.I)
_BARE_FIRST = re.compile(r"^(?=(?:" + _BARE_UNIT + r")\s)", re.I)
_LT_ET_AGO = re.compile(r"(?:prieš\s+)?(\d+)\s+(" + _LT_ET_UNIT + r")(?:\s+tagasi)?", re.I)
# a relative day word ("today", "gestern", "hier", "hôm nay"...)
_DAY_WORD = re.compile(r"\b(?:yesterday|today|gestern|heute|vorgestern|hier|aujourd'hui|avant-hier|ayer|hoy|"
                       r"anteayer|gisteren|vandaag|eergisteren|ieri|oggi|ontem|hoje|igår|idag|i går|i dag|dün|bugün|"
                       r"wczoraj|dzisiaj|dziś|včera|dnes|вчера|сегодня|ieri|azi|astăzi|eilen|tänään|χθες|σήμερα|"
                       r"어제|오늘|kemarin|hari ini|tegnap|вчора|сьогодні|hôm qua|hôm nay|אתמול|היום|jučer|danas)(?!\w)", re.I)
_RELATIVE_PATTERNS = [
    re.compile(_QTY + r"\s+" + _UNIT + r",?\s+(?:and\s+)?\d+\s+" + _UNIT + r"\s+ago\b", re.I),  # "1 day, 5 hours ago"
    re.compile(_QTY + r"\s+" + _UNIT + r"\s+ago\b", re.I),
    re.compile(r"\b\d+\s?(?:m|min|h|hr|hrs|d|w|mo|y|yr|yrs)\s+ago\b", re.I),  # "5h ago", "3d ago", "2w ago"
    re.compile(r"\bvor\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\bil\s+y\s+a\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\bhace\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+geleden\b", re.I),
    re.compile(r"\b(?:" + _QTY + r"\s+|un['’]\s?)" + _UNIT + r"\s+fa\b", re.I),  # "3 giorni fa", "un'ora fa"
    re.compile(r"\bhá\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+(?:sedan|siden|önce|temu|назад|atrás|tagasi)(?!\w)", re.I),
    # one unit with no figure, "one" being understood: "неделю назад", "rok temu", "před týdnem", "sebulan lalu"
    re.compile(r"(?<!\w)(?:" + _BARE_UNIT + r")\s+(?:назад|тому|temu)(?!\w)|\bp[řr]ed\s+(?:týdnem|měsícem|rokem|hodinou|"
               r"minutou)(?!\w)|\bse(?:minggu|bulan|tahun|hari|jam)\s+(?:yang\s+)?lalu\b", re.I),
    re.compile(r"\bprieš\s+\d+\s+(?:" + _LT_ET_UNIT + r")(?!\w)|\b\d+\s+(?:" + _LT_ET_UNIT + r")\s+tagasi(?!\w)", re.I),
    # "last week" in other languages (English's is below)
    re.compile(r"\b(?:geçen\s+(?:hafta|ay|yıl)|la\s+semaine\s+dernière|le\s+mois\s+dernier|letzte[nm]?\s+(?:Woche|Monat|Jahr)|"
               r"la\s+semana\s+pasada|el\s+mes\s+pasado|vorige\s+(?:week|maand)|förra\s+(?:veckan|månaden|året))(?!\w)", re.I),
    re.compile(r"\bp[řr]ed\s+" + _QTY + r"\s+" + _UNIT + r"\b", re.I),  # Czech "před", Slovak "pred"
    re.compile(r"\bprije\s+\d+\s+" + _UNIT + r"\b", re.I),  # Croatian "prije 3 dana"
    re.compile(r"(?<!\d)\d+\s*(?:วัน|สัปดาห์|เดือน|ปี|ชั่วโมง|นาที)\s*ที่แล้ว"),  # Thai "3 วันที่แล้ว"
    re.compile(r"\bacum\s+(?:o\s+|un\s+)?(?:\d+\s+(?:de\s+)?)?" + _UNIT + r"(?!\w)", re.I),  # "acum 3 zile"
    re.compile(r"\b" + _QTY + r"\s+" + _UNIT + r"\s+sitten\b", re.I),  # "3 päivää sitten"
    re.compile(r"πριν(?:\s+από)?\s+\d+\s+" + _UNIT + r"(?!\w)", re.I),  # "πριν από 3 ημέρες"
    re.compile(r"(?<!\d)\d+\s?(?:일|주|개월|달|년|시간|분)\s?전"),  # "3일 전"
    re.compile(r"\b(?:\d+|" + _ONE + r")\s+" + _UNIT + r"\s+(?:lalu|тому|trước)(?!\w)", re.I),  # "3 hari lalu", "một năm trước"
    re.compile(r"\b(?:\d+|egy)\s+(?:napja|hete|hónapja|éve|órája|perce)(?!\w)", re.I),  # Hungarian: "3 napja", "egy hete"
    re.compile(r"(?<!\d)\d+\s?(?:天|周|个星期|個星期|个月|個月|年|小时|小時|分钟|分鐘)前"),  # "3天前"
    re.compile(r"(?<!\d)\d+\s?(?:日|週間|か月|ヶ月|ヵ月|カ月|ケ月|時間|分)前"),  # Japanese "3 か月前", "2週間前"
    re.compile(r"לפני\s+\d+\s+(?:ימים|יום|שבועות|שבוע|חודשים|חודש|שנים|שנה|שעות|שעה|דקות)(?!\w)"),  # Hebrew
    _DAY_WORD,
    # (a day word run on into four more ideographs opens a sentence: "今天帶家人去吃飯", prose, no stamp)
    re.compile(r"(?:昨天|今天)(?![\u3040-\u30ff\u3400-\u9fff]{4})|เมื่อวาน|วันนี้"),
    re.compile(r"\blast\s+(?:week|month|year)\b", re.I),  # "Reviewed last week"
    _ELAPSED,
]
_DATEPARSER_LANGS = {"en", "de", "fr", "es", "nl", "it", "pt", "da", "sv", "nb", "fi", "pl", "cs", "ru",
                     "tr", "ja", "zh", "ro", "el", "ko", "hu", "uk", "id", "vi", "he", "sk", "hr", "th", "ar",
                     "et", "sl", "hi", "ms", "kk", "sq", "ca", "mk", "ka", "bn", "az", "ur", "tl",
                     "hy", "sw", "uz", "is", "ne", "ta", "be"}


def _wall_clock(now: datetime | None) -> datetime:
    now = now or datetime.now(timezone.utc)
    # (a time given in the page's own zone stays its wall-clock time: "today" and "2 hours ago"
    # count back on the site's calendar)
    return now.replace(tzinfo=None)


_MONTH_YEAR = re.compile(_MONTH_RE + r",?\s+\d{4}", re.I)


def month_only(text: str) -> bool:
    """A month and a year, no day ("March 2024", "Mar, 2024"): a date too vague to store, and
    no title either."""
    return _MONTH_YEAR.fullmatch(text.strip()) is not None


# a year, or a span of years, alone: "2017", "2017年頃" (about 2017), "2001年～2005年頃", "2015 - 2018"
_YEARS = re.compile(r"(?:(?:19|20)\d{2}\s*年?\s*(?:頃|ごろ|前後)?\s*[-–~～〜]?\s*){1,2}")


def year_only(text: str) -> bool:
    """A year or a span of years and nothing else (the years a reviewer worked somewhere): no
    date to store, and no title."""
    return _YEARS.fullmatch(text.strip()) is not None


def prose_day_word(text: str, frag: str) -> bool:
    """A relative day word opening a sentence ("Heute ausprobiert, alle fanden es toll...",
    "Today I made it for friends"), or its second or third word ("Fiz hoje para o jantar e
    todos gostaram"): prose, no date stamp. The fragment is one day word, four or more words and no figure
    follow it."""
    if any(ch.isdigit() for ch in text) or not _DAY_WORD.fullmatch(frag.strip()):
        return False
    head = text.lstrip(" \t\n\"'„“«(-–—")
    word = frag.strip().lower()
    if head.lower().startswith(word):
        return len(re.findall(r"[^\W\d_]+", head[len(word):])) >= 4
    at = head.lower().find(word)  # (or its 2nd/3rd word, not after a posting verb: "Posted today by NAME in…")
    before = re.findall(r"[^\W\d_]+", head[:at]) if at > 0 else []
    return 1 <= len(before) <= 2 and not any(w.lower() in _POSTING for w in before) \
        and re.search(r"[^\w\s]", head[:at]) is None and len(re.findall(r"[^\W\d_]+", head[at + len(word):])) >= 4


# the words a stamp opens with before its day word ("Posted today", "Publicado hoy", "Verfasst gestern")
_POSTING = frozenset("posted written reviewed submitted published added updated edited commented rated replied answered publicado "
                     "escrito enviado submetido comentado publicada escrita enviada pubblicato scritto inviato commentato aggiornato "
                     "verfasst geschrieben veröffentlicht aktualisiert publié écrit rédigé posté geplaatst geschreven bijgewerkt".split())


def no_stamp(text: str, frag: str) -> bool:
    """Whether the date `frag` found in `text` stamps nothing: a day word opening prose
    (prose_day_word), one closing a call to act or in a surname (called_day_word), or the last day
    of a span of days ("экскурсия на 8-11 марта", "3-5 May"): a trip's or a stay's dates, not the review's."""
    at = text.find(frag)
    return prose_day_word(text, frag) or called_day_word(text, frag) \
        or at > 0 and _DAY_SPAN_HEAD.search(text[:at]) is not None


def called_day_word(text: str, frag: str) -> bool:
    """A day word closing a phrase of one to five words with no posting verb, no figure and nothing
    between them ("Contact us today", "Get started for free today.", "See today. Plan for
    tomorrow."), or capitalised after a capitalised word (a surname: "Greg Hoy of Happy Cog"):
    a call to act or a name, no stamp."""
    word = frag.strip().lower()
    at = text.lower().find(word)
    before = re.findall(r"[^\W\d_]+", text[:at]) if at > 0 else []
    if not _DAY_WORD.fullmatch(word) or not 1 <= len(before) <= 5 or re.search(r"\d|[^\w\s]", text[:at]) \
            or any(w.lower() in _POSTING for w in before):
        return False
    return re.match(r"\s*(?:[.!?](?:\s|$)|$)", text[at + len(word):]) is not None or \
        before[-1][:1].isupper() and text[at:at + 1].isupper() and not re.search(r"\d", text)


_DAY_SPAN_HEAD = re.compile(r"(?<![\d.:/])\d{1,2}\.?\s*[-–—]\s*$")


# a bound before a relative date: "more than 1 year ago", "Lebih dari 1 tahun lalu": an age, no date
DATE_BOUND = re.compile(r"(?:(?<!\w)(?:more\s+than|over|lebih\s+dari|di\s+atas|mehr\s+als|plus\s+de|más\s+de|mais\s+de|più\s+di|"
                    r"meer\s+dan|över|ponad|больше|более|hơn)\s+|>\s*)$", re.I)


def bounded(text: str, frag: str) -> bool:
    """Whether the relative date `frag` found in `text` follows a bound ("more than", "lebih dari"):
    the review's age is only known to exceed it, so it gives no date."""
    return DATE_BOUND.search(text[:max(text.find(frag), 0)]) is not None and _is_relative(frag)


def find_date_text(text: str | None) -> str | None:
    """The first date-looking substring of a text (absolute first, then relative)."""
    if not text:
        return None
    best = None
    plain = ascii_digits(text)
    for pat in _DATE_PATTERNS + _RELATIVE_PATTERNS:
        m = pat.search(plain)
        if m and (best is None or m.start() < best.start()):
            best = m
    return text[best.start():best.end()] if best else None


# "/04/2025": searched for its slash (fast), the day or month before it read apart
_NUMERIC_DATE_TAIL = re.compile(r"/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")
_NUMERIC_DATE_HEAD = re.compile(r"(?:^|[^\w/.-])(\d{1,2})$")


def numeric_date_order(html: str) -> str | None:
    """"DMY" when the page's slashed dates that only read one way are all day-first
    ("19/04/2025" beside "02/04/2025": the second is 2 April), else None."""
    day_first = month_first = False
    for m in _NUMERIC_DATE_TAIL.finditer(html):
        head = _NUMERIC_DATE_HEAD.search(html[max(0, m.start() - 3):m.start()])
        if head is None:
            continue
        a, b = int(head.group(1)), int(m.group(1))
        if 12 < a <= 31 and 1 <= b <= 12:
            day_first = True
        elif 12 < b <= 31 and 1 <= a <= 12:
            month_first = True
    return "DMY" if day_first and not month_first else None


def parse_date(text: str | None, *, now: datetime | None = None, lang: str | None = None,
               region: str | None = None) -> str | None:
    """A date string in any common form → 'YYYY-MM-DD' (None when unsure).

    Relative dates ("3 days ago", "vor 2 Wochen") count back from `now`. Numeric dates
    are day-first except on English pages outside the UK/IE/AU/NZ/IN."""
    if not text:
        return None
    s = ascii_digits(str(text).strip())
    if not s:
        return None
    now_n = _wall_clock(now)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)), now_n)
    frag = find_date_text(s) or (s if len(s) <= 40 else None)
    if not frag or bounded(s, frag):
        return None
    m = (re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", frag) if len(set(re.findall(r"[./]", frag))) == 1
         else None) or re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", frag)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100 and "." in frag and lang in ("ko", "ja", "zh"):
            return _valid(2000 + a, b, y, now_n)  # year first there: "24.03.12." is 2024-03-12
        if y < 100:
            y += 2000
        # ("DMY": the page's own numeric dates are day-first, see numeric_date_order)
        mdy = (lang or "en") == "en" and (region or "").upper() not in ("GB", "UK", "IE", "AU", "NZ", "IN", "ZA",
                                                                         "DMY")
        if "." in frag or "-" in frag:
            mdy = False
        if a > 12:
            mdy = False
        elif b > 12:
            mdy = True
        return _valid(y, a, b, now_n) if mdy else _valid(y, b, a, now_n)
    m = re.fullmatch(r"(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})", frag)
    if m:
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)), now_n)
    m = _DAY_MONTH_YEAR.fullmatch(frag)
    if m:
        return _valid(int(m.group(3)), _MONTH_NUMBER[m.group(2).lower()], int(m.group(1)), now_n)
    m = _DAY_MONTH_YY.fullmatch(frag)
    if m:  # "22 Apr 19": the year in full, then read as any "22 Apr 2019"
        frag = f"{m.group(1)} {m.group(2)} {2000 + int(m.group(3))}"
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
    if m := _LT_DATE.fullmatch(frag):
        return _valid(int(m.group(1)), _LT_MONTHS[m.group(2).lower()], int(m.group(3)), now_n)
    m = _FA_DATE.fullmatch(frag)
    if m:
        return _valid(*jalali_to_gregorian(int(m.group(3)), _FA_MONTH[m.group(2)], int(m.group(1))), now_n)
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{1,4}", frag):
        return None  # (figures with two separators, "8.5/10": a score)
    if m := _ELAPSED.fullmatch(frag):  # "たった今", "45秒": that long before now
        back = now_n - timedelta(seconds=int(m.group(1)) * _ELAPSED_UNIT[m.group(2)]) if m.group(1) else now_n
        return _valid(back.year, back.month, back.day, now_n)
    try:
        import dateparser

        languages = None
        if lang in _DATEPARSER_LANGS:
            languages = [lang] if lang == "en" else [lang, "en"]
        if _is_relative(frag):
            parts = []
            # "one" as a word ("một năm trước", "egy hete"), an article ("un mese fa", "bir ay önce",
            # elided "un'ora fa") or nothing ("rok temu"): dateparser reads these only with a figure
            frag = _ONE_FIRST.sub("1", frag.strip())
            frag = _BARE_FIRST.sub("1 ", _ARTICLE_ONE.sub("1 ", frag)).replace("ヵ月", "ヶ月").replace("ケ月", "ヶ月")
            if m := _LT_ET_AGO.fullmatch(frag):
                unit = next(en for stem, en in _LT_ET_EN.items() if m.group(2).lower().startswith(stem))
                frag = f"{m.group(1)} {unit} ago"
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


def epoch_date(raw: str | None, *, now: datetime | None = None) -> str | None:
    """A Unix time in seconds or milliseconds ("1710253320", "1710253320000") → its UTC day."""
    raw = (raw or "").strip()
    if not re.fullmatch(r"\d{10}|\d{13}", raw):
        return None
    seconds = int(raw) / (1000 if len(raw) == 13 else 1)
    day = datetime.fromtimestamp(seconds, timezone.utc)
    return _valid(day.year, day.month, day.day, _wall_clock(now))


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


def script_date_attrs(el) -> tuple:
    """The attributes of an element named for its date or time that a script fills in: Judge.me's
    "data-content"; and, while the element shows nothing yet, its "title" (<abbr class="timeago"
    title="2018-03-13T20:00:16Z"></abbr>, turned into "5 days ago" in the browser)."""
    return ("data-content",) if "".join(el.itertext()).strip() else ("data-content", "title")
