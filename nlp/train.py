"""`themes train`: a multi-label theme classifier (spaCy textcat_multilabel, CPU, offline).

Model: spaCy's ensemble text classifier (a bag-of-words linear model over the tokenizer's
unigrams and bigrams, plus a small CNN tok2vec with attention), trained with Adam and
dropout. Examples are split into train / held-out eval (`eval_split`); a dev slice of the
training part drives early stopping and picks the decision threshold (and whether to
always predict the most likely theme, when nearly every training example has one).

`members` (default 3) such classifiers are trained from different random seeds on the same
data and saved as pipes of one spaCy pipeline; their mean probability is the ensemble's
score (on SemEval-2014 restaurants, 3-fold cross-validation on the training file, mean over
seeds: micro-F1 0.767 for one (sd 0.004 over 5 seeds), 0.794 for three (sd 0.001 over the
10 triples of those seeds), 0.800 for five). The meta file keeps the first member's own
threshold (`threshold`, `min_one`) and the ensemble's (`ensemble`: pipes, threshold, min_one).
"""
from __future__ import annotations

import json
import math
import random
import time
from pathlib import Path
from typing import Callable

import spacy
from spacy.training import Example
from spacy.util import compounding, minibatch
from thinc.api import Adam, fix_random_seed

from .components import MODEL_META_FILE, mean_probs
from .semeval import SemEvalError, looks_like_xml, read_semeval

SENTIMENTS = ("positive", "negative", "neutral")

TEXTCAT_MODEL = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "nO": None,
    "linear_model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 262144,
    },
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 96,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 1000, 2500, 500],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 96,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
}


class TrainingError(ValueError):
    """Bad training examples (the message says which line and why)."""


def read_examples(path: str | Path) -> list[dict]:
    """Lines {"text", "themes": [...], "sentiment": {theme: label}?}, or a SemEval aspect-category
    XML file (2014, 2015/16; nlp/semeval.py); errors name the line or sentence."""
    p = Path(path)
    if looks_like_xml(p):
        try:
            return read_semeval(p)
        except SemEvalError as e:
            raise TrainingError(str(e)) from None
    out = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            raise TrainingError(f"{p}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            raise TrainingError(f"{p}:{n}: expected {{\"text\": \"...\", \"themes\": [...]}}")
        themes = rec.get("themes", [])
        if not isinstance(themes, list) or not all(isinstance(t, str) and t for t in themes):
            raise TrainingError(f"{p}:{n}: \"themes\" must be a list of theme names")
        sentiment = rec.get("sentiment") or {}
        if not isinstance(sentiment, dict):
            raise TrainingError(f"{p}:{n}: \"sentiment\" must map theme -> positive|negative|neutral")
        out.append({"text": rec["text"], "themes": sorted(set(themes)),
                    "sentiment": {k: v for k, v in sentiment.items() if v in SENTIMENTS}})
    if not out:
        raise TrainingError(f"{p}: no examples")
    return out


def _score(gold: list[set], pred: list[set], labels: list[str]) -> dict:
    per = {}
    tp_all = fp_all = fn_all = 0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if lab in g and lab in p)
        fp = sum(1 for g, p in zip(gold, pred) if lab not in g and lab in p)
        fn = sum(1 for g, p in zip(gold, pred) if lab in g and lab not in p)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        per[lab] = _prf(tp, fp, fn) | {"support": tp + fn}
    micro = _prf(tp_all, fp_all, fn_all)
    scored = [v["f1"] for v in per.values() if v["support"]]
    micro["macro_f1"] = round(sum(scored) / len(scored), 4) if scored else 0.0
    return {"per_theme": per, "micro": micro}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _log_loss(probs: list[dict[str, float]], gold: list[set]) -> float:
    """Mean binary cross-entropy over examples and labels."""
    total, n = 0.0, 0
    for cats, g in zip(probs, gold):
        for lab, p in cats.items():
            p = min(max(p, 1e-6), 1 - 1e-6)
            total -= math.log(p) if lab in g else math.log(1 - p)
            n += 1
    return total / max(1, n)


def decide(cats: dict[str, float], threshold: float, min_one: bool) -> set[str]:
    chosen = {k for k, v in cats.items() if v >= threshold}
    if not chosen and min_one and cats:
        chosen = {max(cats, key=cats.get)}
    return chosen


def _predict(nlp, texts: list[str]) -> list[dict[str, float]]:
    return [dict(d.cats) for d in nlp.pipe(texts, batch_size=256)]


def _best_decision(probs, gold, labels, allow_min_one: bool) -> tuple[float, bool, float]:
    best = (0.5, False, -1.0)
    for min_one in ((False, True) if allow_min_one else (False,)):
        for t in [x / 100 for x in range(25, 71, 5)]:
            f1 = _score(gold, [decide(c, t, min_one) for c in probs], labels)["micro"]["f1"]
            # prefer higher F1, then a threshold nearer 0.5
            if f1 > best[2] + 1e-9 or (abs(f1 - best[2]) < 1e-9 and abs(t - 0.5) < abs(best[0] - 0.5)):
                best = (t, min_one, f1)
    return best


def _predict_pipe(nlp, name: str, texts: list[str]) -> list[dict[str, float]]:
    """Probabilities of one textcat pipe (each pipe writes doc.cats, so run it alone)."""
    with nlp.select_pipes(enable=[name]):
        return _predict(nlp, texts)


def _fit_member(nlp, name: str, fit_examples: list, dev_set: list[dict], labels: list[str], *,
                seed: int, epochs: int, patience: int, dropout: float, learn_rate: float,
                batch_start: float, batch_stop: float, log: Callable[[str], None]) -> int:
    """Train pipe `name` alone; keep the epoch with the best dev micro-F1 (ties: lower dev
    log-loss). Returns that epoch."""
    textcat = nlp.get_pipe(name)
    others = [n for n in nlp.pipe_names if n != name]
    rng = random.Random(seed)
    examples = list(fit_examples)
    optimizer = Adam(learn_rate=learn_rate, L2=1e-6, grad_clip=1.0)
    dev_gold = [set(d["themes"]) for d in dev_set]
    best_f1, best_loss, best_bytes, best_epoch, stale = -1.0, float("inf"), None, 0, 0
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=compounding(batch_start, batch_stop, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses, exclude=others)
        if not dev_set:
            log(f"epoch {epoch:>3}  loss {losses.get(name, 0):.3f}")
            best_epoch = epoch
            continue
        probs = _predict_pipe(nlp, name, [d["text"] for d in dev_set])
        f1 = _score(dev_gold, [decide(c, 0.5, False) for c in probs], labels)["micro"]["f1"]
        dev_loss = _log_loss(probs, dev_gold)
        log(f"epoch {epoch:>3}  loss {losses.get(name, 0):.3f}  dev micro-F1 {f1:.3f}"
            f"  dev log-loss {dev_loss:.4f}")
        # better F1, or the same F1 with a lower dev loss (a small dev set saturates F1 early)
        if f1 > best_f1 + 1e-4 or (f1 >= best_f1 - 1e-4 and dev_loss < best_loss - 1e-4):
            best_f1, best_loss, best_epoch, stale = max(f1, best_f1), dev_loss, epoch, 0
            best_bytes = textcat.to_bytes()
        else:
            stale += 1
            if stale >= patience:
                log(f"early stop: no dev improvement for {patience} epochs (best epoch {best_epoch})")
                break
    if best_bytes is not None:
        textcat.from_bytes(best_bytes)
    return best_epoch


def train_themes(examples_path: str | Path, out_dir: str | Path, *, eval_split: float = 0.2,
                 eval_path: str | Path | None = None, members: int = 3,
                 epochs: int = 30, seed: int = 0, patience: int = 5, dropout: float = 0.2,
                 learn_rate: float = 0.001, batch_start: float = 8.0, batch_stop: float = 32.0,
                 log: Callable[[str], None] | None = None) -> dict:
    """Train, report on the held-out split, save to out_dir. Returns the report dict.

    eval_path: a separate gold file (a shared task's test set) to report on instead of a
    split of the examples, which are then all used for training (a tenth as dev set).
    members: classifiers trained from seeds seed, seed+1, ...; the report scores their mean."""
    if members < 1:
        raise TrainingError("members must be at least 1")
    log = log or (lambda msg: None)
    started = time.perf_counter()
    data = read_examples(examples_path)
    held_out = read_examples(eval_path) if eval_path is not None else None
    labels = sorted({t for d in data for t in d["themes"]})
    if not labels:
        raise TrainingError(f"{examples_path}: no example has a theme")
    rng = random.Random(seed)
    rng.shuffle(data)
    if held_out is not None:
        eval_set, train_set = held_out, data
    else:
        n_eval = int(round(len(data) * eval_split)) if eval_split > 0 and len(data) >= 5 else 0
        eval_set, train_set = data[:n_eval], data[n_eval:]
    n_dev = max(1, len(train_set) // 10) if len(train_set) >= 30 else 0
    dev_set, fit_set = train_set[:n_dev], train_set[n_dev:]
    fix_random_seed(seed)

    nlp = spacy.blank("en")
    names = ["textcat_multilabel"] + [f"textcat_multilabel_{k}" for k in range(2, members + 1)]
    for name in names:
        textcat = nlp.add_pipe("textcat_multilabel", name=name,
                               config={"model": TEXTCAT_MODEL, "threshold": 0.5})
        for lab in labels:
            textcat.add_label(lab)

    def to_example(d):
        doc = nlp.make_doc(d["text"])
        return Example.from_dict(doc, {"cats": {lab: float(lab in d["themes"]) for lab in labels}})

    fit_examples = [to_example(d) for d in fit_set]
    nlp.initialize(lambda: fit_examples)
    log(f"training {members} classifier{'s' if members > 1 else ''} on {len(fit_set)} examples "
        f"({len(labels)} themes), dev {len(dev_set)}, held out {len(eval_set)}")
    epochs_used = []
    for k, name in enumerate(names):
        if members > 1:
            log(f"classifier {k + 1} of {members} (seed {seed + k})")
        epochs_used.append(_fit_member(
            nlp, name, fit_examples, dev_set, labels, seed=seed + k, epochs=epochs, patience=patience,
            dropout=dropout, learn_rate=learn_rate, batch_start=batch_start, batch_stop=batch_stop, log=log))

    share_with_theme = sum(1 for d in train_set if d["themes"]) / max(1, len(train_set))
    decisions = {"first": (0.5, False), "ensemble": (0.5, False)}
    if dev_set:
        dev_gold = [set(d["themes"]) for d in dev_set]
        runs = [_predict_pipe(nlp, n, [d["text"] for d in dev_set]) for n in names]
        for key, probs in (("first", runs[0]), ("ensemble", mean_probs(runs))):
            decisions[key] = _best_decision(probs, dev_gold, labels, share_with_theme >= 0.95)[:2]
    threshold, min_one = decisions["ensemble"]
    log(f"decision: threshold {threshold:.2f}{', at least one theme' if min_one else ''}")

    report = {"examples": len(data), "train": len(fit_set), "dev": len(dev_set), "eval": len(eval_set),
              "labels": labels, "members": members, "best_epoch": epochs_used[0],
              "best_epochs": epochs_used, "threshold": threshold, "min_one": min_one}
    if eval_path is not None:
        report["eval_file"] = str(eval_path)
    if eval_set:
        runs = [_predict_pipe(nlp, n, [d["text"] for d in eval_set]) for n in names]
        # themes of the gold file that training never saw count as missed
        scored = sorted(set(labels).union(*(d["themes"] for d in eval_set)))
        gold = [set(d["themes"]) for d in eval_set]
        report.update(_score(gold, [decide(c, threshold, min_one) for c in mean_probs(runs)], scored))
        if members > 1:
            t1, m1 = decisions["first"]
            report["first_member"] = _score(gold, [decide(c, t1, m1) for c in runs[0]], scored)["micro"]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({"name": "rivalscope_themes", "version": "1.0.0",
                     "description": "rivalscope theme classifier (textcat_multilabel)"})
    nlp.to_disk(out)
    # threshold/min_one: the first pipe alone (what a reader of one textcat uses); ensemble: the
    # mean of all pipes, scored with its own threshold
    meta = {"threshold": decisions["first"][0], "min_one": decisions["first"][1], "labels": labels,
            "ensemble": {"pipes": names, "threshold": threshold, "min_one": min_one},
            "trained_on": str(examples_path), "examples": len(data), "best_epoch": epochs_used[0],
            "eval": {k: report[k] for k in ("micro", "per_theme", "first_member") if k in report}}
    (out / MODEL_META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True))
    if eval_set and any(d["sentiment"] for d in eval_set):
        report["theme_sentiment"] = _theme_sentiment_agreement(out, eval_set)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def _theme_sentiment_agreement(model_dir: Path, eval_set: list[dict]) -> dict:
    """Agreement of our per-theme sentiment (VADER + lexicon + contrast) with the labels."""
    from .pipeline import build_pipeline

    nlp = build_pipeline(str(model_dir))
    total = right = 0
    for d, doc in zip(eval_set, nlp.pipe([d["text"] for d in eval_set])):
        themes = doc._.themes or {}
        for theme, gold in d["sentiment"].items():
            pred = themes[theme]["label"] if theme in themes else doc._.sentiment["label"]
            total += 1
            right += pred == gold
    return {"pairs": total, "accuracy": round(right / total, 4) if total else 0.0}


def _members_text(report: dict) -> str:
    epochs = report.get("best_epochs", [report["best_epoch"]])
    if len(epochs) == 1:
        return f"best epoch {epochs[0]}"
    return f"mean of {len(epochs)} classifiers (best epochs {', '.join(map(str, epochs))})"


def format_report(report: dict) -> str:
    held_out = f" (from {Path(report['eval_file']).name})" if report.get("eval_file") else ""
    lines = [f"{report['examples']} examples: {report['train']} train, {report['dev']} dev, "
             f"{report['eval']} held out{held_out}; {_members_text(report)}, threshold "
             f"{report['threshold']:.2f}{' (at least one theme)' if report['min_one'] else ''}"]
    if "micro" in report:
        lines.append(f"{'theme':<32} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for lab, s in sorted(report["per_theme"].items()):
            lines.append(f"{lab:<32} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:5d}")
        m = report["micro"]
        lines.append(f"{'micro':<32} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
        lines.append(f"{'macro F1':<32} {'':6} {'':6} {m['macro_f1']:6.3f}")
        if "first_member" in report:
            f = report["first_member"]
            lines.append(f"{'micro, first classifier alone':<32} {f['precision']:6.3f} {f['recall']:6.3f} "
                         f"{f['f1']:6.3f}")
    else:
        lines.append("no held-out split (--eval-split 0): nothing to report")
    if "theme_sentiment" in report:
        ts = report["theme_sentiment"]
        lines.append(f"theme sentiment agreement (VADER + domain lexicon): {ts['accuracy']:.3f} "
                     f"on {ts['pairs']} labelled theme/sentiment pairs")
    return "\n".join(lines)
