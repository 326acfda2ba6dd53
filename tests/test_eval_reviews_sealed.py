"""perf/eval_reviews.py's sealed labels: real pages' expectations kept without their text
must score exactly as the plain expected.json does, misses and wrong fields included."""
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perf import eval_reviews  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "reviews"


def _corpus(tmp_path: Path) -> Path:
    """Five fixture cases, with expectations spoiled so that every kind of problem occurs."""
    plain = tmp_path / "plain"
    for name in sorted(p.name for p in CORPUS.iterdir() if (p / "expected.json").exists())[:5]:
        shutil.copytree(CORPUS / name, plain / name)
    first = sorted(plain.iterdir())
    exp = json.loads((first[0] / "expected.json").read_text())
    exp["reviews"][0]["title"] = "A title nobody wrote"
    exp["reviews"][0]["body"] += " and more"  # still matches by its first 40 characters
    exp["reviews"].append({"author": None, "rating": 3.0, "title": None, "published_at": None,
                           "body": "A review the page does not have at all."})
    (first[0] / "expected.json").write_text(json.dumps(exp))
    exp = json.loads((first[1] / "expected.json").read_text())
    exp["reviews"][0]["author"] = "Someone Else"
    exp["reviews"][0]["body"] = exp["reviews"][0]["body"][:20]  # a short prefix of the real text
    (first[1] / "expected.json").write_text(json.dumps(exp))
    return plain


def test_sealed_labels_score_like_plain_ones(tmp_path, capsys):
    plain = _corpus(tmp_path)
    labels = tmp_path / "labels.json"
    assert eval_reviews.main(["--seal", str(plain), "-o", str(labels)]) == 0
    bare = tmp_path / "bare"
    for case in plain.iterdir():
        (bare / case.name).mkdir(parents=True)
        shutil.copy(case / "page.html", bare / case.name / "page.html")  # no meta.json, no expected.json

    want = eval_reviews.evaluate(plain)
    got = eval_reviews.evaluate(bare, labels=json.loads(labels.read_text())["cases"])
    assert got["summary"] | {"ms_per_page": 0} == want["summary"] | {"ms_per_page": 0}
    assert want["summary"]["title_accuracy"] < 1 and want["summary"]["author_accuracy"] < 1
    assert want["summary"]["recall"] < 1 and want["summary"]["text_accuracy"] < 1
    assert [len(c["problems"]) for c in got["cases"]] == [len(c["problems"]) for c in want["cases"]]


def test_sealed_file_holds_no_review_text(tmp_path):
    plain = _corpus(tmp_path)
    labels = tmp_path / "labels.json"
    eval_reviews.main(["--seal", str(plain), "-o", str(labels)])
    text = labels.read_text()
    for case in plain.iterdir():
        for review in json.loads((case / "expected.json").read_text())["reviews"]:
            for field in ("body", "title", "author"):
                if review.get(field) and len(review[field]) > 3:
                    assert review[field] not in text
    # sealing again merges: cases are replaced, not repeated, and the file stays JSON
    eval_reviews.main(["--seal", str(plain), "-o", str(labels)])
    assert len(json.loads(labels.read_text())["cases"]) == 5


def test_cli_errors(tmp_path, capsys):
    assert eval_reviews.main([str(tmp_path / "missing")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert eval_reviews.main(["--seal", str(tmp_path)]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert eval_reviews.main([str(tmp_path), "--labels", str(bad)]) == 2
    assert "not a labels file" in capsys.readouterr().err
