"""Per-field accuracy of the messaging extractor over a labelled corpus.

    .venv/bin/python perf/eval_messaging.py tests/fixtures/messaging [-v] [--json]

DIR holds one folder per page: page.html, expected.json (the fields to check, exact values)
and optionally meta.json ({"url": ...}; default https://example.com/). A field counts as
correct when the extracted value equals the expected one exactly (og/twitter are checked per
key; `main_text_contains` / `main_text_excludes` list substrings). Only the fields a case's
expected.json names are scored. Prints one line per field: correct/total and the percentage.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawlers.extract.messaging import extract_messaging  # noqa: E402

ORDER = ["title", "headline", "subheadline", "meta_description", "og_title", "og_description", "og_image",
         "twitter_title", "twitter_description", "twitter_image", "ctas", "primary_cta", "value_props",
         "social_proof", "pricing_mentions", "language", "main_text_contains", "main_text_excludes"]


def load_case(folder: Path) -> tuple[str, str, dict]:
    meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
    html = (folder / "page.html").read_text(encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return html, meta.get("url", "https://example.com/"), {"ignore": meta.get("ignore"), **expected}


def compare(got: dict, expected: dict) -> dict[str, tuple[bool, object, object]]:
    """{field: (ok, got, expected)} for every field the expectation names."""
    out = {}
    for key, want in expected.items():
        if key == "ignore":
            continue
        if key in ("og", "twitter"):
            for sub, value in want.items():
                have = (got.get(key) or {}).get(sub)
                out[f"{key}_{sub}"] = (have == value, have, value)
        elif key == "main_text_contains":
            text = got.get("main_text") or ""
            missing = [s for s in want if s not in text]
            out[key] = (not missing, missing, [])
        elif key == "main_text_excludes":
            text = got.get("main_text") or ""
            present = [s for s in want if s in text]
            out[key] = (not present, present, [])
        else:
            out[key] = (got.get(key) == want, got.get(key), want)
        if key == "ctas":
            have = next((c["text"] for c in got.get("ctas") or [] if c["primary"]), None)
            value = next((c["text"] for c in want if c["primary"]), None)
            out["primary_cta"] = (have == value, have, value)
    return out


def evaluate(directory: Path) -> tuple[dict[str, list[int]], list[tuple[str, str, object, object]], float]:
    totals: dict[str, list[int]] = {}
    misses = []
    elapsed = 0.0
    cases = sorted(p for p in directory.iterdir() if (p / "page.html").exists() and (p / "expected.json").exists())
    for folder in cases:
        html, url, expected = load_case(folder)
        start = time.perf_counter()
        got = extract_messaging(html, url, ignore=expected.get("ignore"))
        elapsed += time.perf_counter() - start
        for field, (ok, have, want) in compare(got, expected).items():
            t = totals.setdefault(field, [0, 0])
            t[0] += int(ok)
            t[1] += 1
            if not ok:
                misses.append((folder.name, field, have, want))
    return totals, misses, elapsed / max(1, len(cases))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="show every mismatch")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    if not args.directory.is_dir():
        print(f"{args.directory}: not a directory", file=sys.stderr)
        return 2
    totals, misses, per_page = evaluate(args.directory)
    if not totals:
        print(f"{args.directory}: no labelled pages (page.html + expected.json)", file=sys.stderr)
        return 2
    fields = [f for f in ORDER if f in totals] + sorted(f for f in totals if f not in ORDER)
    if args.json:
        print(json.dumps({f: {"correct": totals[f][0], "total": totals[f][1],
                              "accuracy": round(totals[f][0] / totals[f][1], 4)} for f in fields}, indent=2))
    else:
        pages = len({m for m in Path(args.directory).iterdir() if (m / "expected.json").exists()})
        print(f"{pages} pages, {per_page * 1000:.1f} ms per page")
        for f in fields:
            ok, n = totals[f]
            print(f"{f:22} {ok:4}/{n:<4} {100 * ok / n:6.1f}%")
        all_ok = sum(t[0] for t in totals.values())
        all_n = sum(t[1] for t in totals.values())
        print(f"{'all fields':22} {all_ok:4}/{all_n:<4} {100 * all_ok / all_n:6.1f}%")
    if args.verbose:
        for case, field, have, want in misses:
            print(f"\n{case} · {field}\n  got:      {json.dumps(have, ensure_ascii=False)}\n"
                  f"  expected: {json.dumps(want, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
