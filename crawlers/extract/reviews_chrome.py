"""The page's own furniture inside a review block, told apart from what the reviewer wrote:
a row of action links and counters ("1129 likes · Like · see review View all 24 comments"),
a row of several links or a labelled link ("Shelves: classics, owned"), and a title's
decorative quotes (only a pair around the whole line)."""
from __future__ import annotations

import re

from .reviews_normalize import element_text
from .reviews_widgets import tag

# the words of a review's action row: counters and the buttons beside them
_ACTION_WORDS = (r"(?:read\s+)?(?:the\s+)?full\s+review|report\s+abuse|"
                 r"likes?|liked|dislikes?|comments?|replies|reply|share|shares|report|flag|see review|"
                 r"view all|view|show all|helpful|not helpful|useful|votes?|upvotes?|permalink|translate|"
                 r"edit|delete|follow|message|link|kommentar|kommentieren|antworten|commenter|répondre|"
                 r"partager|comentar|responder|avis complet|"
                 # a like button in words ("Vind dit leuk", "Gefällt mir", "J'aime")
                 r"vind (?:ik|dit) leuk|gefällt mir|j'aime|me gusta|mi piace|like this|"
                 # the same buttons in Japanese, Chinese, Korean, Vietnamese and Indonesian ("コメントする",
                 # "回复", "답글"; "全文を表示", a store's "Full Review"; not one-character words nor "좋아요",
                 # a whole review in Korean)
                 r"全文を表示|全文表示|コメントする|コメント|返信する|返信|いいね|通報する|通報|回复|回覆|评论|評論|举报|舉報|点赞|"
                 r"댓글|답글|신고|trả lời|báo cáo|balas|laporkan")
_ACTION_TOKEN = re.compile(r"(?:\d[\d.,]*\s*[kKmM]?|" + _ACTION_WORDS + r")", re.I)
_SEPARATORS = re.compile(r"[\s·•|,;:()\[\]/\-–—!?.]+")


def action_word(text: str) -> bool:
    """Whether a text is one action word alone ("Comment", "Permalink", "Report"): a button's label."""
    return re.fullmatch(r"\s*(?:" + _ACTION_WORDS + r")\s*", text, re.I) is not None


def action_row(text: str) -> bool:
    """Whether a text is only counters and action words ("1129 likes · Like · see review View
    all 24 comments", "Reply · Share · 3"): the page's buttons, no reviewer's words. Needs a
    counter or two words, so a one-word review ("Like") is not one."""
    if not text or len(text) > 160:
        return False
    rest = _SEPARATORS.sub(" ", _ACTION_TOKEN.sub(" ", text)).strip()
    if rest:
        return False
    tokens = _ACTION_TOKEN.findall(text)
    return len(tokens) >= 2 and any(re.search(r"\d", t) for t in tokens) or len(tokens) >= 3


_BLOCKS = ("div", "p", "li", "td", "dd", "section", "header", "footer", "article", "ul", "ol", "table", "tr")


def _row(el, block):
    """The nearest block-level element around `el` (inside `block`), or None."""
    for a in el.iterancestors():
        if a is block:
            return None
        if tag(a) in _BLOCKS:
            return a
    return None


_LABEL_BEFORE = re.compile(r"[^\W\d_][^:]{0,30}:\s*$")


def link_in_row(el, block) -> bool:
    """Whether a linked line sits in a row of links (two or more links in the same row: the
    reviewer's name, the date and another edition; a list of tags) or after a label
    ("Shelves: classics"): navigation around the review, not its headline."""
    link = el if tag(el) == "a" else next((a for a in el.iterancestors() if tag(a) == "a"), None)
    if link is None:
        return False
    row = _row(link, block)
    if row is None:
        return False
    links = [a for a in row.iter() if tag(a) == "a" and element_text(a)]
    if len(links) >= 2:
        return True
    parts: list[str] = []

    def walk(node) -> bool:  # the row's text up to the link
        if node is link:
            return True
        if tag(node) and node.text:
            parts.append(node.text)
        for c in node:
            if walk(c):
                return True
            if c.tail:
                parts.append(c.tail)
        return False

    walk(row)
    head = "".join(parts)
    return bool(_LABEL_BEFORE.search(head))


def unquoted(title: str | None, quotes: str) -> str | None:
    """A title without a pair of quotes around all of it ("\u201cGreat tool\u201d"); a quote that
    opens only a part of it stays ("'GLASS HOUSE' keeps its secrets…")."""
    if not title:
        return title
    t = title.strip()
    if len(t) >= 2 and t[0] in quotes and t[-1] in quotes:
        return t[1:-1].strip() or None
    return t


# the one word a comment's reply control says (WordPress' "Reply" link under every comment)
_REPLY_CONTROL = re.compile(r"reply|respond|answer|antworten|répondre|repondre|responder|rispondi|responda|"
                            r"beantwoorden|reageer|odpowiedz|svara|svar|vastaa|yanıtla|ответить|відповісти|"
                            r"trả lời|返信|回复|回覆|답글|답변", re.I)


def reply_control(el) -> bool:
    """Whether an element named for replying is the page's control to reply, not a reply: a
    link or button (or a wrapper holding only links and buttons) whose whole text is one reply
    word ("Reply", "Antworten"). (Its name also says "comment", so it may look like text.)"""
    controls = [d for d in el.iter() if tag(d) in ("a", "button")]
    if not controls or any(tag(d) not in ("a", "button", "span", "i", "svg", "path", "use") for d in el.iter()
                           if tag(d) and d is not el):
        return False
    text = element_text(el)
    return bool(text) and len(text) <= 20 and _REPLY_CONTROL.fullmatch(text.strip(" .:→»›")) is not None


# a class naming the heading of the list of reviews, not of one review: "reviews-heading",
# "reviews-title", "reviewsHeader", "comments-title" (the plural: the list's)
_LIST_HEADING = re.compile(r"(?:^|[\s_-])(?:reviews|comments|ratings)[-_]?(?:heading|header|head|title)(?:$|[\s_-])", re.I)


def list_heading(el) -> bool:
    """Whether `el` is named the heading of a list of reviews ("User reviews" above the first
    card, inside its wrapper): no review's title."""
    return _LIST_HEADING.search(el.get("class") or "") is not None


# a reviewer's standing printed as labels and figures: "후기 12 별점평균 4.0" (reviews 12, average
# rating 4.0), "Reviews 12 · Photos 3", with its screen-reader labels ("작성자 :", "Last edited :")
# (read token by token: a pattern of optional parts would backtrack without end on a long text)
_STAT_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|\S")


def stats_line(text: str) -> bool:
    """Whether a line is only labels of one to three words, each followed by a figure or a
    colon, with two figures or more: the reviewer's counts beside the name, no text."""
    if len(text) > 80:
        return False
    figures, words = 0, 0
    for t in _STAT_TOKEN.findall(text):
        if t[0].isdigit():
            if not words:
                return False  # a figure with no label before it
            figures, words = figures + 1, 0
        elif t in (":", "："):
            if not words:
                return False
            words = 0
        elif t in ("·", "•", "|"):
            continue
        elif t[0].isalpha():
            words += 1
            if words > 3:
                return False  # a phrase, not a label
        else:
            return False  # a sentence's punctuation
    return figures >= 2 and not words


# a light's or tick's class: its state or colour ("sqLed green", "status-on", "icon-check")
_LIGHT = re.compile(r"(?:^|[\s_-])(?:led|light|status|state|check|tick|green|red|amber|yellow|grey|gray|"
                    r"positive|negative|neutral|yes|no|on|off)(?:$|[\s_-])", re.I)
# an icon that stands for a person: the reviewer's name may follow it
_PERSON_ICON = re.compile(r"user|person|author|avatar|profile|people|member", re.I)


def indicator_label(el) -> bool:
    """Whether `el` is the label of a status light: its cell (it, or an ancestor within two steps)
    follows a cell holding only one empty icon ("<div class=cell><i class='sqLed green'></i></div>
    <div class=cell><span>Recommends</span></div>"), a light or tick lit per review, not the
    reviewer's name (unless the icon stands for a person). The icon sits in a cell of its own and
    its class names a light's state or colour (_LIGHT)."""
    for node in [el, *el.iterancestors()][:3]:
        prev = node.getprevious()
        while prev is not None and not tag(prev):
            prev = prev.getprevious()
        if prev is None:
            continue
        leaves = [d for d in prev.iter() if tag(d) and len(d) == 0]
        return (len(leaves) == 1 and leaves[0] is not prev and tag(leaves[0]) in ("i", "span")
                and not element_text(prev).strip() and bool(_LIGHT.search(leaves[0].get("class") or ""))
                and not _PERSON_ICON.search(leaves[0].get("class") or ""))
    return False
