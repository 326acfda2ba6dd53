"""The reviewer of one review block: a named author element, a "By …" line, a name after a
screen reader's prefix, or (last) the first short name-shaped line."""
from __future__ import annotations

import re

from .reviews_bylines import (bar_signature, colon_signature, date_then_name, framed_name, heading_byline, labelled_name,
                              posting_verb, role_part, signature_name, stamp_then_name, verb_byline, without_home_town)
from .reviews_avatarname import initials_only
from .reviews_body import SECTION_LABEL, Covered, descends, short_text
from .reviews_chrome import action_word, indicator_label
from .reviews_dates import DATE_BOUND, called_day_word, find_date_text
from .reviews_definitions import facts_list
from .reviews_normalize import COUNT_WORDS, clean_text, element_text, rating_from_text
from .reviews_teasers import source_line, toggle_line
from .reviews_reviewed import PERSON_HREF, in_thing_box, item_in_heading, leading_link, person_link, thing_link
from .reviews_itemlines import CARD_PRICE
from .reviews_quotations import quoted_words
from .reviews_itempages import bare_byline_name, bold_name_before_date, pictured_item_link
from .reviews_verified import VERIFIED, may_be_verified
from .reviews_widgets import HIDDEN_TEXT, attrs_text, bem_elements, rating_of, tag

_AUTHOR_ATTR = re.compile(r"author|autor|auteur|verfasser|reviewer|nutzer|gebruiker|usuario|utilisateur|utente|quien|"
                          r"(?:^|[\s_-])(?:nom|naam|nombre)(?:$|[\s_-])|user-?name|user_name|nickname|byline|customer|profile-?name|"
                          r"display-?name|consumer|guest|(?:^|[\s_-])name(?:$|[\s_-])|(?:^|[\s_-])user(?:$|[\s_-])|"
                          r"client|person|(?:^|[\s_-])(?:who|by)(?:$|[\s_-])|member|(?:^|[\s_-])profile(?:$|\s)|pseudo|"
                          r"(?:^|[\s_-])(?:u|usr)[-_]?name\d?(?:$|[\s_-])|(?:^|[\s_-])name\d(?:$|[\s_-])",
                          re.I)  # (not "review-whole"; "comment__by": the slot of the name; "uname", "usr-name",
# "name2": a user's name abbreviated or numbered)
_AUTHOR_EXCLUDE = re.compile(r"product|company|brand|avatar|initials|image|img|photo|pic|title|headline|date|time|"
                             r"location|country|role|job|position|count|rating|star|stats|meta-?data|verified|badge|"
                             r"helpful|vote|reply|response|room|hotel|property|listing|"
                             r"(?:^|[\s_-])(?:biz|business|shop|store|merchant|seller|venue|place|spot)(?:$|[\s_-])|place[-_]of|of[-_]visit", re.I)
# a BEM element that is the text, whatever its block is named ("user-rating__content")
_TEXT_PART = re.compile(r"(?:content|text|body|comment|message|description)(?:[-_]\w+)?", re.I)
# the person's line in an avatar/profile block ("bui-avatar-block__title"): the author, even
# though it is named like a title
_AUTHOR_STRONG = re.compile(r"(?:avatar|profile)[\w-]*__(?:title|name)", re.I)
# "by" in the languages whose pages say it before a name (Thai "โดย", Indonesian "oleh",
# Vietnamese "bởi", Russian "от", Ukrainian "від")
_BY = r"by|von|par|por|door|reviewed by|review by|posted by|written by|โดย|oleh|bởi|от|від"
# a heading that is a by-line: "Critique de NAME", "Review by NAME", "Rezension von NAME"
_REVIEW_BY = (r"(?:review|critique|critic|rezension|recensione|reseña|crítica|recenzja|recenze|recenzia|"
              r"рецензия|отзыв|avis|opinion|opinión|opinie)\s+(?:by|de|par|von|di|por|od|от|door|van)")
_AUTHOR_PREFIX = re.compile(r"^(?:[—–\-~]+\s*|(?:" + _REVIEW_BY + "|" + _BY + r"|di|de|from|verfasst von|rédigé par|escrito por|"
                            r"geschreven door)(?:\s*:)?\s+)", re.I)


def inside_any(el, others: list) -> bool:
    """Whether `el` is one of `others` or inside one (ids are sound: `others` are alive)."""
    ids = {id(o) for o in others if o is not None}
    if not ids:
        return False
    return id(el) in ids or any(id(a) in ids for a in el.iterancestors())


_CONNECTOR = re.compile(r"(?:\s+(?:[a-zà-ÿ][\w'’]*\.?|[,·|•–—\-:]+))+$")


def _clean_author(text: str | None, testimonial: bool = False) -> str | None:
    if not text:
        return None
    if (framed := framed_name(text)) is not None:  # ("来自于 NAME 的评价": the name as printed, digits too)
        return framed or None
    t = text.strip().rstrip(" ,:：")
    t = (t if t[:1] == "~" == t[-1:] else _AUTHOR_PREFIX.sub("", t)).strip(" ,:：-–—")  # ("~NICK~" keeps its tildes;
    # a full-width colon: "NAME：" before the text)
    if anonymous(t) or _SECTION.search(t):
        return None  # "an Example.com user who dined on 03/02/2010"; "Member Reviews and Ratings"
    frag = find_date_text(t)
    if frag and not called_day_word(t, frag):  # "Thomas K. am 12.1.2024", "Door Sanne op dinsdag 12 maart 2024"
        head = DATE_BOUND.sub("", t[:t.find(frag)])  # (the bound is the date's: "Lebih dari 1 tahun lalu")
        if head.rstrip().endswith(":"):
            return None  # a label and its date ("Date: 03/12/2024"), no name
        t = _CONNECTOR.sub("", " " + head.rstrip()).strip() if head.strip() else ""
    if _EMPLOYEE.search(t):
        return None
    t = VERIFIED.sub("", t).strip(" ,:-–—·|()")
    if not _TRAILING_LEGAL_FORM.search(t):  # (a company signs with its legal form: "Northwind, a unit of Contoso, LLC.")
        t = re.split(r",\s|\s[·|•–—]\s|\s-\s|\s[·|•–—]$|\s\(", t)[0].strip(" ·|•–—")  # (not "(Paris)")
        t = without_home_town(t) if testimonial else t  # ("Marissa from Deerfield, IL": reviews_bylines)
    if not t or len(t) > 60 or (fd := find_date_text(t)) and not called_day_word(t, fd) or t.endswith(":") \
            or _POSTED.fullmatch(t) or re.search(r"\d{2,}", t) and not _USER_NAME.fullmatch(t) and not _MASKED_ID.fullmatch(t):  # ("139****0427")
        return None
    return t


# what names a reply (the exclusions' "reply", "response"), unless the review itself is named so
_REPLY_WORD = re.compile(r"repl(?:y|ies)|response|answer", re.I)


def unshared_reply(attrs: str, block) -> str:
    """`attrs` without the reply words the block's own class carries: a site naming its reviews
    "responses" ("response-item") names their parts so too ("response-autor-info"), no replies."""
    words = {m.group(0).lower() for m in _REPLY_WORD.finditer(block.get("class") or "")}
    return re.sub("|".join(words), " ", attrs, flags=re.I) if words else attrs


def review_byline(text: str | None) -> bool:
    """Whether a heading is a review's by-line naming its reviewer ("Critique de NAME")."""
    return bool(text) and re.match(_REVIEW_BY + r"\s+\S", text, re.I) is not None and len(text) <= 80


def anonymous(text: str) -> bool:
    """Whether a by-line names nobody: "Anonymous", "A Shop Customer", "By an Example.com user (…)"."""
    t = _AUTHOR_PREFIX.sub("", text.strip()).strip(" ,:-–—")
    m = _UNNAMED.match(t)
    return m is not None and not re.match(r"[\w.@-]", t[m.end():m.end() + 1]) or _PLACEHOLDER.fullmatch(t) is not None


# a template's placeholder printed where the name should be: "NAME_NOT_RETURNED", "FIRST_NAME_HERE"
_PLACEHOLDER = re.compile(r"[A-Z]+(?:_[A-Z]+){2,}")


# a section's heading, no name: "Member Reviews and Ratings", "Customer reviews"
_SECTION = re.compile(r"\b(?:reviews|ratings|bewertungen|rezensionen|avis clients|opiniones|recensioni|beoordelingen)\b", re.I)

_SECTION_HEADING = re.compile(r"(?:[^\W\d_]+\s+){0,2}(?:reviews|ratings)(?:\s*(?:and|&)\s*(?:reviews|ratings))?"
                              r"(?:\s+(?:for|of|on)\s+.{1,60})?", re.I)


def section_heading(text: str) -> bool:
    """Whether a line is the heading of a list of reviews ("Member Reviews and Ratings",
    "Customer reviews for …"), no review's title."""
    return _SECTION_HEADING.fullmatch(text.strip()) is not None


# no name: "Anonymous", "an Example.com user", "a verified buyer", "A Google User"
# the legal form a company's name ends with, after a comma
_TRAILING_LEGAL_FORM = re.compile(r",\s*(?:LLC|L\.L\.C|Inc|Ltd|Limited|LLP|PLC|Corp|GmbH|S\.?A\.?S?|S\.?L|S\.?R\.?L|SARL|"
                         r"B\.?V|N\.?V|Pty\.? Ltd|Oy|AB|ApS)\.?$")


# a job and a status in an employer review ("Cashier (Current Employee)", Indeed): no name
_EMPLOYEE = re.compile(r"\b(?:former|current|ex-?)\s*employee|"
                       r"(?:ehemalige[rs]?|aktuelle[rs]?)\s+(?:mitarbeiter|angestellte)|"
                       r"(?:ancien|actuel)(?:ne)?\s+(?:employée?|salariée?)|(?:ex|actual)\s+emplead[oa]", re.I)


# a stand-in for a reviewer who gave no name: "Anonymous", or a phrase with an article that
# says what they are, not who ("A Tesco Customer", "An Amazon shopper"); not a bare "Guest"
_UNNAMED = re.compile(r"(?:an?|un[ae]?|ein(?:e)?)\s+(?:[\w.-]+\s+){0,2}(?:customer|shopper|buyer|guest|reviewer|user|"
                      r"member|diner|visitor|travell?er|client(?:e)?|kunde|kundin|käufer(?:in)?|acheteur|acheteuse|"
                      r"comprador(?:a)?|cliente)s?|anonym(?:ous|e|er)?|anónim[oa]|anonim[oa]?|anoniem|anonimowy|"
                      r"аноним\w*|анонім\w*|匿名\w*|익명", re.I)


# the verb of a date line ("Publié le 12 mars 2024", "Posted on …"): no name
_POSTED = re.compile(r"publié|publiée|posted|published|written|reviewed|submitted|veröffentlicht|geschrieben|publicado|"
                     r"publicada|pubblicato|pubblicata|geplaatst|gepubliceerd|opublikowano|dodano|zveřejněno|přidáno|pridané|"
                     r"опубликовано|добавлено|yayınlandı", re.I)
# a user name of one word with figures ("sarahk-84", "anna_1987": eBay, forums); other
# figures ("12 reviews", "Posted 2024") make no author
_USER_NAME = re.compile(r"(?=\w*[^\W\d_])[^\W_]\w*(?:[._-]\w+)*")  # (a handle may start with figures: "34lis")
# a leaf that only says "By" / "From" before the name in the next one (PowerReviews)
_BY_LABEL = re.compile(r"(?:" + _BY + r"|from)\s*:?", re.I)


def _first_leaf_text(el, skip: list) -> str:
    """Text of the first descendant (or el) that carries text and holds no text-bearing child."""
    inside = Covered(skip)
    for d in el.iter():
        if not tag(d) or d in inside:
            continue
        kids = [c for c in d if tag(c) and element_text(c)]
        t = element_text(d)
        if t and not kids:
            if role_part(d):
                return ""  # (the person's company or role first: no name of a leaf's own, the whole line tells)
            if t.endswith(":") or _BY_LABEL.fullmatch(t) or find_date_text(t) or rating_from_text(t) is not None:
                continue
            return t
    return ""


# (a '*' inside a word: marketplaces mask buyer names, "L***a")
# (Indic scripts write vowels as combining signs, which \w leaves out: "सीता", "கார்த்திக்")
_WORD_REST = r"[\w\u0900-\u0dff'’.\-*]*"
_NAME_SHAPE = re.compile(
    r"^[^\W\d_]" + _WORD_REST + r"(?:\s+(?:[^\W\d_]" + _WORD_REST + r"|de|van|von|der|la|le|&)){0,3}$")


# a masked user id: "kimm****", "j***7" (Korean and Chinese shops); or the first letters of a name
# and a run of dots in the reviewer's slot ("ec....", "h...": a doctor-booking site's patients)
_MASKED_ID = re.compile(r"[a-z0-9_.]+\*{2,}[a-z0-9_.]*|[^\W\d_]{1,4}(?:\.{3,}|…)")


def name_like(text: str) -> bool:
    """One to four words, the first capitalised (in any script: "Ольга", "Ayşe K.", "L***a";
    Hebrew, Arabic, Indic and Georgian letters have no case: "علی رضایی", "राम श्रेष्ठ"), or a
    masked user id ("kimm****", "ec....")."""
    if _UNNAMED.fullmatch(text):
        return False
    text = _LOST_LETTER.sub("x", text)
    cased = text[:1].isupper() or _CASELESS.match(text) is not None
    return cased and _NAME_SHAPE.match(text) is not None and not _SENTENCE.search(text) \
        or _MASKED_ID.fullmatch(text) is not None or _COMPANY.fullmatch(text) is not None


# a client company signing a testimonial: its legal form and its name in quotes ("ООО «Сфера»",
# "ТОВ «Вітер»", "«Acme» LLC")
_LEGAL_FORM = r"(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|ТОО|ТОВ|ПП|ЧП|LLC|Ltd\.?|GmbH|AG|S\.A\.|SA|SRL|SARL|Sp\. z o\.o\.|s\.r\.o\.)"
_COMPANY = re.compile(r"(?:" + _LEGAL_FORM + r"\s*[«\"“„]\w[^«»\"“”„]{0,40}[»\"”“]|[«\"“„]\w[^«»\"“”„]{0,40}[»\"”“]\s*"
                      + _LEGAL_FORM + r")")


# scripts without letter case whose names can be told by their shape (not Chinese or Thai,
# where a short phrase looks the same)
_CASELESS = re.compile(r"[\u0590-\u06ff\u0900-\u0dff\u10a0-\u10ff]")


# lower-case words of four letters or more after the first: a short sentence ("Pay raises are
# rare."), not a name ("Maria de la Cruz", "Tom B.")
_SENTENCE = re.compile(r"\s(?!(?:van|von|der|den|del|della|des|dos|das|bin|binti|ibn)\b)[a-zà-ÿ]{4,}\b")


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NAME_WORD = re.compile(r"(?:^|(?<=[\s_-]))name(?=$|[\s_-])", re.I)


def _only_named(el) -> bool:
    """Whether an element is an author candidate by the bare word "name" alone."""
    return _AUTHOR_ATTR.search(_NAME_WORD.sub(" ", attrs_text(el))) is None


def find_author(block, skip: list, *, fallback: bool = True):
    # itemprop author first
    inside = Covered(skip)
    for el in block.iter():
        if not tag(el) or el in inside:
            continue
        if el.get("itemprop") == "author":
            name = next((c for c in el.iter() if tag(c) and c.get("itemprop") == "name"), el)
            t = clean_text(name.get("content") or element_text(name))
            if t:
                return el, _clean_author(t)
    cands = []
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        a = attrs_text(el)
        # (the exclusions read a BEM class's element part: "shopee-product-rating__author-name"
        # is an author, not a product; "user-rating__content" is the text, not a user)
        a = unshared_reply(a, block)  # ("response-item" the review: "response-autor-info" its author's line)
        if tag(el) in ("cite", "address") or (_AUTHOR_ATTR.search(a) and not _AUTHOR_EXCLUDE.search(
                bem_elements(a)) and not _TEXT_PART.fullmatch(bem_elements(a))) or _AUTHOR_STRONG.search(a):
            cands.append(el)
    cands = [el for el in cands if not item_in_heading(el, block) and not in_thing_box(el, block) and not thing_link(el)
             and not pictured_item_link(el, block)  # (the bank's name beside its logo)
             and "mention" not in (el.get("class") or "").lower()  # (an @-mention in the text: whom it answers)
             and not any(facts_list(x) for x in [el, *el.iterancestors()][:3]) and not quoted_words(el)]  # (facts; words)
    if any(not _only_named(el) for el in cands):
        # a heading named only "…__name" beside a slot named for the author ("comment__by"):
        # the review's own name, its title, even when that slot is left empty
        cands = [el for el in cands if not (tag(el) in _HEADINGS and _only_named(el))]
    for el in cands:
        inner = [c for c in cands if c is not el and descends(c, el)]
        # the innermost one named an author ("reviewer-name" inside "reviewer" inside "reviewer-info")
        target = next((c for c in inner if not any(descends(d, c) for d in inner)), el)
        t = short_text(target, 90)
        name = _name_before_break(target, named=True)
        if name:
            return target, name  # "Ann Beck<br>Director, <a>Cakes</a>": the name, not the company
        if t and (anonymous(t) or VERIFIED.fullmatch(" ".join(t.split()).strip(" ✓✔()"))):
            return target, None  # the name's place holds a stand-in ("Anonymous", "A Shop Customer") or only
            # the badge a name would follow ("Ověřený zákazník", the reviewer left no name): no name
        if t:
            name = _clean_author(t, testimonial=True)
            if (not name or len(target) and len(_first_leaf_text(target, skip)) < len(t)) and \
                    not (name and _clean_author(clean_text(target.text)) == name):
                # (a name of its own before a child keeps it: "Ann Beck <small>(annbeck)</small>",
                # the user name after the display name, WordPress.org)
                leaf = _first_leaf_text(target, skip)
                name = _clean_author(leaf) if leaf else name
        if name and not rating_from_text(name) and not initials_only(target, name, block, name_like) and not _TALLY.fullmatch(name):
            return target, name  # (not the reviewer's tally alone: "1 review")
        if not t and (lead := leading_link(target)) is not None:
            return lead  # "<a>NAME</a> <em>drank</em> <a>TEA</a>": the line is too long to be a name, it opens with one
    for el in block.iter():
        if el is block or not tag(el) or el in inside:
            continue
        name = _after_hidden_prefix(el)
        if name:
            return el, name
        if tag(el) == "figcaption" or len(el) == 0 or tag(el) in ("p", "div", "span", "strong", "b", "small"):
            t = short_text(el, 80) or (tag(el) == "figcaption" and re.match(r"[—–]", c := short_text(el, 160)) and c) or ""
            # (a quote's credit after a dash may name its source at length: "— NAME, PAPER “LIST TITLE”")
            name = (_name_after_date(t) or stamp_then_name(el, t, _AUTHOR_ATTR)) if t and len(el) == 0 else None
            if name:
                return el, name
            if t and re.match(r"^(?:[—–~]|-\s|(?:" + _BY + r")\s)", t, re.I):
                # (the name's line ends at a break: "Review by <a>NAME</a><br><font>Prog Reviewer</font>")
                name = _clean_author(_before_break(el) or t, testimonial=True) or _member_number(t)
                if name:
                    return el, name
            if t and tag(el) == "figcaption":
                name = _clean_author(t, testimonial=True)
                if name:
                    return el, name
        if len(el) and not short_text(el, 80) and (name := byline_name(el)):
            return el, name  # "Review by NAME  DATE<br>" as bare text before the review's rows (Epinions)
    # ("NAME dodał opinię o …", "<b>NAME</b>: TEXT": reviews_bylines)
    found = heading_byline(block, inside) or date_then_name(block, inside) or verb_byline(block, inside) \
        or colon_signature(block, inside) or person_link(block, inside) or _beside_avatar(block, inside)
    return found if found[0] is not None else bar_signature(block, inside, name_like) or found  # "NAME | PLACE" below a quote


_TALLY = re.compile(r"\d[\d.,]*\s*(?:" + COUNT_WORDS + r")", re.I)


def _member_number(text: str) -> str | None:
    """The name a by-line gives when it is a member's number ("Written by 40517"), else None."""
    m = re.fullmatch(r"(?:" + _BY + r")\s+(\d{3,12})", text.strip(), re.I)
    return m.group(1) if m else None


def byline_name(el) -> str | None:
    """The name in the by-line an element's text opens with, before any child ("Review by
    NAME&nbsp;&nbsp;February, 01 2014<br>…"), when that text opens with a by-word and holds a
    date. (A name in a child, "Reviewed by <a>NAME</a> on DATE", is read elsewhere.)"""
    own = re.sub(r"\s+", " ", el.text or "").strip()
    frag = find_date_text(own) if own and len(own) <= 80 else None
    m = re.match(r"(?:" + _BY + r")\s+(.+)", own[:own.find(frag)].strip(), re.I) if frag else None
    return _clean_author(m.group(1)) if m else None  # (the words between "by" and the date: a lower-case
    # user name, "kestrel9", is no connector word)


_AFTER_DATE_BY = re.compile(r"^\W*(?:" + _BY + r")\s+(\S.*)$", re.I)


def _name_after_date(text: str) -> str | None:
    """The name a date line ends with ("Submitted 19/04/2025, by Pippa"), else None."""
    frag = find_date_text(text)
    if not frag:
        return None
    m = _AFTER_DATE_BY.match(text[text.find(frag) + len(frag):])
    return _clean_author(m.group(1)) if m else None


_NOT_AVATAR = re.compile(r"product|item|thumb|photo|gallery|logo|flag|icon|badge", re.I)


# a country's flag beside its name ("images-flags/Au.png" + "Australia") is no avatar
_FLAG_SRC = re.compile(r"flag", re.I)


def _beside_avatar(block, inside):
    """The name next to an avatar: an image and one short line alone in their element (Google
    Play: <img alt=""><div>さくら</div>), the image unnamed or named as the person."""
    for img in block.iter("img"):
        parent = img.getparent()
        if parent is None or parent is block or parent in inside or _NOT_AVATAR.search(attrs_text(img)) \
                or _FLAG_SRC.search(img.get("src") or ""):
            continue
        kids = [c for c in parent if tag(c)]
        if len(kids) != 2 or kids[0] is not img or len(kids[1]) or (parent.text or "").strip() or tag(kids[1]) == "button":
            continue
        t = clean_text(element_text(kids[1]))
        if not t or len(t) > 40 or re.search(r"\d", t) or (img.get("alt") or t).strip() != t:
            continue
        name = _clean_author(t)
        if name and rating_from_text(name) is None and not VERIFIED.search(name):
            return kids[1], name
    return None, None


# "Review from", "Reviewed by" for screen readers before a name (BBB): the rest is the author
_HIDDEN_PREFIX = re.compile(r"(?:(?:review|rating|comment)\s+(?:from|by)|" + _BY + r")\s*:?", re.I)


def _after_hidden_prefix(el) -> str | None:
    """The name after a screen-reader prefix that opens the element, else None."""
    first = next((c for c in el if tag(c)), None)
    if first is None or (el.text or "").strip() or not HIDDEN_TEXT.search(attrs_text(first)):
        return None
    if not _HIDDEN_PREFIX.fullmatch(element_text(first)):
        return None
    rest = " ".join(filter(None, [first.tail] + [element_text(c) + " " + (c.tail or "") for c in first.itersiblings()
                                                 if tag(c)]))
    name = _clean_author(" ".join(rest.split()))
    return name if name and name_like(name) else None


_SCORE_NAMED = re.compile(r"(?:^|[\s_-])score(?:$|[\s_-])", re.I)
# a rating's label standing alone, its value in a badge's colour or title ("Rated", "Note :")
_RATING_LABEL = re.compile(r"(?:rated|rating|score|note|bewertung|puntuaci[oó]n|calificaci[oó]n|valutazione|"
                           r"beoordeling|оценка|stars?|sterne?|étoiles?|estrellas?|stelle|звезд[аы]?)\s*:?", re.I)
# (and a star icon's own word, read out for screen readers: "<i class=star><span>Star</span></i>")


# a signature: the name, a line break, the person's role or company ("Ann Beck<br>Director, <a>Cakes</a>")
_SIGNATURE_REST = re.compile(r"[^\n]{2,80}")


def _before_break(el) -> str | None:
    """The text of `el` up to its first <br> child, or None when it has none."""
    parts = [el.text or ""]
    for c in el:
        if tag(c) == "br":
            return " ".join("".join(parts).split()) or None
        parts += [element_text(c) if tag(c) else "", c.tail or ""]
    return None


def _name_before_break(el, named: bool = False) -> str | None:
    kids = [c for c in el if tag(c)]
    if not kids or tag(kids[0]) != "br" or len(element_text(el)) > 120:
        return None
    rest = " ".join(((kids[0].tail or "") + " ".join(element_text(c) + (c.tail or "") for c in kids[1:])).split())
    name = " ".join((el.text or "").split())
    if not _SIGNATURE_REST.fullmatch(rest) or "," not in rest and not any(tag(c) == "a" or named and tag(c) == "br" for c in kids[1:]):
        return None  # (the lines after it name a role, a company or a place: "Owner, <a>Studio</a>"; in an element
    # named for the author, more lines: "NAME<br>CEO<br>Acme")
    return name if 2 <= len(name) <= 40 and name_like(name) and rating_from_text(name) is None else None


def guess_author(block, skip: list):
    """Last resort: the first short, name-shaped line of the block ("Linda · 2024-04-11");
    when that line sits beside the stars (perhaps the title), a later one followed by a
    verified badge or a date wins."""
    inside = Covered(skip)
    first = None
    not_names = []
    if (found := bare_byline_name(block, inside))[0] is not None or (found := bold_name_before_date(block, inside))[0] is not None:
        return found  # "| by NAME about <a>HOST</a>", "<b>NAME</b>, PLACE 16.03.2018"
    for el in block.iter():
        if el is block or not tag(el) or el in inside or tag(el) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            continue
        if tag(el) == "a" and not PERSON_HREF.search(el.get("href") or "") or _SCORE_NAMED.search(el.get("class") or "") \
                or in_thing_box(el, block, tags=True):
            continue  # (a line the site names the score holds its verdict: "Likes it")
        if facts_list(el):  # (reviews_definitions: "Age 20-29 / Sex male" terms and values, no name)
            not_names.append(el)
            continue
        signed = _name_before_break(el)
        if signed and first is None:
            return el, signed
        kids = [c for c in el if tag(c) and element_text(c)]
        if any(tag(c) not in ("small", "time", "span") for c in kids) or \
                sum(1 for c in kids if tag(c) == "span") > 1:
            continue
        t = element_text(el)
        if not t or len(t) > 80 or any(descends(el, n) for n in not_names):
            continue
        if re.fullmatch(_BY, t, re.I) or action_word(t) or _RATING_LABEL.fullmatch(t) or indicator_label(el) \
                or SECTION_LABEL.fullmatch(t):
            continue  # "By" in a cell of its own before the name's cell, a "Comment" button: no name
        if toggle_line(t) or source_line(t):
            not_names.append(el)  # a "Leer más..." toggle, a "Publicado en Facebook" line: no name, nor its parts
            continue
        if el.getparent() is not None and CARD_PRICE.search(element_text(el.getparent())[:200]):
            continue  # a line among the item's facts beside its price ("Rioja $40"): no reviewer
        dated = find_date_text(t) is not None
        name = (_clean_author(t) or labelled_name(t, anonymous)) if dated or re.search(r"\s[·|•–—]", t) else signature_name(t) or t
        if name and len(name) <= 40 and not (len(name) == 1 and name.isascii()) and not posting_verb(name) \
                and (name_like(name) or tag(el) == "a" and _handle(name) or dated and labelled_name(t, anonymous) == name) \
                and rating_from_text(name) is None and not VERIFIED.search(name):
            if first is not None and dated:
                return el, name  # "Emma W. · March 12, 2024" after a line beside the stars
            if first is None:
                first = (el, name)
                prev = el.getprevious()
                if prev is None or not tag(prev) or rating_of(prev) is None:
                    return first
                continue  # a line beside the stars may be the title (Flipkart): look further
            nxt = el.getnext()
            nxt_text = element_text(nxt)[:80] if nxt is not None and tag(nxt) else ""
            if nxt_text and (may_be_verified(nxt_text) and VERIFIED.search(nxt_text) or find_date_text(nxt_text)):
                return el, name  # a name line followed by its badge or date
    return first or (None, None)


# a profile link's text is the reviewer's name however it is written: a lower-case handle
# ("kisha m", "thila2015" on Tripadvisor), not a link's own words
_HANDLE = re.compile(r"[^\W_][\w.'-]*(?: [^\W_][\w.'-]*){0,2}(?: \"[^\"]{1,40}\")?")  # (a quoted nickname after it)
_LINK_WORDS = re.compile(r"\b(?:view|see|profile|reviews?|more|all|follow|read|show|contributions?)\b", re.I)


def _handle(text: str) -> bool:
    text = _LOST_LETTER.sub("x", _DECORATION.sub("", text))  # (an emoji or symbol closing a display name: "Juno.🌳")
    return len(text) <= 30 and _HANDLE.fullmatch(text) is not None and not _LINK_WORDS.search(text) \
        and not _SENTENCE.search(text)


_LOST_LETTER = re.compile(r"(?<=[^\W\d_])[?\ufffd](?=[^\W\d_])")  # a letter lost to the encoding: "Jo?o" (João)
# pictographs and symbols (with their variation selectors and joiners) after a name's letters
_DECORATION = re.compile(r"(?<=[\w.])[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")

