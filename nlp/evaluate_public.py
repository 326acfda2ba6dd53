"""Agreement with human ratings on public labelled sets that rivalscope was not written on.

The sets are the ground truth of the VADER paper (Hutto & Gilbert, ICWSM 2014): sentence-level
snippets, each rated -4..4 by at least 20 people (the file holds their mean). vaderSentiment's
source distribution on PyPI carries them (additional_resources/hutto_ICWSM_2014.tar.gz), so
they are fetched from PyPI, never stored in this repository:

    amazon          3,708 snippets of 300 Amazon customer reviews of 5 products (Hu & Liu 2004)
    amazon-reviews  those reviews whole (snippets joined; rated by the mean of their snippets)
    movie           10,605 snippets of 2,000 Rotten Tomatoes movie reviews (Pang & Lee 2004)
    nyt             5,190 snippets of 500 New York Times opinion pieces (nyt-articles: whole)
    tweets          4,200 tweets

    .venv/bin/python -m nlp.evaluate_public [--data DIR] [--sets amazon,movie] [--json]

Each snippet is scored whole by plain VADER and by rivalscope's pipeline (sentences scored
one by one with the domain lexicon, the text's compound their mean, as `analyze` stores it).
Printed per set: Pearson r between the compound and the human mean (the VADER paper's
measure), 3-class accuracy and macro-F1 (human mean >= 0.5 positive, <= -0.5 negative, else
neutral; compound at VADER's +-0.05), and the sign agreement on clearly rated snippets
(|human mean| >= 1). Each figure is also given on two halves, split by document (even and
odd review/article numbers; tweets and movie snippets by id): changes to the lexicon are
judged on the "dev" half and confirmed on the "held-out" half.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from importlib.metadata import version as package_version
from pathlib import Path

SETS = {"amazon": "amazonReviewSnippets", "movie": "movieReviewSnippets",
        "nyt": "nytEditorialSnippets", "tweets": "tweets"}
# Whole documents rebuilt from the snippets of sets whose ids are "DOCUMENT_SNIPPET": the
# snippets joined in order, rated by the mean of their human means (what `analyze` scores
# is a whole review).
DOCUMENT_SETS = {"amazon-reviews": "amazon", "nyt-articles": "nyt"}
DEFAULT_SETS = ("amazon", "amazon-reviews", "movie")  # the review sets
ARCHIVE = "additional_resources/hutto_ICWSM_2014.tar.gz"
DATA_DIR_NAME = "hutto_ICWSM_2014"
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "vader-ground-truth"
GOLD_POLAR = 0.5  # |human mean| from which a snippet counts as positive/negative (scale -4..4)
CLEAR = 1.0  # |human mean| from which a snippet counts as clearly rated (sign agreement)


class PublicSetError(RuntimeError):
    pass


def fetch_ground_truth(cache: Path = CACHE, log=lambda msg: None) -> Path:
    """The directory holding the *_GroundTruth.txt files, downloading vaderSentiment's source
    distribution from PyPI into `cache` the first time."""
    target = cache / DATA_DIR_NAME
    if (target / "amazonReviewSnippets_GroundTruth.txt").is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    wanted = f"vaderSentiment=={package_version('vaderSentiment')}"
    log(f"downloading the {wanted} source distribution from PyPI into {cache} (once)…")
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, "-m", "pip", "download", wanted, "--no-binary", ":all:",
                               "--no-deps", "--no-build-isolation", "-q", "-d", tmp],
                              capture_output=True, text=True)
        sdists = sorted(Path(tmp).glob("*.tar.gz"))
        if proc.returncode or not sdists:
            raise PublicSetError(f"could not download the {wanted} source distribution from PyPI "
                                 f"(pip said: {(proc.stderr or proc.stdout).strip()[-300:]}); "
                                 "pass --data DIR with the unpacked hutto_ICWSM_2014 files instead")
        with tarfile.open(sdists[0]) as sdist:
            member = next((m for m in sdist.getmembers() if m.name.endswith(ARCHIVE)), None)
            if member is None:
                raise PublicSetError(f"{sdists[0].name} has no {ARCHIVE}")
            inner = sdist.extractfile(member)
            with tarfile.open(fileobj=inner, mode="r:gz") as data:
                data.extractall(cache, filter="data")
    if not (target / "amazonReviewSnippets_GroundTruth.txt").is_file():
        raise PublicSetError(f"{ARCHIVE} did not unpack to {target}")
    return target


def load_set(path: Path) -> list[tuple[str, float, str]]:
    """(id, human mean, text) of each line "ID<TAB>MEAN<TAB>TEXT"; a malformed line is an error
    naming the file and line."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            mean = float(parts[1])
        except (IndexError, ValueError):
            raise PublicSetError(f"{path}:{n}: expected 'ID<TAB>MEAN-RATING<TAB>TEXT'") from None
        out.append((parts[0].strip(), mean, "\t".join(parts[2:]).strip()))
    return out


def documents(rows: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """(document id, mean of its snippets' human means, its snippets joined) per document."""
    grouped: dict[str, list[tuple[float, str]]] = {}
    for snippet_id, mean, text in rows:
        grouped.setdefault(snippet_id.split("_", 1)[0], []).append((mean, text))
    return [(doc, sum(m for m, _ in parts) / len(parts), " ".join(t for _, t in parts))
            for doc, parts in grouped.items()]


def half_of(snippet_id: str) -> str:
    """"dev" or "held-out": by the document number ("12_3" -> 12), else by the id itself."""
    head = snippet_id.split("_", 1)[0]
    return "dev" if head.isdigit() and int(head) % 2 == 0 else "held-out"


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    if n < 2:
        return 0.0
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else 0.0


def gold_label(mean: float) -> str:
    return "positive" if mean >= GOLD_POLAR else "negative" if mean <= -GOLD_POLAR else "neutral"


def scores(gold: list[float], compounds: list[float]) -> dict:
    from .evaluate import agreement
    from .sentiment import label_for

    m = agreement([gold_label(g) for g in gold], [label_for(c) for c in compounds])
    clear = [(g, c) for g, c in zip(gold, compounds) if abs(g) >= CLEAR]
    m["pearson_r"] = round(pearson(compounds, gold), 4)
    m["sign_clear"] = round(sum((g > 0 and c > 0) or (g < 0 and c < 0) for g, c in clear) / len(clear), 4) \
        if clear else 0.0
    m["n_clear"] = len(clear)
    return m


def systems() -> dict:
    """name -> function(list of texts) -> list of compounds."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from .components import get_extension
    from .pipeline import build_pipeline

    plain = SentimentIntensityAnalyzer()

    def pipeline(**kw):
        nlp = build_pipeline("default", **kw)
        return lambda texts: [get_extension(d, "sentiment")["compound"] for d in nlp.pipe(texts, batch_size=256)]

    return {"plain VADER": lambda texts: [plain.polarity_scores(t)["compound"] for t in texts],
            "rivalscope without the domain lexicon": pipeline(domain_lexicon=False),
            "rivalscope": pipeline()}


def evaluate_public(data: Path, sets=DEFAULT_SETS, log=lambda msg: None) -> dict:
    """{set: {"n", system: {"all"|"dev"|"held-out": scores}}}."""
    out = {}
    run = systems()
    for key in sets:
        base = DOCUMENT_SETS.get(key, key)
        if base not in SETS:
            raise PublicSetError(f"unknown set {key!r} (known: {', '.join([*SETS, *DOCUMENT_SETS])})")
        path = data / f"{SETS[base]}_GroundTruth.txt"
        if not path.is_file():
            raise PublicSetError(f"{path}: no such file")
        rows = load_set(path)
        if key in DOCUMENT_SETS:
            rows = documents(rows)
        log(f"scoring {key}: {len(rows):,} texts, {len(run)} systems…")
        texts = [t for _, _, t in rows]
        gold = [g for _, g, _ in rows]
        halves = [half_of(i) for i, _, _ in rows]
        result = {"n": len(rows)}
        for name, score_texts in run.items():
            comp = score_texts(texts)
            result[name] = {"all": scores(gold, comp)}
            for h in ("dev", "held-out"):
                keep = [k for k, hh in enumerate(halves) if hh == h]
                result[name][h] = scores([gold[k] for k in keep], [comp[k] for k in keep])
        out[key] = result
    return out


def format_public(result: dict) -> str:
    lines = []
    for key, res in result.items():
        what = (f"{res['n']:,} documents rebuilt from {SETS[DOCUMENT_SETS[key]]}" if key in DOCUMENT_SETS
                else f"{SETS[key]}, {res['n']:,} snippets")
        lines.append(f"{key} ({what})")
        for name, by_half in res.items():
            if name == "n":
                continue
            a = by_half["all"]
            lines.append(f"  {name:<38} r {a['pearson_r']:.3f}  accuracy {a['accuracy']:.3f}  "
                         f"macro-F1 {a['macro_f1']:.3f}  sign (clear, n={a['n_clear']:,}) {a['sign_clear']:.3f}"
                         f"   | r dev {by_half['dev']['pearson_r']:.3f} held-out {by_half['held-out']['pearson_r']:.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m nlp.evaluate_public", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="directory with the *_GroundTruth.txt files "
                                              "(default: fetched from PyPI into .cache/)")
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS),
                    help=f"comma-separated, of {', '.join([*SETS, *DOCUMENT_SETS])}")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        def log(msg: str) -> None:
            print(msg, file=sys.stderr, flush=True)

        data = args.data or fetch_ground_truth(log=log)
        result = evaluate_public(data, [s.strip() for s in args.sets.split(",") if s.strip()], log=log)
    except PublicSetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else format_public(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
