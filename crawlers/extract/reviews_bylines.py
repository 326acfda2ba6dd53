"""Review by-lines and their dates, where the general anchors miss them.

A review's by-line often prints its date as bare text beside inline markup: "Reviewed by
<strong><a>NAME</a></strong> on 03/14/2009." in a heading that also holds the member's details
in a <small>. The element's whole text is long and the date sits in no element of its own,
so it is read from the element's own text: its text and its children's tails.
"""
from __future__ import annotations

import re

from .reviews_dates import find_date_text

# elements a by-line is printed in (inline wrappers are read through their parent)
_BYLINE_TAGS = {"h2", "h3", "h4", "h5", "h6", "p", "div", "li", "td", "dd", "span", "small", "header", "footer"}


def own_text(el) -> str:
    """The text an element holds itself, its children's text left out (their tails kept)."""
    parts = [el.text or ""]
    parts.extend(c.tail or "" for c in el)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


# the words a by-line joins its name and date with: what is left of it once both are read
_CONNECTORS = frozenset("by on at posted written reviewed review submitted received verfasst geschrieben von am um par le "
                        "publié écrit rédigé de por el publicado escrito door op geplaatst di il da scritto "
                        "pubblicato from submetido enviado inviato em en a | · - – —".split())


def posting_verb(text: str) -> bool:
    """Whether a line left of a by-line once its date is read is only the verb that posted it
    ("Received <time>…</time>", "Posted"): no name."""
    return text.strip().lower() in ("posted", "written", "reviewed", "submitted", "received", "published", "added")


def connectors_only(text: str) -> bool:
    """Whether a line is only a by-line's joining words ("Verfasst von am", "Posted by on"): the
    name and the date read apart, what remains is no text of the review."""
    words = re.findall(r"[^\W\d_]+|[|·–—-]", text.lower())
    return 2 <= len(words) <= 6 and not re.search(r"\d", text) and all(w in _CONNECTORS for w in words)


def byline_date(el) -> bool:
    """Whether an element with children prints a date in its own short text ("… on 03/14/2009.")."""
    if len(el) == 0 or not isinstance(el.tag, str) or el.tag.lower() not in _BYLINE_TAGS:
        return False
    text = own_text(el)
    return bool(text) and len(text) <= 60 and any(ch.isdigit() for ch in text) and find_date_text(text) is not None


_BLOCK_TAGS = {"div", "p", "ul", "ol", "dl", "table", "blockquote", "section", "article"}


def holds_blocks(el) -> bool:
    """Whether a by-line element also holds block elements with a text of their own (60
    characters or more beyond its by-line: Epinions prints "Review by NAME  DATE<br>" and then
    the pros and cons rows in one div): it is no part to leave out of the review's text whole.
    (A name's box with a badge under it, "Emma W. / Verified Customer", is no such holder.)"""
    if not any(isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS for d in el.iterdescendants()):
        return False
    return len(re.sub(r"\s+", " ", el.text_content() or "").strip()) - len(own_text(el)) >= 60


def byline_date_in(block, inside, *, now, lang, region):
    """(element, YYYY-MM-DD) of the first by-line in a block that prints its date in its own
    text, else (None, None). `inside`: the elements to pass over (a Covered)."""
    from .reviews_dates import parse_date

    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or el in inside or not byline_date(el):
            continue
        d = parse_date(find_date_text(own_text(el)), now=now, lang=lang, region=region)
        if d:
            return el, d
    return None, None


# a by-line that prints only a time, no day: "NAME, в 19:42", "NAME at 7:42 PM", "NAME um 19:42 Uhr"
# (feeds print today's posts so, "вчера"/"yesterday" and dates for older ones)
_TIME_ONLY = re.compile(r"(?:^|[\s,·|–-])(?:в|at|um|à|às|a las|alle|om|o|kl\.?|saat)\s+([01]?\d|2[0-3])[:.h]([0-5]\d)"
                        r"(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?\s*$", re.I)


def time_today(block, inside, now):
    """(element, YYYY-MM-DD) of a short by-line in the block that dates its review by a time alone:
    today, as `now` says; else (None, None). Only asked when the block gives no date at all."""
    if now is None:
        return None, None
    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or el in inside or len(el) > 3:
            continue
        text = _SPACE.sub(" ", "".join(el.itertext())).strip()
        if 0 < len(text) <= 60 and _TIME_ONLY.search(text) and not find_date_text(text):
            return el, now.date().isoformat()
    return None, None


# the verb a by-line says the reviewer acted with, right after the name: "<strong>NAME</strong>
# dodał opinię o <a>SHOP</a>", "<span>NAME</span> <div>a noté</div> <a>INSURER</a>",
# "NAME reviewed <a>PLACE</a>"; the link after it is the thing reviewed, not the reviewer
_REVIEW_VERB = re.compile(
    r"(?:reviewed|rated|wrote an? (?:review|opinion)|left an? (?:review|rating)|posted an? review|"
    r"a (?:noté|évalué|donné son avis|laissé un avis|publié un avis|écrit un avis)|"
    r"hat\s.{1,60}?\sbewertet|bewertete|schrieb eine (?:bewertung|rezension)|"
    r"(?:dodał|dodała|wystawił|wystawiła|napisał|napisała)\s+(?:opini[eęi]|recenzj[eęi]|ocen[eęy])|"
    r"(?:оставил|оставила|написал|написала)\s+отзыв|оценил[аи]?\b|залишив|залишила|"
    r"ha (?:recensito|valutato|scritto una recensione)|(?:opinó|valoró|escribió una (?:opinión|reseña))|"
    r"heeft\s.{1,60}?\sbeoordeeld|beoordeelde|schreef een (?:review|recensie)|avaliou|escreveu uma avaliação|"
    r"(?:hodnotil|hodnotila|napsal|napsala)\b|değerlendirdi|yorum yaptı|"
    r"opina (?:de|sobre)|(?:says|writes|wrote) about|(?:schreibt|schrieb) über|pisze o|(?:a )?écrit sur|"
    r"scrive (?:di|su)|пишет (?:о|об|про))(?!\w)(?!\s*:)", re.I)  # (not "Reviewed: DATE")
# the name and the verb as one line's own text before the link: "<b>NAME opina de <a>PRO</a>:</b>"
_NAME_THEN_VERB = re.compile(r"([A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁ][\w'’.-]*(?: [A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁ][\w'’.-]*){0,3}) (.+)")
_SPACE = re.compile(r"\s+")


def _text_after(el, block) -> str:
    """The first text after `el` in its line (its tail, else its next siblings' or its parent's
    or grandparent's next siblings'), within `block`; empty elements are passed over."""
    node, depth = el, 0
    while node is not None and node is not block and depth < 3:
        depth += 1
        if (node.tail or "").strip():
            return node.tail
        for sib in node.itersiblings():
            if isinstance(sib.tag, str):
                t = " ".join(sib.itertext()).strip()
                if t:
                    return t
            if (sib.tail or "").strip():
                return sib.tail
        node = node.getparent()
    return ""


def verb_byline(block, inside):
    """(element, name) of the reviewer a by-line names before a review verb ("NAME dodał
    opinię o …", "NAME a noté …"), else None. `inside`: the elements to pass over."""
    for el in block.iter("b", "strong", "span", "div", "p", "em", "cite"):
        if el is block or len(el) > 3 or el in inside or any(
                isinstance(c.tag, str) and c.tag not in ("span", "b", "strong", "a") for c in el.iterdescendants()):
            continue
        if _REVIEW_VERB.match(_text_after(el, block).strip()):
            name = _SPACE.sub(" ", " ".join(el.itertext())).strip()
            if 1 <= len(name) <= 60 and find_date_text(name) is None and not _REVIEW_VERB.search(name):
                return el, name
        first = el[0] if len(el) else None
        m = _NAME_THEN_VERB.fullmatch(_SPACE.sub(" ", el.text or "").strip()) if first is not None and first.tag == "a" else None
        if m and _REVIEW_VERB.fullmatch(m.group(2)):
            return el, m.group(1)  # "<b>NAME opina de <a>PRO</a>:</b>": the name opens the line, the link is the thing
    return None


def colon_signature(block, inside):
    """(element, name) of a bold name opening a line and followed by a colon and the text
    ("<b>NAME</b>: TEXT …", a guestbook's or a feed's way), else None."""
    for el in block.iter("b", "strong"):
        if el in inside or len(el) or not 1 <= len(name := _SPACE.sub(" ", el.text or "").strip()) <= 40:
            continue
        parent, tail = el.getparent(), el.tail or ""
        if parent is None or (parent.text or "").strip() or any(
                " ".join(s.itertext()).strip() for s in el.itersiblings(preceding=True)):
            continue  # (not opening its line)
        rest = tail.strip()
        after = " ".join([rest[1:], *(" ".join(s.itertext()) for s in el.itersiblings())]).strip()
        if rest.startswith(":") and len(after) >= 20 and not name.endswith(":") and find_date_text(name) is None:
            return el, name
    return None


# a signature after the text: "NAME | PLACE", "NAME · ROLE" (a name, a bar, where or who the writer is)
_BAR = re.compile(r"\s*[|·•]\s*")


def bar_signature(block, inside, is_name):
    """(element, name) of the block's last line when it is a short signature, a name and after a
    bar a place or a role ("ANN<span>|</span>LEEDS"), below a longer text; else None.
    `is_name(text)` tells a name's shape."""
    last = None
    for el in reversed(list(block.iter())):  # (the last line first)
        if isinstance(el.tag, str) and el not in inside and (t := " ".join(el.itertext()).strip()) and \
                not any(isinstance(c.tag, str) and len(" ".join(c.itertext()).strip()) > 3 for c in el):
            if re.search(r"[^\W\d_]", t):
                last = (el, t)  # (a leaf line; a bar in a child of its own does not count as one)
                break
    if last is None:
        return None
    el, t = last
    parts = [p for p in _BAR.split(_SPACE.sub(" ", t)) if p]
    before = " ".join(block.itertext()).split(parts[0])[0] if parts else ""
    if len(t) <= 60 and len(parts) >= 2 and is_name(parts[0]) and len(before.strip()) >= 20:
        return el, parts[0]
    return None


# the verb a by-line says a business answered with: "<a>INSURER</a> <div>a répondu à</div> <span>NAME</span>"
_REPLY_VERB = re.compile(
    r"(?:replied to|responded to|answered|a répondu à|a répondu|hat\s.{1,40}?\sgeantwortet|antwortete|"
    r"(?:ответил|ответила)\s+(?:на|пользователю)|відповів|відповіла|(?:odpowiedział|odpowiedziała)|"
    r"ha risposto|respondió|respondeu|heeft gereageerd|reageerde|odpověděl|yanıtladı)(?!\w)", re.I)


_TEXT_NAMED = re.compile(r"(?:^|[\s_-])(?:text|body|content|comment|message|description)(?:$|[\s_-])", re.I)


def reply_byline(block) -> bool:
    """Whether a block opens with a by-line saying someone answered ("INSURER a répondu à NAME"): a
    reply in a list of reviews and replies, not a review (asked only of blocks without stars)."""
    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.tag in ("p", "blockquote") or len((el.text or "").strip()) >= 20 or _TEXT_NAMED.search(el.get("class") or ""):
            return False  # (past the head, at the text: an answer under it is the review's own)
        if len(el) <= 3 and _REPLY_VERB.match(_text_after(el, block).strip()) and \
                1 <= len(_SPACE.sub(" ", " ".join(el.itertext())).strip()) <= 60:
            return True
    return False


def header_before_title(body_el, title_el, skip: list, byline: tuple = ()) -> bool:
    """Whether a text read from an element around the title lies wholly before the title, in
    the element that also holds `byline` (the name or the date) before it: the card's header, not what the
    reviewer wrote ("NAME - DATE - DEVICE with version 1.0", then the title, and no text after
    it: a review of one line given in its title slot). (A text with its title after it, in an
    element of its own, stays the text.)"""
    if body_el is None or title_el is None or not any(a is body_el for a in title_el.iterancestors()):
        return False
    skipped = {id(d) for s in skip if s is not None for d in s.iter()}
    named = {id(d) for b in byline if b is not None and b is not body_el for d in b.iter()}
    after, seen, header = [], False, False
    for node in body_el.iter():
        if not seen and id(node) in named:
            header = True  # (the name or the date read before the title, in the same element: a header row)
        if node is title_el:
            seen = True
            after.append(title_el.tail or "")
            continue
        if not seen or not isinstance(node.tag, str) or id(node) in skipped or any(a is title_el for a in node.iterancestors()):
            continue
        after.append((node.text or "") + (node.tail or ""))
    for a in title_el.iterancestors():  # (the tails of the rows around the title follow it too)
        if a is body_el:
            break
        after.append(a.tail or "")
    return header and not re.sub(r"[\s\xa0]+", "", "".join(after))


# a separator between a date stamp and the name after it: "před 35 minutami, Host"; a spaced
# hyphen too ("18 March 2018 - anthony_b9")
_AFTER_STAMP = re.compile(r"^\s*(?:[,·|•–—]|\s-\s)\s*(\S.{0,39})$")
# an element named for the date stamp ("datestamp", "review-date", "posted")
_STAMP_NAMED = re.compile(r"date|stamp|posted", re.I)
# a weekday before the date ("Sunday 18 March 2018")
_WEEKDAY = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
                      r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
                      r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s*", re.I)
# a user's handle or a short name: one token ("anthony_b9") or up to three capitalised words
_HANDLE = re.compile(r"[\w.@-]{2,30}|[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w.'-]*){0,2}")


def stamp_then_name(el, text: str, person_attr) -> str | None:
    """The name a line ends with after the date it opens with ("před 2 hodinami, NAME",
    "3 days ago · NAME"), when the element has no children and its class names a person
    (`person_attr`: "review-time-guest-name"); or names the date stamp ("datestamp": "Sunday 18
    March 2018 - anthony_b9", a weekday allowed before the date, the name a handle or up to
    three capitalised words), else None."""
    if len(el):
        return None
    person = person_attr.search(el.get("class") or "")
    if not person and not _STAMP_NAMED.search(el.get("class") or ""):
        return None
    s = text.strip()
    frag = find_date_text(s)
    if not frag or s.find(frag) != 0 and (person or not _WEEKDAY.fullmatch(s[:s.find(frag)])):
        return None
    m = _AFTER_STAMP.match(s[s.find(frag) + len(frag):])
    name = m.group(1).strip() if m and not find_date_text(m.group(1)) else None
    if name and not person and not (_HANDLE.fullmatch(name) and (" " not in name or name.istitle())):
        return None
    return name


# a line that opens with a by-word, then the name and the date ("Reviewed By: NAME on 6/10/2009",
# "Posted by NAME, 12.03.2024"): whatever stands in the name's place is the reviewer's name as the
# site prints it, a user's handle in lower case or with figures too ("qu4rtz7", "ny blue")
_BY_OPENER = re.compile(r"^\W*(?:(?:reviewed|review|posted|written|submitted|rated)\s+)?(?:by|von|par|por|door)\s*:?\s+(\S.*)", re.I)
# the word joining the name to its date ("on", "am", "le")
_DATE_JOINER = re.compile(r"[\s,·|•–—-]+(?:on|am|at|le|el|il|op|em|в|dne)?[\s,·|•–—-]*$", re.I)


def labelled_name(line: str, anonymous) -> str | None:
    """The name between a by-word opening a dated line and its date, when it is shaped like a
    handle or a short name (one to three words) and names somebody (`anonymous` says not)."""
    m = _BY_OPENER.match(line)
    frag = find_date_text(line) if m else None
    if not frag or line.find(frag) < m.start(1):
        return None
    name = _DATE_JOINER.sub("", " " + line[m.start(1):line.find(frag)]).strip()
    return name if name and len(name) <= 30 and _HANDLE.fullmatch(name) and not anonymous(name) else None


# a by-line framing the reviewer's name in a phrase ("来自于 NAME 的评价": "NAME's review", on a
# Chinese shop's product tiles; "来自 NAME 的评论"): the frame is no part of the name, and whatever
# stands between its two halves is the name as the site prints it (a user number too)
_FRAMED_NAME = re.compile(r"来自(?:于)?\s*(.*?)\s*的(?:评价|评论|点评)")


def framed_name(text: str) -> str | None:
    """The name inside a by-line frame ('' when the frame is empty), or None when `text` is no
    such frame."""
    m = _FRAMED_NAME.fullmatch(text.strip())
    return m.group(1).strip() if m else None


# a testimonial's signature naming the signer's home town after the name: "Marissa from
# Deerfield, IL" (the comma's state already cut), "Jonas aus Köln"
_FROM_TOWN = re.compile(r"([^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2}) (?:from|aus) [A-ZÀ-ÖØ-Þ][\w.' -]*")


def without_home_town(name: str) -> str:
    """`name` without the home town a testimonial's signature adds after it ("from TOWN")."""
    m = _FROM_TOWN.fullmatch(name)
    return m.group(1) if m else name


# a signature line of a name and the signer's place: "Anna, Leeds", "Peter M., York, UK",
# "Piotr, Gdańsk", "Anna from Leeds", "Jonas aus Köln" (the name first, capitalised words after; not
# "de", "da" or "di", which are parts of names: "Sanne de V.", "Maria da Silva"; and one place only,
# "Gümbet, Bodrum, Muğla" being an address)
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w.'’-]*"
_SIGNATURE = re.compile(r"(" + _CAP + r"(?: " + _CAP + r"){0,2})(?:, | (?:from|aus|uit|från|fra|z|из|з) )"
                        + _CAP + r"(?: " + _CAP + r"){0,2}(?:, [A-Z]{2,3})?")  # (then a state's code at most)


def signature_name(text: str) -> str | None:
    """The name of a "NAME, PLACE" or "NAME from PLACE" signature line, else None."""
    m = _SIGNATURE.fullmatch(text.strip())
    return m.group(1) if m else None


# the "by" a by-line prints between its date and the name ("Reviewed 5 hours ago by <a>NAME</a>")
_BY_AFTER_DATE = re.compile(r"[\s,.:;–-]*(?:by|von|par|por|door|от|від)\s*", re.I)


def date_then_name(block, inside):
    """(element, name) when a leaf line of `block` ends with its date and then "by", and the
    element right after it (nothing between) holds the name: "Reviewed 5 hours, 40 minutes ago
    by <a>NAME</a>". Else None. `inside`: the elements to pass over."""
    for el in block.iter("span", "small", "em", "p", "div"):
        if el is block or len(el) or el in inside or (el.tail or "").strip():
            continue
        t = own_text(el)
        frag = find_date_text(t) if t and len(t) <= 80 else None
        if not frag or not _BY_AFTER_DATE.fullmatch(t[t.rfind(frag) + len(frag):]):
            continue
        nxt = el.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        name = _SPACE.sub(" ", " ".join(nxt.itertext())).strip() if nxt is not None and nxt not in inside else ""
        if 1 <= len(name) <= 60 and find_date_text(name) is None:
            return nxt, name
    return None


# a card's heading naming the item and then its reviewer: "PRODUCT review door NAME" (a Dutch tech site),
# "FILM recension av NAME", "BOOK anmeldelse af NAME", "ALBUM review by NAME"
_HEADING_BY = re.compile(r"\S.*?\s(?:user\s+|gebruikers)?(?:review|recensie|recension|anmeldelse|arvostelu|arvio|rezension|"
                         r"critique|recensione|reseña|recenzja|recenze|retsensioon|atsauksme|atsiliepimas)\s+"
                         r"(?:by|door|van|von|av|af|de|par|di|por|od|от)\s+(\S.{0,39})", re.I)


def heading_byline(block, inside):
    """(heading, name) when a heading of `block` (h1-h6, its text up to 100 characters) names an
    item and then its reviewer after "review by/door/av/af …", the name a handle or up to three
    words; else None. ("Review by NAME" opening a heading is read by the by-word rules.)"""
    for el in block.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if el in inside:
            continue
        t = _SPACE.sub(" ", " ".join(el.itertext())).strip()
        m = _HEADING_BY.fullmatch(t) if len(t) <= 100 else None
        if m and _HANDLE.fullmatch(m.group(1)) and find_date_text(m.group(1)) is None:
            return el, m.group(1)
    return None


# a part of a signature naming the signer's company or role ("- NAME <span class=company>, Acme</span>")
_ROLE_PART = re.compile(r"company|organi[sz]ation|employer|role|job|position|occupation|designation", re.I)


def role_part(el) -> bool:
    """Whether an element's class or id names the signer's company or role: no name of the signer."""
    return _ROLE_PART.search(" ".join(filter(None, (el.get("class"), el.get("id"))))) is not None
