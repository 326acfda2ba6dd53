"""Reviews a page carries only as data for its scripts: the state a client-rendered page is drawn
from (Next.js' __NEXT_DATA__, Nuxt's and Redux's window.__INITIAL_STATE__ = {...}, Apollo's
cache, <script type="application/json">, JSON.parse("...")). Fetched without a browser, such a
page shows no review in its markup, yet every review is in that data: a list of objects each
with a text and a rating, a date or an author, under a key that names reviews ("reviews",
"comments", Bazaarvoice's "Results" of "ReviewText"), or typed so (GraphQL's "__typename":
"Review"). Read only when the markup and the layout give no review (extract_reviews).
"""
from __future__ import annotations

import html as html_lib
import json
import re

from .reviews_dates import epoch_date, parse_date
from .reviews_normalize import clean_text, detect_language, scale_rating, to_number

_REVIEWISH = re.compile(r"review|comment|feedback|testimonial|opinion|rating|avis|bewertung|resena|reseña|recensio|"
                        r"otzyv|отзыв|评价|評價|レビュー|口コミ|리뷰|후기", re.I)
# keys read as each field (lower-cased, "_" and "-" left out), in order of preference
_TEXT_KEYS = ("reviewtext", "reviewbody", "body", "text", "comment", "comments", "commenttext", "content", "review",
              "message", "opinion", "feedback", "description")
_REVIEW_TEXT_KEYS = frozenset({"reviewtext", "reviewbody", "commenttext"})  # review-specific by themselves
_RATING_KEYS = ("rating", "ratingvalue", "stars", "starrating", "score", "overallrating", "reviewrating",
                "userrating", "rate", "grade", "overall")
_BEST_KEYS = ("bestrating", "ratingrange", "maxrating", "scale", "outof", "max")
_DATE_KEYS = ("datepublished", "submissiontime", "publishedat", "publisheddate", "createdat", "datecreated",
              "created", "reviewdate", "date", "submitteddate", "postedat", "time", "timestamp", "createtime")
_AUTHOR_KEYS = ("author", "authorname", "usernickname", "nickname", "reviewer", "reviewername", "displayname",
                "username", "user", "customername", "customer", "consumer", "name")
_TITLE_KEYS = ("title", "headline", "reviewtitle", "summary", "subject")
_ID_KEYS = ("reviewid", "id", "uuid", "commentid")
_VOTE_KEYS = ("helpfulcount", "helpfulvotes", "totalpositivefeedbackcount", "upvotes", "upvotecount",
              "likes", "likecount", "helpful", "usefulcount", "thumbsupcount")
_VERIFIED_KEYS = ("verified", "isverified", "verifiedpurchase", "isverifiedpurchase", "verifiedbuyer",
                  "isverifiedbuyer")
_NAME_PARTS = ("displayname", "name", "nickname", "username", "fullname", "firstname")

_MAX_NODES = 400_000  # a page's state can be megabytes: walk so many values at most
_ASSIGNED = re.compile(r"(?:^|[;,{}\s])(?:window|self|globalThis)?\.?[\w$]{1,60}(?:\.[\w$]{1,60}|\[\"[^\"]{1,60}\"\])*\s*=\s*(?=[{\[])")
_PARSED = re.compile(r"JSON\.parse\(\s*(\"(?:[^\"\\]|\\.){20,}\")\s*\)", re.S)
_TAG = re.compile(r"<[^>]{0,400}>")
_JSON_START = re.compile(r"\{\s*(?:\"|\})|\[\s*(?:\{\s*\"|\"|\d|\])")  # an object or array as JSON writes it


def script_data(root) -> list:
    """The JSON values of the page's scripts, parsed once for state_reviews and state_aggregate."""
    return list(_blobs(root))


def state_reviews(blobs: list, url: str, *, now, lang, region) -> list[dict]:
    """Reviews found in the page's script data (`blobs`: script_data; see the module's note), in
    the data's order."""
    out, seen, taken = [], set(), set()
    for blob in blobs:
        for items, path in _review_lists(blob, taken):
            if not _worth(items, path):
                continue
            refs = blob if isinstance(blob, dict) else {}  # (an Apollo cache: {"__ref": "User:9"} names its entry)
            read = [(item, _review(item, path, url, now=now, lang=lang, region=region, refs=refs)) for item in items]
            taken.update(id(item) for item, r in read if r)  # (their replies and photos are theirs: not walked)
            found = [r for _, r in read if r]
            _rescale(found)
            for r in found:
                key = re.sub(r"\W+", "", (r["body"] or "").lower())[:300]
                if key and key not in seen:
                    seen.add(key)
                    out.append(r)
    return out


def _blobs(root):
    """The JSON values of the page's scripts: whole JSON scripts, objects assigned in others."""
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        text = script.text or ""
        if script.get("src") or len(text) < 40 or "ld+json" in kind:
            continue
        if "json" in kind or script.get("id") == "__NEXT_DATA__":
            try:
                yield json.loads(text)
            except ValueError:
                pass
            continue
        if kind and "javascript" not in kind and "module" not in kind:
            continue  # (templates: text/template, text/x-handlebars)
        decoder, failed = json.JSONDecoder(), 0
        for m in _ASSIGNED.finditer(text):
            if not _JSON_START.match(text, m.end()):
                continue  # (a JavaScript literal, not JSON: {a: 1})
            try:
                yield decoder.raw_decode(text, m.end())[0]
            except ValueError:  # (json's error counts the lines before it, a pass over the script: five at most)
                failed += 1
                if failed >= 5:
                    break
        for m in _PARSED.finditer(text):
            try:
                yield json.loads(json.loads(m.group(1)))
            except ValueError:
                continue


def _norm(key: str) -> str:
    return str(key).replace("_", "").replace("-", "").replace(" ", "").lower()


def _worth(items: list, path: tuple) -> bool:
    """Whether a list may be of reviews at all: its key names them, or its first objects are typed
    reviews or carry a review's text key (before reading every object of a long list)."""
    if any(_REVIEWISH.search(p) for p in path[-3:]):
        return True
    return any("review" in str(x.get("__typename", "")).lower() or any(_norm(k) in _REVIEW_TEXT_KEYS for k in x)
               for x in items[:5])


def _review_lists(blob, taken: set):
    """(items, path) of every list of objects in `blob` that may hold reviews; an Apollo cache's
    objects typed "Review…" count as one list. Objects whose ids the caller put in `taken` (read
    as reviews) are not walked into."""
    stack, walked = [(blob, ())], 0
    while stack and walked < _MAX_NODES:
        node, path = stack.pop()
        walked += 1
        if isinstance(node, list):
            items = [x["node"] if isinstance(x, dict) and isinstance(x.get("node"), dict) else x for x in node]
            dicts = [x for x in items if isinstance(x, dict)]
            if dicts:
                yield dicts, path
            stack.extend((x, path) for x in reversed(items) if isinstance(x, (list, dict)) and id(x) not in taken)
        elif isinstance(node, dict):
            typed = [v for v in node.values() if isinstance(v, dict) and "review" in str(v.get("__typename", "")).lower()]
            if len(typed) >= 2:
                yield typed, path + ("reviews",)
            stack.extend((v, path + (str(k),)) for k, v in reversed(list(node.items()))
                         if isinstance(v, (list, dict)) and id(v) not in taken)


def _pick(fields: dict, keys: tuple):
    for k in keys:
        v = fields.get(k)
        if v not in (None, "", [], {}):
            return k, v
    return None, None


def _plain(value) -> str | None:
    if not isinstance(value, str):
        return None
    text = _TAG.sub(" ", value) if "<" in value else value
    return clean_text(html_lib.unescape(text)) or None


def _review(item: dict, path: tuple, url: str, *, now, lang, region, refs: dict) -> dict | None:
    fields = {_norm(k): v for k, v in item.items()}
    typed = "review" in str(item.get("__typename", "")).lower()
    reviewish = typed or any(_REVIEWISH.search(p) for p in path[-3:])
    text_key, text = None, None
    for k in _TEXT_KEYS:
        t = _plain(fields.get(k))
        if t and len(t) >= 2:
            text_key, text = k, t
            break
    if text is None or not (reviewish or text_key in _REVIEW_TEXT_KEYS) or text_key == "description" and not reviewish:
        return None
    rating, best = _rating(fields)
    date = _date(fields, now=now, lang=lang, region=region)
    author = _author(fields, reviewish, refs)
    if rating is None and date is None and author is None:
        return None  # (a list of texts alone: answers, tips, captions)
    _, title = _pick(fields, _TITLE_KEYS)
    title = _plain(title)
    _, rid = _pick(fields, _ID_KEYS)
    _, votes = _pick(fields, _VOTE_KEYS)
    votes = to_number(str(votes)) if isinstance(votes, (int, float, str)) and not isinstance(votes, bool) else None
    _, verified = _pick(fields, _VERIFIED_KEYS)
    return {"site_id": str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None,
            "author": author, "rating": rating, "_best": best, "title": title if title and title != text else None,
            "body": text, "published_at": date, "language": detect_language(text, lang),
            "verified": True if verified is True else None,
            "helpful_votes": int(votes) if votes is not None else None, "product": None, "url": url}


def _rating(fields: dict):
    """(raw figure, its stated best or None)."""
    _, best = _pick(fields, _BEST_KEYS)
    for k in _RATING_KEYS:
        v = fields.get(k)
        if isinstance(v, dict):  # {"value": 4, "best": 5}, {"ratingValue": 4}
            inner = {_norm(a): b for a, b in v.items()}
            best = best or _pick(inner, _BEST_KEYS)[1]
            v = _pick(inner, ("value", "ratingvalue", "rating", "score", "stars"))[1]
        if isinstance(v, bool) or not isinstance(v, (int, float, str)):
            continue
        n = to_number(str(v))
        if n is not None and 0 <= n <= 100:
            b = to_number(str(best)) if isinstance(best, (int, float, str)) and not isinstance(best, bool) else None
            return n, b
    return None, None


def _rescale(reviews: list[dict]) -> None:
    """Ratings on the list's own scale: a stated best, else the largest figure the list shows
    (up to 5 as they are, up to 10 a ten-point scale, above out of 100)."""
    top = max((r["rating"] for r in reviews if r["rating"] is not None), default=0)
    implied = 5.0 if top <= 5 else 10.0 if top <= 10 else 100.0
    for r in reviews:
        best = r.pop("_best", None)
        if r["rating"] is not None:
            r["rating"] = scale_rating(r["rating"], best or implied)


def _date(fields: dict, *, now, lang, region) -> str | None:
    dates = fields.get("dates")
    if isinstance(dates, dict):  # {"dates": {"experiencedDate": …, "publishedDate": …}} (Trustpilot)
        fields = {**{_norm(a): b for a, b in dates.items()}, **fields}
    for k in _DATE_KEYS:
        v = fields.get(k)
        if isinstance(v, bool) or v in (None, ""):
            continue
        if isinstance(v, (int, float)) or isinstance(v, str) and re.fullmatch(r"\d{10}|\d{13}", v.strip()):
            d = epoch_date(str(int(float(v))), now=now)
        elif isinstance(v, str) and len(v) <= 60:
            d = parse_date(v, now=now, lang=lang, region=region)
        else:
            d = None
        if d:
            return d
    return None


def _author(fields: dict, reviewish: bool, refs: dict) -> str | None:
    from .reviews_authors import anonymous  # (reviews_authors imports the layout's modules)

    for k in _AUTHOR_KEYS:
        if k == "name" and not reviewish:
            continue  # (a thing's name, unless the list is of reviews)
        v = fields.get(k)
        if isinstance(v, dict) and isinstance(v.get("__ref"), str):
            v = refs.get(v["__ref"], v)
        if isinstance(v, dict):
            inner = {_norm(a): b for a, b in v.items()}
            v = _pick(inner, _NAME_PARTS)[1]
        name = _plain(v) if isinstance(v, str) and len(v) <= 80 else None
        if name:
            return None if anonymous(name) else name
    return None


_AVERAGE_KEYS = ("averagerating", "ratingvalue", "trustscore", "avgrating", "averagescore", "averageoverallrating",
                 "overallrating", "ratingaverage", "stars")
_COUNT_KEYS = ("numberofreviews", "reviewcount", "totalreviews", "reviewscount", "totalreviewcount", "numreviews",
               "ratingcount", "totalresults")


def state_aggregate(blobs: list) -> dict | None:
    """{rating, count} of the first object in the scripts' data, outside any list (not one item's
    of many), that pairs an average on 0-5 with a review count: the page's own summary, read when
    its reviews came from that data."""
    for blob in blobs:
        stack, walked = [blob], 0
        while stack and walked < _MAX_NODES:
            node = stack.pop()
            walked += 1
            if not isinstance(node, dict):
                continue
            fields = {_norm(k): v for k, v in node.items()}
            _, average = _pick(fields, _AVERAGE_KEYS)
            _, count = _pick(fields, _COUNT_KEYS)
            if isinstance(average, (int, float, str)) and isinstance(count, (int, str)) and not isinstance(average, bool):
                value, n = to_number(str(average)), to_number(str(count))
                if value is not None and 0 < value <= 5 and n and n == int(n):
                    return {"rating": round(value, 2), "count": int(n)}
            stack.extend(v for v in reversed(list(node.values())) if isinstance(v, dict))  # (never into lists)
    return None
