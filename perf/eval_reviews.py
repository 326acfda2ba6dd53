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
"""
from __future__ import annotations

import argparse
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


def match_reviews(expected: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (expected index, predicted index) by body text."""
    pairs, used = [], set()
    for i, exp in enumerate(expected):
        ke = norm_key(exp.get("body"))
        best = None
        for j, pred in enumerate(predicted):
            if j in used:
                continue
            kp = norm_key(pred.get("body"))
            if not ke or not kp:
                continue
            if ke == kp:
                best = j
                break
            n = min(len(ke), len(kp), 40)
            if best is None and n >= 12 and (kp.startswith(ke[:n]) or ke.startswith(kp[:n])):
                best = j
        if best is not None:
            used.add(best)
            pairs.append((i, best))
    return pairs


def load_case(d: Path) -> tuple[str, str, datetime | None, dict]:
    html = (d / "page.html").read_text(encoding="utf-8", errors="replace")
    expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8")) if (d / "meta.json").exists() else {}
    now = datetime.fromisoformat(meta["now"].replace("Z", "+00:00")) if meta.get("now") else None
    return html, meta.get("url") or f"https://example.com/{d.name}", now, expected


def evaluate(corpus: Path, verbose: bool = False) -> dict:
    totals = {"expected": 0, "predicted": 0, "matched": 0, "rating_ok": 0, "date_ok": 0, "text_ok": 0,
              "title_ok": 0, "author_ok": 0, "pages": 0, "next_ok": 0, "aggregate_ok": 0, "seconds": 0.0}
    per_case = []
    for d in sorted(p for p in corpus.iterdir() if (p / "page.html").exists() and (p / "expected.json").exists()):
        html, url, now, expected = load_case(d)
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
                               ("author", "author_ok")):
                ok = e.get(field) == p.get(field)
                totals[key] += ok
                if not ok:
                    problems.append(f"review {i}: {field} expected {e.get(field)!r} got {p.get(field)!r}")
            ok = norm_ws(e.get("body")) == norm_ws(p.get("body"))
            totals["text_ok"] += ok
            if not ok:
                problems.append(f"review {i}: body expected {norm_ws(e.get('body'))[:60]!r}… got {norm_ws(p.get('body'))[:60]!r}…")
        matched_pred = {j for _, j in pairs}
        for i in set(range(len(exp))) - {i for i, _ in pairs}:
            problems.append(f"missed review {i}: {norm_ws(exp[i].get('body'))[:60]!r}")
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
    ap.add_argument("corpus", type=Path, help="directory of <case>/page.html + expected.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss per case")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: not a directory", file=sys.stderr)
        return 2
    out = evaluate(args.corpus, verbose=args.verbose)
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
