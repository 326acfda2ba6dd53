"""The public-set evaluation (nlp/evaluate_public.py) on small files of the same format.

The real sets come from PyPI (vaderSentiment's source distribution) and are not fetched
here: tests never touch the network. The download step is exercised with a fake sdist.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

import pytest

from nlp import evaluate_public as ep

AMAZON = [  # id, human mean, text: idioms plain VADER gets backwards
    ("1_1", 2.4, "for the price it was a steal."),
    ("1_2", 2.2, "you can't go wrong with this player."),
    ("1_3", 0.1, "it has a usb port."),
    ("2_1", -3.0, "don't buy this player."),
    ("2_2", -2.2, "it stopped working after a week and the picture is grainy."),
    ("3_1", 1.8, "the price is hard to beat."),
    ("3_2", -1.5, "customer service nonexistent."),
    ("4_1", 2.9, "great camera, love it!"),
    ("4_2", -2.6, "terrible battery, awful menus."),
]


def _write(path, rows):
    path.write_text("".join(f"{i}\t{m}\t{t}\r\n" for i, m, t in rows), encoding="utf-8")


@pytest.fixture()
def data(tmp_path):
    _write(tmp_path / "amazonReviewSnippets_GroundTruth.txt", AMAZON)
    return tmp_path


def test_load_set_and_its_errors(tmp_path):
    path = tmp_path / "x_GroundTruth.txt"
    _write(path, AMAZON[:2])
    assert ep.load_set(path) == [("1_1", 2.4, AMAZON[0][2]), ("1_2", 2.2, AMAZON[1][2])]
    path.write_text("1_1\t0.5\tfine\n1_2\tnot-a-number\tbad\n")
    with pytest.raises(ep.PublicSetError, match=r"x_GroundTruth.txt:2: expected 'ID<TAB>MEAN-RATING<TAB>TEXT'"):
        ep.load_set(path)


def test_documents_and_halves():
    docs = ep.documents(AMAZON)
    assert [d[0] for d in docs] == ["1", "2", "3", "4"]
    assert docs[0][1] == pytest.approx((2.4 + 2.2 + 0.1) / 3)
    assert docs[0][2] == " ".join(t for _, _, t in AMAZON[:3])
    assert [ep.half_of(i) for i in ("1_1", "2_5", "10", "7")] == ["held-out", "dev", "dev", "held-out"]


def test_metrics():
    assert ep.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert ep.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert ep.pearson([1, 1, 1], [1, 2, 3]) == 0.0
    assert [ep.gold_label(m) for m in (0.5, 0.49, -0.5, -0.49)] == ["positive", "neutral", "negative", "neutral"]
    m = ep.scores([2.0, -2.0, 0.0, 1.5], [0.6, -0.3, 0.0, -0.2])
    assert m["n"] == 4 and m["accuracy"] == 0.75
    assert m["n_clear"] == 3 and m["sign_clear"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluate_public_on_a_small_set(data, capsys):
    result = ep.evaluate_public(data, ["amazon", "amazon-reviews"])
    snippets, reviews = result["amazon"], result["amazon-reviews"]
    assert snippets["n"] == 9 and reviews["n"] == 4
    plain, ours = snippets["plain VADER"]["all"], snippets["rivalscope"]["all"]
    # the idioms of the set: plain VADER reads "a steal", "can't go wrong" and "hard to beat"
    # as complaints and "don't buy" as neutral; the domain lexicon's phrases do not
    assert ours["pearson_r"] > plain["pearson_r"] + 0.2
    assert ours["sign_clear"] == 1.0 and plain["sign_clear"] < 0.7
    assert snippets["rivalscope without the domain lexicon"]["all"] == plain
    assert set(snippets["rivalscope"]) == {"all", "dev", "held-out"}
    assert snippets["rivalscope"]["dev"]["n"] + snippets["rivalscope"]["held-out"]["n"] == 9
    text = ep.format_public(result)
    assert "amazon (amazonReviewSnippets, 9 snippets)" in text
    assert "amazon-reviews (4 documents rebuilt from amazonReviewSnippets)" in text


def test_cli_errors(data, tmp_path, capsys):
    assert ep.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert ep.main(["--data", str(data), "--sets", "amazon,yelp"]) == 2
    assert "unknown set 'yelp'" in capsys.readouterr().err
    assert ep.main(["--data", str(data), "--sets", "amazon", "--json"]) == 0
    out = capsys.readouterr()
    assert '"pearson_r"' in out.out
    assert "scoring amazon: 9 texts, 3 systems" in out.err  # progress on stderr


def _fake_sdist(directory, with_data=True):
    """A vaderSentiment-like source distribution holding the ground-truth archive."""
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w:gz") as t:
        body = "".join(f"{i}\t{m}\t{x}\r\n" for i, m, x in AMAZON).encode()
        info = tarfile.TarInfo(f"{ep.DATA_DIR_NAME}/amazonReviewSnippets_GroundTruth.txt")
        info.size = len(body)
        t.addfile(info, io.BytesIO(body))
    with tarfile.open(directory / "vaderSentiment-3.3.2.tar.gz", "w:gz") as t:
        if with_data:
            info = tarfile.TarInfo(f"vaderSentiment-3.3.2/{ep.ARCHIVE}")
            info.size = len(inner.getvalue())
            t.addfile(info, io.BytesIO(inner.getvalue()))
        readme = tarfile.TarInfo("vaderSentiment-3.3.2/README.rst")
        readme.size = 2
        t.addfile(readme, io.BytesIO(b"hi"))


def test_fetch_unpacks_the_sdist_once(tmp_path, monkeypatch):
    calls = []

    def fake_pip(cmd, **kw):
        calls.append(cmd)
        dest = cmd[cmd.index("-d") + 1]
        _fake_sdist(Path(dest))
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(ep.subprocess, "run", fake_pip)
    cache = tmp_path / "cache"
    got = ep.fetch_ground_truth(cache)
    assert got == cache / ep.DATA_DIR_NAME
    assert ep.load_set(got / "amazonReviewSnippets_GroundTruth.txt")[0][0] == "1_1"
    assert "download" in calls[0] and "--no-binary" in calls[0]
    ep.fetch_ground_truth(cache)
    assert len(calls) == 1  # cached


def test_fetch_errors_say_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(ep.subprocess, "run", lambda cmd, **kw: subprocess.CompletedProcess(
        cmd, 1, "", "ERROR: Could not find a version that satisfies the requirement"))
    with pytest.raises(ep.PublicSetError, match="could not download .*pass --data DIR"):
        ep.fetch_ground_truth(tmp_path / "c1")

    def no_data(cmd, **kw):
        _fake_sdist(Path(cmd[cmd.index("-d") + 1]), with_data=False)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(ep.subprocess, "run", no_data)
    with pytest.raises(ep.PublicSetError, match="has no additional_resources/hutto_ICWSM_2014.tar.gz"):
        ep.fetch_ground_truth(tmp_path / "c2")
