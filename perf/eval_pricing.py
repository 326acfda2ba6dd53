"""Precision, recall and F1 of the pricing extractor over a labelled corpus directory.

    .venv/bin/python perf/eval_pricing.py tests/fixtures/pricing [--json] [--verbose]

Layout: DIR/<case>/page.html + expected.json (list of offers) [+ meta.json with url,
currency_hint, selectors]. Predicted offers are paired with expected ones by normalised plan
name and billing (then by name alone; a lone pair on a page is paired regardless of name).
For each field (price = amount, currency, period, availability), counted over values that are
set (period "unknown" counts as not set):
  TP = a paired offer whose predicted value equals the expected value;
  FP = a predicted value that is not a TP (wrong value, or an offer that should not exist);
  FN = an expected value that is not a TP (missed or wrong).
A wrong value therefore costs both precision and recall, as in the usual extraction metrics.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawlers.extract.pricing import extract_pricing  # noqa: E402

FIELDS = {"price": "amount", "currency": "currency", "period": "period", "availability": "availability"}


def _key(o) -> str:
    return re.sub(r"\W+", "", (o.get("plan") or "").lower())


def _value(o, field):
    v = o.get(FIELDS[field])
    if field == "period" and v == "unknown":
        return None
    return v


def pair(pred: list[dict], exp: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pred, exp = list(pred), list(exp)
    pairs = []
    for keyf in (lambda o: (_key(o), o.get("billing")), _key):
        for e in list(exp):
            for p in pred:
                if keyf(p) == keyf(e):
                    pairs.append((p, e))
                    pred.remove(p)
                    exp.remove(e)
                    break
    if len(pred) == 1 and len(exp) == 1:
        pairs.append((pred.pop(), exp.pop()))
    return pairs, pred, exp


def evaluate(directory: Path, verbose: bool = False) -> dict:
    counts = {f: {"tp": 0, "fp": 0, "fn": 0} for f in FIELDS}
    pages = 0
    exact_pages = 0
    started = time.perf_counter()
    for case in sorted(d for d in directory.iterdir() if (d / "expected.json").exists()):
        meta = json.loads((case / "meta.json").read_text()) if (case / "meta.json").exists() else {}
        html = (case / "page.html").read_bytes().decode("utf-8", errors="replace")
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        predicted = extract_pricing(html, meta.get("url", ""), currency_hint=meta.get("currency_hint"),
                                    selectors=meta.get("selectors"))
        pages += 1
        pairs, extra, missed = pair(predicted, expected)
        page_ok = not extra and not missed
        for field, c in counts.items():
            for p, e in pairs:
                pv, ev = _value(p, field), _value(e, field)
                if pv == ev:
                    c["tp"] += ev is not None
                    continue
                if pv is not None:
                    c["fp"] += 1
                if ev is not None:
                    c["fn"] += 1
                page_ok = False
                if verbose:
                    print(f"{case.name}: {e.get('plan')}: {field} predicted {pv!r}, expected {ev!r}")
            c["fp"] += sum(1 for p in extra if _value(p, field) is not None)
            c["fn"] += sum(1 for e in missed if _value(e, field) is not None)
        if verbose and (extra or missed):
            print(f"{case.name}: extra {[p.get('plan') for p in extra]}, missed {[e.get('plan') for e in missed]}")
        exact_pages += page_ok
    result = {"pages": pages, "pages_all_fields_right": exact_pages,
              "seconds": round(time.perf_counter() - started, 2), "fields": {}}
    for field, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        result["fields"][field] = {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--verbose", action="store_true", help="print every wrong value")
    args = ap.parse_args(argv)
    if not args.directory.is_dir():
        print(f"{args.directory}: not a directory", file=sys.stderr)
        return 2
    result = evaluate(args.directory, args.verbose)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['pages']} pages, {result['pages_all_fields_right']} with every offer and field right "
          f"({result['seconds']} s)")
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
    for field, m in result["fields"].items():
        print(f"{field:<14}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}{m['tp']:>6}{m['fp']:>6}{m['fn']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
