"""Lines of a review card that are neither its text nor one of its fields: a second date the
site labels apart from the review's own ("Date de l'expérience : 25 juillet 2014", "Date of
experience: July 25, 2014", "Visited: March 2024"); the one-word heading over the owner's
reply ("Відповідь", "Reply"); a row of the details of the order ("Color: Navy", "Size: L"), or one
such line alone, naming the variant bought ("Varian: Hitam", "Farbe: Schwarz")."""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from .reviews_body import _BODY_LABEL, SECTION_LABEL
from .reviews_authors import anonymous
from .reviews_dates import find_date_text
from .reviews_normalize import element_text, letters_only
from .reviews_widgets import SKIP_TAGS, attrs_text, tag

# a label of one to five words, a colon, and nothing else than a date after it
_LABELLED = re.compile(r"([^\W\d][^:：]{0,40}?)\s*[:：]\s*(\S.*)")
_INLINE = {"b", "strong", "span", "em", "i", "small", "time", "label", "abbr"}


def labelled_dates(block, date_el=None) -> list:
    """The lines of `block` that hold only a label and a date, other than the review's date
    element (or the line around it): no part of the text."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or tag(el) in SKIP_TAGS or any(tag(c) not in _INLINE for c in el if tag(c)):
            continue
        text = element_text(el)
        if not text or len(text) > 70 or ":" not in text and "：" not in text:
            continue
        m = _LABELLED.fullmatch(text)
        if not m or len(m.group(1).split()) > 5:
            continue
        frag = find_date_text(m.group(2))
        if not frag or len(frag) < len(m.group(2).strip(" .")) - 2:
            continue
        if date_el is not None and (el is date_el or date_el in el.iterancestors() or el in date_el.iterancestors()):
            continue
        out.append(el)
    return out


# a line saying when (and where) the reviewer stayed, visited or dined, with no colon: "Stayed in
# March 2018", "Stayed in <a>Deluxe Room</a> (March 2018)", "Visited June 2019"
_STAY = re.compile(r"\W*(?:stayed|visited|dined|travell?ed|date of (?:stay|visit|travel|experience)|aufenthalt|"
                   r"séjourné|séjour|estancia|soggiorno|verblijf)\b", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def stay_lines(block) -> list:
    """The short lines of `block` that open with a stay or visit word and hold a year (the date
    of the stay, a room's name beside it): no part of the text."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or tag(el) not in ("p", "div", "span", "li", "dd") \
                or any(tag(c) not in _INLINE | {"a", "br"} for c in el if tag(c)):
            continue
        text = re.sub(r"\s+", " ", element_text(el)).strip()
        if text and len(text) <= 120 and _STAY.match(text) and _YEAR.search(text):
            out.append(el)
    return out


# hidden the way a "More" toggle hides the full text: a class or a style saying so
_HIDDEN = re.compile(r"(?:^|\s)(?:display-none|d-none|hidden|is-hidden|hide|hide-(?:item|text|content|full))(?:\s|$)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


def hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("class") or "")) \
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def truncated_copies(block) -> list:
    """The visible, cut-short copies of a text whose whole sits hidden beside them, for a
    "More" toggle to show (DealerRater: "review-snippet" and "review-whole display-none"):
    the whole is the text, the copy no part of it."""
    out = []
    for el in block.iter():
        if not tag(el) or not (hidden(el) or _WHOLE_NAME.search(el.get("class") or "")):
            continue
        whole = letters_only(element_text(el))
        if len(whole) < 10:
            continue
        for sib in (*el.itersiblings(preceding=True), *el.itersiblings()):
            if tag(sib) and not hidden(sib):
                shown = letters_only(element_text(sib).rstrip(".…"))
                if len(shown) >= 10 and (hidden(el) or len(shown) < len(whole)) \
                        and (whole.startswith(shown) or _cut_copy(sib, shown, whole)):
                    out.append(sib)
    return out


# a class naming the element the whole text, shown when a toggle expands it (a stylesheet hides it
# until then: "blurb blurb_expanded" beside "blurb blurb_collapsed", "text-full"); a shorter sibling
# it starts with is the cut copy
_WHOLE_NAME = re.compile(r"(?:^|[\s_-])(?:expanded|full)(?:$|[\s_-])", re.I)


def _cut_copy(el, shown: str, whole: str) -> bool:
    """Whether `el` is a shorter copy of the hidden whole ending in an ellipsis, made of the same
    letters though not their prefix: a site drawing some characters with a font of its own
    serves each copy with other ones missing (Dianping)."""
    own = _own_lines(el)
    if not re.search(r"(?:\.\.\.|…)\s*$", own):
        return False
    shown = letters_only(own)  # (not the toggle after it)
    if len(shown) < 10 or len(shown) >= len(whole):
        return False
    head = whole[:len(shown) + len(shown) // 4]
    common = sum((Counter(shown) & Counter(head)).values())
    if common < 0.6 * len(shown):
        return False
    # in the same order too: a hidden REST of the text ("…ветрено,... <a>еще</a> <span hide>rest</span>")
    # shares most letters with any text of its language, not their sequence
    same = sum(b.size for b in SequenceMatcher(None, shown, head, autojunk=False).get_matching_blocks())
    return same >= 0.6 * len(shown)


def _own_lines(el) -> str:
    """The element's text before any child block (the toggle after a cut text)."""
    parts = [el.text or ""]
    for c in el:
        if tag(c) in ("div", "p", "ul", "a", "button"):
            break
        parts.append(element_text(c) + (c.tail or ""))
    return "".join(parts)


def chip_row(el) -> bool:
    """Whether `el` is a row of short chips (two or more children, each a line of 40
    characters or less: the tags a buyer ticked, "Chất lượng sản phẩm tuyệt vời"), however
    long all of them are together."""
    kids = [c for c in el if tag(c)]
    return len(kids) >= 2 and all(len(c) == 0 and 0 < len(element_text(c)) <= 40 for c in kids)


# "Reply" or "Answer" alone, as a heading: what follows is the owner's reply to the review
_REPLY_WORD = re.compile(r"(?:reply|response|answer|owner'?s? (?:reply|response)|відповідь|ответ|antwort|réponse|"
                         r"respuesta|risposta|resposta|odpowiedź|odpověď|odpoveď|yanıt|cevap|reactie|antwoord|"
                         r"svar|vastaus|válasz|răspuns|отговор|одговор|απάντηση|תגובה|رد|返信|回复|回覆|답변|ตอบกลับ)"
                         r"\s*[:：]?", re.I)
_HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "label"}
_HEADING_ATTR = re.compile(r"title|label|heading|caption", re.I)


def reply_heading(el) -> bool:
    """Whether a leaf element is the one-word heading of a reply ("Відповідь" over the
    owner's answer in a SociableKIT Google-reviews card); its parent is then the reply."""
    return len(el) == 0 and bool(_REPLY_WORD.fullmatch((el.text or "").strip())) and (
        tag(el) in _HEADING_TAGS or bool(_HEADING_ATTR.search(attrs_text(el))))


# the label over an answer to the review: "Response from the owner", "Antwort des Inhabers",
# "Ответ продавца", "オーナーからの返信", "사장님 답글", … (a reply by the owner, seller, host,
# company, shop or management; a label, so short, and only from its start); "Response from NAME"
# whatever follows
_REPLY_FROM = re.compile(r"^(?:response|reply|answer|comment) (?:from|by) (?:the )?\w+", re.I)
_OWNER = (r"(?:owner|seller|vendor|host|company|business|management|manager|merchant|store|shop|hotel|property|"
          r"developer|team|official)")
_REPLY_LABEL = re.compile(
    r"^(?:" + _OWNER + r"(?:'s)? (?:response|reply|answer)|"
    r"(?:antwort|stellungnahme|kommentar) (?:des|der|vom|von der) (?:inhabers?|verkäufers?|anbieters?|unternehmens|"
    r"gastgebers?|gastgeberin|hotels|betreibers?|händlers?|shops)|"
    r"réponse (?:du|de la|de l['’] ?|des) ?(?:propriétaire|vendeur|entreprise|établissement|hôte|hôtel|gérant|"
    r"direction|boutique|marchand)|"
    r"respuesta (?:del?|de la) (?:propietario|vendedor|empresa|la empresa|anfitrión|anfitriona|hotel|establecimiento|tienda)|"
    r"resposta (?:do|da|de) (?:proprietário|vendedor|empresa|anfitrião|anfitriã|hotel|estabelecimento|loja)|"
    r"risposta (?:del|della|dell['’] ?|dello|di) ?(?:proprietario|venditore|azienda|host|hotel|struttura|negozio|gestore)|"
    r"reactie van (?:de eigenaar|het bedrijf|de verkoper|de verhuurder|het hotel|de winkel)|"
    r"antwoord van (?:de eigenaar|het bedrijf|de verkoper)|"
    r"svar fr[åa]n? (?:ägaren|företaget|säljaren|värden|ejeren|eieren|virksomheden|selskapet|sælgeren|selgeren|verten)|"
    r"(?:omistajan|yrityksen|myyjän|majoittajan) vastaus|"
    r"odpowiedź (?:właściciela|sprzedawcy|firmy|sklepu|gospodarza)|odpověď (?:majitele|prodejce|firmy|obchodu)|"
    r"odpoveď (?:majiteľa|predajcu|firmy|obchodu)|"
    r"(?:sahibinden|satıcı|işletme|mağaza|firma)(?:nın)? (?:yanıtı|cevabı|yanıt)|"
    r"ответ (?:владельца|продавца|магазина|компании|представителя|администрации|отеля)|"
    r"відповідь (?:власника|продавця|магазину|компанії|представника)|отговор (?:на|от) (?:собственика|продавача|фирмата)|"
    r"απάντηση (?:από|του|της) (?:τον |την |το )?(?:ιδιοκτήτη|πωλητή|εταιρεία|κατάστημα|οικοδεσπότη)|"
    r"răspuns(?:ul)? (?:de la )?(?:proprietarului|vânzătorului|companiei|gazdei)|"
    r"(?:tulajdonos|eladó|cég|szállásadó) válasza|"
    r"(?:tanggapan|balasan|respon(?:s)?) (?:dari )?(?:pemilik|penjual|toko|penjual)|maklum balas penjual|"
    r"phản hồi (?:từ|của) (?:chủ sở hữu|người bán|cửa hàng|chủ nhà)|"
    r"การตอบกลับจาก(?:ผู้ขาย|เจ้าของ|ร้านค้า)|"
    r"(?:オーナー|ショップ|店舗|販売者|お店|ホテル|施設)からの(?:返信|回答|コメント)|"
    r"(?:业主|商家|店家|掌柜|卖家|賣家|酒店|店主|管理员|官方)(?:回复|回覆|回應)|"
    r"(?:사장님|판매자|업체|호스트|판매자님) ?(?:답글|답변|댓글)|"
    r"תגובת (?:הבעלים|העסק|המוכר|בעל העסק)|رد (?:المالك|البائع|الإدارة|المتجر|صاحب العمل))", re.I)


def reply_label(el) -> bool:
    """Whether a leaf element labels an answer to the review ("Developer response", "Réponse du
    propriétaire") or is a reply's one-word heading (reply_heading): its parent is then the reply."""
    if len(el):
        return False
    text = (el.text or "").strip()
    if _REPLY_FROM.match(text):
        return True
    m = _REPLY_LABEL.match(text) if len(text) <= 80 else None
    if m is not None:
        rest = text[m.end():].strip()  # nothing, a colon, a date: a label ("Company reply was slow": a text)
        return not rest or not rest[0].isalpha() or find_date_text(rest) is not None
    return reply_heading(el)


def detail_rows(block) -> list:
    """Rows of two or more details, each a bold label with a colon and a short value, nothing
    else ("Color: Navy" "Size: L" "Shipping: Standard": what a buyer ordered, AliExpress): facts
    of the purchase, no part of the text (not "Pros:" / "Cons:", the text's own sections)."""
    rows, seen = [], set()
    for label in block.iter("strong", "b", "label"):  # (rows are found from their labels: few in a block)
        row = label.getparent().getparent() if label.getparent() is not None else None
        if row is None or id(row) in seen:
            continue
        seen.add(id(row))
        if len(kids := [c for c in row if tag(c)]) >= 2 and all(_detail(c) for c in kids):
            rows.append(row)
    return rows


def _detail(el) -> bool:
    label = next((c for c in el if tag(c)), None)
    if label is None or tag(label) not in ("strong", "b", "label") or len(label) or (el.text or "").strip():
        return False
    name = (label.text or "").strip()
    value = element_text(el)[len(element_text(label)):].strip()
    return name.endswith((":", "：")) and 0 < len(name.split()) <= 3 and 0 < len(value) <= 40 \
        and not SECTION_LABEL.fullmatch(name) and not _BODY_LABEL.fullmatch(name)


# the option of the item a buyer chose, as a shop labels it: its variant, colour, size, style or
# model, in the languages of the big marketplaces
_OPTION = re.compile(
    r"(?:variant|variante|varian|variation|variação|variación|variazione|wariant|вариант|varyant|option|opção|opción|"
    r"pilihan|colou?r|farbe|couleur|cor|colore|kleur|kolor|warna|renk|цвет|màu(?: sắc)?|size|größe|taille|tamanho|talla|"
    r"taglia|maat|rozmiar|ukuran|beden|размер|kích (?:cỡ|thước)|style|stil|estilo|model|modell|modèle|modelo|tipe|type|"
    r"カラー|サイズ|色|颜色|顏色|尺码|尺寸|款式|규격|색상|사이즈|옵션)"
    r"(?:\s*(?:/|&|and|und|et|e|y|dan)\s*\w+)?\s*[:：]\s*\S.{0,40}", re.I)


def option_lines(block) -> list:
    """A line alone in its element saying which option of the item was bought ("Varian: Hitam",
    "Colour: Navy", "Größe: M"; Tokopedia prints it under the reviewer's name, Amazon beside the
    stars): a fact of the purchase, neither the review's title nor its text."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or any(tag(c) for c in el if tag(c) not in ("b", "strong", "span")):
            continue
        if _OPTION.fullmatch(" ".join(element_text(el).split())):
            out.append(el)
    return out


# a list the site names for the item's specification ("c-feed_lines_spec", "product-specs")
_SPEC_NAMED = re.compile(r"(?:^|[\s_-])spec(?:s|ification|ifications)?(?:$|[\s_-])", re.I)


def spec_lists(block) -> list:
    """A list named for the item's specification, its entries short ("<ul class="…_spec"><li>Washing
    machine</li><li>NA-VX9800L</li></ul>" under a review teaser): the category and the model
    reviewed, neither the text nor the reviewer's name."""
    out = []
    for el in block.iter("ul", "ol", "dl"):
        entries = [c for c in el if tag(c)]
        if entries and _SPEC_NAMED.search(el.get("class") or "") and all(len(element_text(c)) <= 60 for c in entries):
            out.append(el)
    return out


# a class naming a badge, icon or notice printed before a text ("ico_viewer": the "viewer"
# mark beside a film rating; "spoiler-tip": "this review may hold spoilers"), or the kind of a
# feed's card ("p-cat": "レビュートピックス" over a review teaser among articles); by a part of a
# class name split at - and _, so "tip" is no "tooltip" and "tag" no "tags-list"
_LABEL_PART = re.compile(r"ico|icon|badge|label|flag|tip|notice|warning|alert|tag|mark|cat|category|kicker|eyebrow")


# ... unless the class also names the reviewer's name: Yotpo's "y-label yotpo-user-name"
_NAME_SLOT = re.compile(r"user-?name|author|reviewer|nickname|display-?name", re.I)


def _label_class(el) -> bool:
    cls = (el.get("class") or "").lower()
    return _LABEL_PART.search(cls) is not None and any(_LABEL_PART.fullmatch(p) for p in re.split(r"[-_\s]+", cls)) \
        and not _NAME_SLOT.search(cls)


def leading_labels(block) -> list:
    """Short elements named as a badge or notice that open a text, before any of its words
    (<p><span class="ico_viewer">Viewer</span> The text…</p>, <div><p class="spoiler-tip">May
    spoil the plot</p> The text…</div>): a mark on the review, no part of its text."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or not el.get("class") or not _label_class(el) or any(tag(c) for c in el):
            continue
        text = element_text(el).strip()
        parent = el.getparent()
        if not 0 < len(text) <= 24 or len(text.split()) > 4 or parent is None or (parent.text or "").strip() \
                or text.endswith((":", "：")) or re.search(r"\d", text):  # (a section's label, "Pros:", stays
            continue  # with its text; a figure may be the rating: "Note : 4/5")
        if any(tag(s) and element_text(s).strip() for s in el.itersiblings(preceding=True)):
            continue  # (not first: a word before it)
        rest = element_text(parent).strip()[len(text):].strip()
        if len(rest) >= max(10, 2 * len(text)):
            out.append(el)
    return out


# an element named for where the reviewer lives ("user-location", "userLoc", "reviewer__city"),
# or for the reviewer's standing on the site ("member-item__role": "Subscriber", "Administrator"):
# neither the title, nor the text, nor a name
_PLACE_NAMED = re.compile(r"(?:^|[\s_-])(?:user-?)?(?:location|loc|hometown|city|country|region)(?:$|[\s_-])|userloc|"
                          r"(?:^|\s)area(?:$|\s)", re.I)  # ("area" as a class of its own: "text-area" is no place)
_ROLE_NAMED = re.compile(r"(?:^|[\s_-])role(?:$|\s)", re.I)
# a camelCase class ending in the place's word: "testiPlace", "userCity", "reviewerLocation"
_PLACE_CAMEL = re.compile(r"[a-z](?:Place|Location|City|Country|Hometown)(?:$|\s)")


def place_lines(block) -> list:
    """Short lines in `block` named for the reviewer's place, or for a role (a badge holding
    nothing but its words and an icon: not a row of the name, the role and the date)."""
    out = []
    for el in block.iter():
        if el is block or not tag(el) or tag(el) in SKIP_TAGS:
            continue
        cls = el.get("class") or ""
        kids = [tag(c) for c in el if tag(c)]
        if not ((_PLACE_NAMED.search(cls) or _PLACE_CAMEL.search(cls)) and all(k in _INLINE for k in kids)
                or _ROLE_NAMED.search(cls) and all(k in ("i", "img", "svg") for k in kids)):
            continue
        if 0 < len(element_text(el)) <= 60:
            out.append(el)
    return out


_BYLINE_HEAD = re.compile(r"(?:review|rating|comment|opinion)s?\s+(?:from|by|von|de|par|por|door|di)\s+(.+)", re.I)


def byline_of(title: str | None, author: str | None) -> bool:
    """Whether a "title" only names the reviewer: the name itself, or a heading "Review from
    NAME" (Yelp's, for screen readers); or a stand-in for a name ("Anonymous", "Аноним")."""
    if title and anonymous(title):
        return True
    if not title or not author:
        return False
    m = _BYLINE_HEAD.fullmatch(title.strip())
    return title == author or bool(m) and m.group(1).strip(" .:") == author.strip(" .:")
