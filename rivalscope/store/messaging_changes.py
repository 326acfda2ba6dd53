"""Messaging change detection: what a reader would notice between two versions of a page.

Both versions are normalised first (Unicode NFKC, quotes and dashes, whitespace, the
competitor's ignore patterns, tracking and cache-busting parameters in links, the order of
unordered lists, the case of button labels, dates and copyright years in the main text), so
noise records nothing. Each noticeable difference becomes one `changes` row of kind
`messaging_change` whose `field` says what changed (headline, cta_added, value_prop_removed,
main_text …), with a stable id: re-running adds nothing.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlite_utils import Database

from .db import now_iso, stable_id, transaction

KIND = "messaging_change"
VIEW = "messaging_changes_view"

TEXT_FIELDS = ("title", "headline", "subheadline", "meta_description", "og_title", "og_description",
               "twitter_title", "twitter_description")
IMAGE_FIELDS = ("og_image", "twitter_image")
LIST_FIELDS = {"value_props": "value_prop", "social_proof": "social_proof",
               "pricing_mentions": "pricing_mention"}

# ---------------------------------------------------------------- links

_TRACKING = re.compile(
    r"^(utm_[a-z0-9_]+|gclid|gclsrc|dclid|fbclid|msclkid|yclid|gbraid|wbraid|twclid|ttclid|"
    r"li_fat_id|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|__hstc|__hssc|__hsfp|hsctatracking|mkt_tok|"
    r"igshid|si|spm|trk|trkcampaign|ref|ref_src|referrer|s_kwcid|ef_id|vero_id|vero_conv|"
    r"oly_anon_id|oly_enc_id|rb_clickid|irclickid|clickid|_branch_match_id|"
    r"sessionid|session_id|sid|jsessionid|phpsessid|cfid|cftoken|"
    r"csrf|csrf_token|csrftoken|_csrf|_token|authenticity_token|xsrf|xsrf_token|nonce)$",
    re.I,
)
_ASSET_IDENTITY = {"url", "src", "id", "image", "img", "file", "path", "name", "photo", "asset"}
_FINGERPRINT = re.compile(r"([./_-])[0-9a-f]{8,}(?=\.[a-z0-9]{2,5}$)", re.I)
_VERSION_SEGMENT = re.compile(r"/v\d{6,}(?=/)")


def strip_tracking(url: str | None) -> str | None:
    """The URL without tracking, session or CSRF parameters (order of the others kept)."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = re.sub(r";jsessionid=[^/?#]*", "", parts.path, flags=re.I)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    fragment = "" if parts.fragment in ("", "!") else parts.fragment
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, doseq=True), fragment))


def url_key(url: str | None, *, asset: bool = False) -> str:
    """Comparable form of a link: no tracking, sorted parameters, lower-case host, no default
    port or trailing slash; for assets (images) also no cache-busting parameters or hashes."""
    if not url:
        return ""
    url = strip_tracking(url.strip()) or ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    if parts.port and not ((parts.scheme, parts.port) in (("http", 80), ("https", 443))):
        host = f"{host}:{parts.port}"
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/") or "/"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if asset:  # an image is its path (and an image-proxy's source); sizes, versions, signatures are noise
        query = [(k, v) for k, v in query if k.lower() in _ASSET_IDENTITY]
        path = _VERSION_SEGMENT.sub("", _FINGERPRINT.sub("", path))
    scheme = "http" if parts.scheme in ("http", "https") else parts.scheme
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), parts.fragment))


# ---------------------------------------------------------------- text

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
})


def normalise(text: str | None, ignore: list[str] | None = None) -> str:
    """What a reader sees: NFKC, plain quotes and dashes, one space, ignore patterns removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text)
    for pattern in regex_patterns(ignore):
        text = re.sub(pattern, " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)\]])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    return text.strip(" |")


def regex_patterns(ignore: list[str] | None) -> list[str]:
    return [p for p in (ignore or []) if p and not p.startswith("css:")]


_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_VOLATILE = [
    (re.compile(r"(©|\(c\)|copyright)\s*(?:\d{4}\s*-\s*)?\d{4}", re.I), r"\1 <year>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"), "<date>"),
    (re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.I), "<date>"),
    (re.compile(rf"\b\d{{1,2}}\.?\s+{_MONTHS}\s+\d{{4}}\b", re.I), "<date>"),
    (re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|[A-Z]{2,4}T))?", re.I), "<time>"),
    (re.compile(r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?)\s+ago\b", re.I), "<ago>"),
    (re.compile(r"\b\d+\s*(?:d|h|m|s|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\s+(?:left|remaining)\b", re.I),
     "<countdown>"),
    (re.compile(r"\bgood (?:morning|afternoon|evening)\b", re.I), "<greeting>"),
]


def mask_volatile(text: str) -> str:
    """Dates, times and copyright years replaced by placeholders (they change on every visit)."""
    for pattern, repl in _VOLATILE:
        text = pattern.sub(repl, text)
    return text


# ---------------------------------------------------------------- canonical snapshot

def _load(value):
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def _ctas(value, ignore) -> list[dict]:
    out, seen = [], set()
    for c in _load(value):
        if not isinstance(c, dict):
            continue
        text = normalise(c.get("text"), ignore)
        if not text:
            continue
        key = (text.casefold(), url_key(c.get("href")))
        if key in seen:
            continue
        seen.add(key)
        out.append({"key": key, "text": text, "href": strip_tracking(c.get("href")),
                    "primary": bool(c.get("primary"))})
    return sorted(out, key=lambda c: c["key"])


def _items(value, ignore) -> dict[str, str]:
    """Unordered list → {comparable key: display text}."""
    out = {}
    for item in _load(value):
        text = normalise(item if isinstance(item, str) else str(item), ignore)
        if text and text.casefold() not in out:
            out[text.casefold()] = text
    return out


def canonical_snapshot(flat: dict, ignore: list[str] | None = None) -> dict:
    """A snapshot (flattened item or stored row) in the form that is compared and hashed."""
    canon = {f: normalise(flat.get(f), ignore) for f in TEXT_FIELDS}
    for f in IMAGE_FIELDS:
        canon[f] = url_key(flat.get(f), asset=True)
    canon["ctas"] = [list(c["key"]) for c in _ctas(flat.get("ctas"), ignore)]
    for f in LIST_FIELDS:
        canon[f] = sorted(_items(flat.get(f), ignore))
    canon["main_text"] = sorted(_lines(flat.get("main_text"), ignore))
    return canon


# ---------------------------------------------------------------- diff

def _words(text: str) -> list[str]:
    return text.split(" ") if text else []


def word_diff(before: str, after: str, context: int = 6) -> list[dict]:
    """Word-level differences: [{op: insert|delete|replace, before, after, context_before, context_after}]."""
    a, b = _words(before), _words(after)
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        ops.append({"op": tag, "before": " ".join(a[i1:i2]), "after": " ".join(b[j1:j2]),
                    "context_before": " ".join(a[max(0, i1 - context):i1]),
                    "context_after": " ".join(a[i2:i2 + context])})
    return ops


def diff_snapshots(prev: dict, new: dict, ignore: list[str] | None = None) -> list[dict]:
    """Changes between two snapshots (flattened items or rows): [{field, before, after, details}]."""
    out: list[dict] = []
    for f in TEXT_FIELDS:
        b, a = normalise(prev.get(f), ignore), normalise(new.get(f), ignore)
        if b != a:
            out.append({"field": f, "before": b or None, "after": a or None, "details": {}})
    for f in IMAGE_FIELDS:
        if url_key(prev.get(f), asset=True) != url_key(new.get(f), asset=True):
            out.append({"field": f, "before": prev.get(f), "after": new.get(f), "details": {}})
    out.extend(_cta_changes(_ctas(prev.get("ctas"), ignore), _ctas(new.get("ctas"), ignore)))
    for f, singular in LIST_FIELDS.items():
        b, a = _items(prev.get(f), ignore), _items(new.get(f), ignore)
        for key in sorted(set(b) - set(a)):
            out.append({"field": f"{singular}_removed", "before": b[key], "after": None, "details": {}})
        for key in sorted(set(a) - set(b)):
            out.append({"field": f"{singular}_added", "before": None, "after": a[key], "details": {}})
    main = _main_text_change(prev, new, ignore, out)
    if main:
        out.append(main)
    return out


def _cta_label(c: dict | None) -> str | None:
    if not c:
        return None
    return f"{c['text']} ({c['href']})" if c.get("href") else c["text"]


def _cta_changes(before: list[dict], after: list[dict]) -> list[dict]:
    keys_after = {c["key"] for c in after}
    keys_before = {c["key"] for c in before}
    gone = [c for c in before if c["key"] not in keys_after]
    new = [c for c in after if c["key"] not in keys_before]
    out = []
    for match_on in (1, 0):  # same target, new label; then same label, new target
        for old in list(gone):
            if not old["key"][match_on]:
                continue
            partner = next((c for c in new if c["key"][match_on] == old["key"][match_on]), None)
            if partner is not None:
                gone.remove(old)
                new.remove(partner)
                out.append({"field": "cta_changed", "before": _cta_label(old), "after": _cta_label(partner),
                            "details": {"before_cta": _public(old), "after_cta": _public(partner)}})
    out += [{"field": "cta_removed", "before": _cta_label(c), "after": None, "details": {"before_cta": _public(c)}}
            for c in gone]
    out += [{"field": "cta_added", "before": None, "after": _cta_label(c), "details": {"after_cta": _public(c)}}
            for c in new]
    return out


def _public(c: dict) -> dict:
    return {"text": c["text"], "href": c["href"], "primary": c["primary"]}


def _lines(text: str | None, ignore) -> list[str]:
    """Main text as comparable lines (blocks): normalised, dates masked, case folded."""
    out = []
    for line in (text or "").splitlines():
        line = mask_volatile(normalise(line, ignore)).casefold()
        if line:
            out.append(line)
    return out


def _strip_values(line: str, values: list[str]) -> str:
    for v in values:
        line = line.replace(v, " ")
    return re.sub(r"\s+", " ", line).strip(" .,;:!?-|")


def _main_text_change(prev: dict, new: dict, ignore, other: list[dict]) -> dict | None:
    """Lines of the main text that were removed or added, ignoring their order and any part
    another change already reports (a new headline is also a new line of main text)."""
    before, after = _lines(prev.get("main_text"), ignore), _lines(new.get("main_text"), ignore)
    if sorted(before) == sorted(after):
        return None
    olds = [c["before"] for c in other if c["before"]] + [c["details"]["before_cta"]["text"] for c in other
                                                          if "before_cta" in c["details"]]
    news = [c["after"] for c in other if c["after"]] + [c["details"]["after_cta"]["text"] for c in other
                                                        if "after_cta" in c["details"]]
    olds = sorted({mask_volatile(normalise(v, ignore)).casefold() for v in olds} - {""}, key=len, reverse=True)
    news = sorted({mask_volatile(normalise(v, ignore)).casefold() for v in news} - {""}, key=len, reverse=True)
    removed, added = _multiset_minus(before, after), _multiset_minus(after, before)
    rest_removed = [_strip_values(line, olds) for line in removed]
    rest_added = [_strip_values(line, news) for line in added]
    left_removed = [line for line, rest in zip(removed, rest_removed)
                    if rest and rest not in _multiset_minus(rest_added, [])]
    left_added = [line for line, rest in zip(added, rest_added)
                  if rest and rest not in _multiset_minus(rest_removed, [])]
    if not left_removed and not left_added:
        return None
    # Show the edit in the reader's spelling: the original lines, word by word.
    orig_before = _original_lines(prev.get("main_text"), ignore, set(left_removed))
    orig_after = _original_lines(new.get("main_text"), ignore, set(left_added))
    ops = word_diff(" ".join(orig_before), " ".join(orig_after))
    if not ops:
        return None
    return {"field": "main_text",
            "before": _cap(" … ".join(op["before"] for op in ops if op["before"])),
            "after": _cap(" … ".join(op["after"] for op in ops if op["after"])),
            "details": {"diff": ops, "removed_lines": orig_before, "added_lines": orig_after,
                        "words_added": sum(len(_words(op["after"])) for op in ops),
                        "words_removed": sum(len(_words(op["before"])) for op in ops)}}


def _cap(text: str, limit: int = 1000) -> str | None:
    """Readable in a table cell; the whole diff is in details."""
    if not text:
        return None
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _multiset_minus(a: list[str], b: list[str]) -> list[str]:
    rest = list(b)
    out = []
    for item in a:
        if item in rest:
            rest.remove(item)
        else:
            out.append(item)
    return out


def _original_lines(text: str | None, ignore, wanted: set[str]) -> list[str]:
    out = []
    for line in (text or "").splitlines():
        if mask_volatile(normalise(line, ignore)).casefold() in wanted:
            out.append(normalise(line, ignore))
    return out


# ---------------------------------------------------------------- store

def _row(db: Database, snapshot_id: str) -> dict | None:
    return next(iter(db.query("select * from messaging_snapshots where id = ?", [snapshot_id])), None)


def detect_messaging_changes(db: Database, *, run: int, competitor: str, url: str, new_snapshot_id: str,
                             previous: dict | None, ignore: list[str] | None = None) -> int:
    """Compare the new version (a messaging_snapshots id) with the previous version's row
    (as returned by save_messaging_snapshot) and write one `changes` row per noticeable
    difference. Returns how many changes were found (re-running writes no duplicates)."""
    if previous is None or previous.get("id") == new_snapshot_id:
        return 0
    new = _row(db, new_snapshot_id)
    if new is None:
        raise ValueError(f"no messaging snapshot {new_snapshot_id!r}")
    found = diff_snapshots(previous, new, ignore)
    if not found:
        return 0
    detected_at = new.get("last_seen_at") or now_iso()
    has_columns = "before_snapshot" in db["changes"].columns_dict
    rows = []
    for ch in found:
        details = {"url": url, "before_snapshot": previous["id"], "after_snapshot": new_snapshot_id,
                   **ch["details"]}
        row = {
            "id": stable_id(KIND, run, competitor, url, previous["id"], new_snapshot_id,
                            ch["field"], ch["before"], ch["after"]),
            "kind": KIND, "competitor": competitor, "page": new.get("page"), "subject": url,
            "field": ch["field"], "before": ch["before"], "after": ch["after"], "change_pct": None,
            "run": run, "previous_run": previous.get("last_seen_run"), "detected_at": detected_at,
            "details": json.dumps(details, ensure_ascii=False, sort_keys=True),
        }
        if has_columns:
            row.update(before_snapshot=previous["id"], after_snapshot=new_snapshot_id)
        rows.append(row)
    with transaction(db):
        existing = {r["id"] for r in db.query(
            f"select id from changes where id in ({','.join('?' * len(rows))})", [r["id"] for r in rows])}
        fresh = [r for r in rows if r["id"] not in existing]
        if fresh:
            db["changes"].insert_all(fresh, pk="id")
    if VIEW not in db.view_names():
        ensure_messaging_views(db)
    return len(rows)


def ensure_messaging_views(db: Database) -> None:
    """(Re)create `messaging_changes_view`: each messaging change with the competitor's name,
    the page URL, before and after side by side and both snapshots' ids."""
    has_columns = "before_snapshot" in db["changes"].columns_dict
    before = "c.before_snapshot" if has_columns else "json_extract(c.details, '$.before_snapshot')"
    after = "c.after_snapshot" if has_columns else "json_extract(c.details, '$.after_snapshot')"
    sql = f"""
        select
          c.detected_at,
          coalesce(co.name, c.competitor) as competitor_name,
          c.subject as url,
          c.field,
          c.before,
          c.after,
          {before} as before_snapshot,
          {after} as after_snapshot,
          b.headline as before_headline,
          a.headline as after_headline,
          b.first_seen_at as before_first_seen_at,
          a.first_seen_at as after_first_seen_at,
          c.competitor,
          c.run,
          c.previous_run,
          c.page,
          c.details,
          c.id
        from changes c
        left join competitors co on co.id = c.competitor
        left join messaging_snapshots b on b.id = {before}
        left join messaging_snapshots a on a.id = {after}
        where c.kind = '{KIND}'
        order by c.detected_at desc, c.competitor, c.subject, c.field
    """
    with transaction(db):
        db.execute(f"drop view if exists {VIEW}")
        db.execute(f"create view {VIEW} as {sql}")
