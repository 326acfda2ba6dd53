"""Evaluate the review extractor on a labelled corpus.

    python perf/eval_reviews.py tests/fixtures/reviews [--verbose] [--json]

A corpus is a directory of cases, each `<case>/page.html` + `expected.json`
({"reviews": [{author, rating, title, body, published_at, ...}], "aggregate", "next_url"})
and optionally `meta.json` ({"url", "now"}). A predicted review matches an expected one
when their bodies are equal after normalisation (case, punctuation and whitespace
removed) or one starts with the other's first 40 normalised characters.

Prints review-level precision and recall (micro-averaged over all reviews), the reviews found
with the exact rating (N of all expected: the issue's quality aim) and, over the
matched pairs, field accuracy: rating (exact, 0-5), date (exact YYYY-MM-DD), text (body
exactly equal after whitespace normalisation), title and author; plus next_url and
aggregate accuracy per page.

Sealed labels keep real pages' hand-written expectations in the repository without their
third-party text: `--seal DIR -o FILE` writes, per case, the ratings, dates, aggregate and
next_url as they are and every text as digests (the body's normalised key with its 12-40
character prefixes, so the matching above works unchanged; body, title and author for the
field checks). `--labels FILE` then evaluates a DIR of fetched pages that has no
expected.json (perf/realpages_sources.json says where each page comes from):

    python perf/eval_reviews.py --seal .cache/realpages60 -o perf/realpages_labels.json
    python perf/eval_reviews.py .cache/realpages60 --labels perf/realpages_labels.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawlers.extract.reviews import extract_reviews  # noqa: E402


def norm_key(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"[\W_]+", "", text)


def norm_ws(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _BodyKey:
    """An expected review's normalised body, or (sealed labels) the digests of it."""

    def __init__(self, review: dict):
        sealed = review.get("body_key")
        if sealed is not None:
            self.length, self.full, self.prefixes = sealed["len"], sealed["sha"], sealed["prefixes"]
            self.text = None
        else:
            self.text = norm_key(review.get("body"))
            self.length = len(self.text)

    def equals(self, kp: str) -> bool:
        return kp == self.text if self.text is not None else _digest(kp) == self.full

    def shares_prefix(self, kp: str, n: int) -> bool:
        """The first n characters agree (n <= both lengths)."""
        if self.text is not None:
            return kp[:n] == self.text[:n]
        return self.prefixes.get(str(n)) == _digest(kp[:n])[:10]


def match_reviews(expected: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (expected index, predicted index) by body text."""
    pairs, used = [], set()
    keys = [norm_key(p.get("body")) for p in predicted]
    for i, exp in enumerate(expected):
        ke = _BodyKey(exp)
        best = None
        for j, kp in enumerate(keys):
            if j in used or not ke.length or not kp:
                continue
            if len(kp) == ke.length and ke.equals(kp):
                best = j
                break
            n = min(ke.length, len(kp), 40)
            if best is None and n >= 12 and ke.shares_prefix(kp, n):
                best = j
        if best is not None:
            used.add(best)
            pairs.append((i, best))
    return pairs


_SEALED_FIELDS = ("title", "author")


def seal_expected(expected: dict) -> dict:
    """expected.json with every review text replaced by digests (see the module docstring)."""
    reviews = []
    for r in expected.get("reviews") or []:
        key = norm_key(r.get("body"))
        sealed = {"rating": r.get("rating"), "published_at": r.get("published_at"),
                  "body_key": {"len": len(key), "sha": _digest(key),
                               "prefixes": {str(n): _digest(key[:n])[:10] for n in range(12, min(len(key), 40) + 1)}},
                  "body": _digest(norm_ws(r.get("body")))}
        for field in _SEALED_FIELDS:
            sealed[field] = None if r.get(field) is None else _digest(r[field])
        reviews.append(sealed)
    return {"sealed": True, "reviews": reviews, "aggregate": expected.get("aggregate"),
            "next_url": expected.get("next_url")}


def _field_ok(expected: dict, predicted: dict, field: str, sealed: bool) -> bool:
    want, got = expected.get(field), predicted.get(field)
    if field == "body":
        got = norm_ws(got)
        return (_digest(got) if sealed else got) == (want if sealed else norm_ws(want))
    if sealed and field in _SEALED_FIELDS and got is not None:
        got = _digest(got)
    return want == got


def load_case(d: Path, labels: dict | None = None) -> tuple[str, str, datetime | None, dict]:
    html = (d / "page.html").read_text(encoding="utf-8", errors="replace")
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8")) if (d / "meta.json").exists() else {}
    if (d / "expected.json").exists():
        expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
    else:
        label = (labels or {})[d.name]
        expected, meta = label["expected"], {**{k: label.get(k) for k in ("url", "now")}, **meta}
    now = datetime.fromisoformat(meta["now"].replace("Z", "+00:00")) if meta.get("now") else None
    return html, meta.get("url") or f"https://example.com/{d.name}", now, expected


def labelled_cases(corpus: Path, labels: dict | None = None) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "page.html").exists()
                  and ((p / "expected.json").exists() or p.name in (labels or {})))


def seal_corpus(dirs: list[Path]) -> dict:
    """{case: {url, now, expected (sealed)}} for every labelled case in dirs."""
    cases = {}
    for corpus in dirs:
        for d in labelled_cases(corpus):
            _, url, now, expected = load_case(d)
            cases[d.name] = {"url": url, "now": now.isoformat().replace("+00:00", "Z") if now else None,
                             "expected": seal_expected(expected)}
    return cases


def evaluate(corpus: Path | list[Path], verbose: bool = False, labels: dict | None = None) -> dict:
    totals = {"expected": 0, "predicted": 0, "matched": 0, "rating_ok": 0, "date_ok": 0, "text_ok": 0,
              "title_ok": 0, "author_ok": 0, "pages": 0, "next_ok": 0, "aggregate_ok": 0, "seconds": 0.0}
    per_case = []
    corpora = [corpus] if isinstance(corpus, Path) else corpus
    for d in [case for c in corpora for case in labelled_cases(c, labels)]:
        html, url, now, expected = load_case(d, labels)
        sealed = bool(expected.get("sealed"))
        t0 = time.perf_counter()
        result = extract_reviews(html, url, now=now)
        totals["seconds"] += time.perf_counter() - t0
        exp, pred = expected.get("reviews") or [], result["reviews"]
        pairs = match_reviews(exp, pred)
        totals["pages"] += 1
        totals["expected"] += len(exp)
        totals["predicted"] += len(pred)
        totals["matched"] += len(pairs)
        problems = []
        for i, j in pairs:
            e, p = exp[i], pred[j]
            for field, key in (("rating", "rating_ok"), ("published_at", "date_ok"), ("title", "title_ok"),
                               ("author", "author_ok"), ("body", "text_ok")):
                ok = _field_ok(e, p, field, sealed)
                totals[key] += ok
                if not ok:
                    want, got = e.get(field), p.get(field)
                    if field == "body":
                        want, got = norm_ws(want)[:60], norm_ws(got)[:60]
                    want = "(sealed)" if sealed and field in (*_SEALED_FIELDS, "body") else repr(want)
                    got = repr(got)
                    problems.append(f"review {i}: {field} expected {want} got {got}")
        matched_pred = {j for _, j in pairs}
        for i in set(range(len(exp))) - {i for i, _ in pairs}:
            shown = "(sealed)" if sealed else repr(norm_ws(exp[i].get("body"))[:60])
            problems.append(f"missed review {i} (rating {exp[i].get('rating')}): {shown}")
        for j in set(range(len(pred))) - matched_pred:
            problems.append(f"extra review: {norm_ws(pred[j].get('body'))[:60]!r}")
        nxt_ok = expected.get("next_url") == result["next_url"]
        agg_ok = expected.get("aggregate") == result["aggregate"]
        totals["next_ok"] += nxt_ok
        totals["aggregate_ok"] += agg_ok
        if not nxt_ok:
            problems.append(f"next_url expected {expected.get('next_url')!r} got {result['next_url']!r}")
        if not agg_ok:
            problems.append(f"aggregate expected {expected.get('aggregate')!r} got {result['aggregate']!r}")
        per_case.append({"case": d.name, "expected": len(exp), "predicted": len(pred), "matched": len(pairs),
                         "problems": problems})
        if verbose and problems:
            print(f"{d.name}:")
            for pr in problems:
                print(f"    {pr}")
    m = totals["matched"] or 1
    summary = {
        "pages": totals["pages"],
        "reviews_expected": totals["expected"],
        "reviews_predicted": totals["predicted"],
        "precision": round(totals["matched"] / totals["predicted"], 4) if totals["predicted"] else 1.0,
        "recall": round(totals["matched"] / totals["expected"], 4) if totals["expected"] else 1.0,
        "exact_rating_found": totals["rating_ok"],
        "exact_rating_recall": round(totals["rating_ok"] / totals["expected"], 4) if totals["expected"] else 1.0,
        "rating_accuracy": round(totals["rating_ok"] / m, 4),
        "date_accuracy": round(totals["date_ok"] / m, 4),
        "text_accuracy": round(totals["text_ok"] / m, 4),
        "title_accuracy": round(totals["title_ok"] / m, 4),
        "author_accuracy": round(totals["author_ok"] / m, 4),
        "next_url_accuracy": round(totals["next_ok"] / max(totals["pages"], 1), 4),
        "aggregate_accuracy": round(totals["aggregate_ok"] / max(totals["pages"], 1), 4),
        "ms_per_page": round(1000 * totals["seconds"] / max(totals["pages"], 1), 1),
    }
    return {"summary": summary, "cases": per_case}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="+", help="directory of <case>/page.html + expected.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss per case")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--labels", type=Path, action="append", default=[],
                    help="sealed labels (JSON) for cases without expected.json")
    ap.add_argument("--seal", action="store_true", help="write the corpora's labels sealed to -o instead")
    ap.add_argument("-o", "--output", type=Path, help="with --seal: the labels file (cases are merged into it)")
    args = ap.parse_args(argv)
    for corpus in args.corpus:
        if not corpus.is_dir():
            print(f"{corpus}: not a directory", file=sys.stderr)
            return 2
    if args.seal:
        if not args.output:
            print("--seal needs -o FILE", file=sys.stderr)
            return 2
        doc = json.loads(args.output.read_text(encoding="utf-8")) if args.output.exists() else {"cases": {}}
        new = seal_corpus(args.corpus)
        doc["cases"] = dict(sorted({**doc.get("cases", {}), **new}.items()))
        # one case per line: diffs show which cases a batch added
        compact = {"ensure_ascii": False, "separators": (",", ":")}
        head = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in doc.items() if k != "cases"]
        cases = [f"  {json.dumps(k)}: {json.dumps(v, **compact)}" for k, v in doc["cases"].items()]
        args.output.write_text("{\n" + "".join(h + ",\n" for h in head) + ' "cases": {\n'
                               + ",\n".join(cases) + "\n }\n}\n", encoding="utf-8")
        print(f"{len(new)} cases sealed into {args.output} ({len(doc['cases'])} in all)")
        return 0
    labels: dict = {}
    for path in args.labels:
        try:
            labels.update(json.loads(path.read_text(encoding="utf-8"))["cases"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"{path}: not a labels file ({exc})", file=sys.stderr)
            return 2
    out = evaluate(args.corpus, verbose=args.verbose, labels=labels)
    s = out["summary"]
    if args.json:
        print(json.dumps(s, indent=2))
        return 0
    print(f"pages {s['pages']}  reviews expected {s['reviews_expected']}  predicted {s['reviews_predicted']}")
    print(f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"found with the exact rating {s['exact_rating_found']}/{s['reviews_expected']} "
          f"({s['exact_rating_recall']:.3f})")
    print(f"field accuracy over matched reviews: rating {s['rating_accuracy']:.3f}  date {s['date_accuracy']:.3f}  "
          f"text {s['text_accuracy']:.3f}  title {s['title_accuracy']:.3f}  author {s['author_accuracy']:.3f}")
    print(f"per page: next_url {s['next_url_accuracy']:.3f}  aggregate {s['aggregate_accuracy']:.3f}  "
          f"({s['ms_per_page']} ms/page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
