"""Agreement with human labels on nlp/data/labelled_sentences.jsonl.

Each line: {"text", "label": overall sentiment, "themes": [...], "sentiment": {theme: label},
"domain": software|retail}, labelled by hand. Compares plain VADER with rivalscope's
pipeline (VADER + domain lexicon, per sentence, contrast-aware theme attribution), and
measures the bundled taxonomies' theme detection.

    .venv/bin/python -m nlp.evaluate [LABELLED.jsonl]
"""
from __future__ import annotations

import json
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .pipeline import build_pipeline
from .sentiment import label_for

LABELLED = Path(__file__).parent / "data" / "labelled_sentences.jsonl"
LABELS = ("positive", "negative", "neutral")


def load_labelled(path: str | Path = LABELLED) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def agreement(gold: list[str], pred: list[str]) -> dict:
    """accuracy and macro-F1 over positive/negative/neutral."""
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    f1s = []
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return {"n": len(gold), "accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4)}


def evaluate(path: str | Path = LABELLED) -> dict:
    rows = load_labelled(path)
    plain = SentimentIntensityAnalyzer()
    pipes = {d: build_pipeline(d) for d in ("software", "retail")}
    no_lexicon = {d: build_pipeline(d, domain_lexicon=False) for d in ("software", "retail")}
    no_contrast = {d: build_pipeline(d, contrast=False) for d in ("software", "retail")}
    gold, p_plain, p_ours = [], [], []
    t_gold, t_plain, t_nolex, t_nocontrast, t_ours = [], [], [], [], []
    tp = fp = fn = 0
    for r in rows:
        dom = r.get("domain", "software")
        doc = pipes[dom](r["text"])
        plain_label = label_for(plain.polarity_scores(r["text"])["compound"])
        gold.append(r["label"])
        p_plain.append(plain_label)
        p_ours.append(doc._.sentiment["label"])
        found = doc._.themes or {}
        doc_nolex = no_lexicon[dom](r["text"])
        doc_nocon = no_contrast[dom](r["text"])
        for theme, lab in r.get("sentiment", {}).items():
            t_gold.append(lab)
            t_plain.append(plain_label)
            t_ours.append(found[theme]["label"] if theme in found else doc._.sentiment["label"])
            nl = doc_nolex._.themes or {}
            t_nolex.append(nl[theme]["label"] if theme in nl else doc_nolex._.sentiment["label"])
            nc = doc_nocon._.themes or {}
            t_nocontrast.append(nc[theme]["label"] if theme in nc else doc_nocon._.sentiment["label"])
        g, p = set(r.get("themes", [])), set(found)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "sentences": {"plain_vader": agreement(gold, p_plain), "rivalscope": agreement(gold, p_ours)},
        "theme_sentiment": {
            "plain_vader_sentence": agreement(t_gold, t_plain),
            "without_domain_lexicon": agreement(t_gold, t_nolex),
            "without_contrast": agreement(t_gold, t_nocontrast),
            "rivalscope": agreement(t_gold, t_ours),
        },
        "taxonomy_themes": {"precision": round(prec, 4), "recall": round(rec, 4),
                            "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0},
    }


def format_evaluation(result: dict, path: str | Path = LABELLED) -> str:
    lines = [f"labelled set: {Path(path).name}"]
    for section, systems in (("sentence sentiment", result["sentences"]),
                             ("theme-level sentiment", result["theme_sentiment"])):
        for name, m in systems.items():
            lines.append(f"{section:<22} {name:<24} n={m['n']:<4} accuracy {m['accuracy']:.3f}  "
                         f"macro-F1 {m['macro_f1']:.3f}")
    t = result["taxonomy_themes"]
    lines.append(f"{'taxonomy themes':<22} {'bundled taxonomies':<24} precision {t['precision']:.3f}  "
                 f"recall {t['recall']:.3f}  F1 {t['f1']:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    labelled = sys.argv[1] if len(sys.argv) > 1 else LABELLED
    print(format_evaluation(evaluate(labelled), labelled))
