"""Training examples from SemEval aspect-based sentiment files, read as `themes train` input.

The public aspect-category sets come in two XML shapes:

  SemEval-2014 Task 4   <sentences><sentence id=".."><text>..</text>
                          <aspectCategories><aspectCategory category="food" polarity="positive"/>
  SemEval-2015/16 Task 5 <Reviews><Review rid=".."><sentences><sentence id=".."><text>..</text>
                          <Opinions><Opinion category="FOOD#QUALITY" polarity="positive" .../>

Each sentence becomes {"text", "themes": its categories, "sentiment": {category: polarity}}
(polarities other than positive/negative/neutral, e.g. 2014's "conflict", keep the theme and
drop its sentiment). Sentences marked OutOfScope="TRUE" (2016) are skipped; a sentence with
no category is an example with no theme, as in the task.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

SENTIMENTS = ("positive", "negative", "neutral")


class SemEvalError(ValueError):
    pass


def looks_like_xml(path: Path) -> bool:
    """Is the file XML (by its name or its first characters)?"""
    if path.suffix.lower() == ".xml":
        return True
    with path.open("rb") as f:
        head = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def read_semeval(path: str | Path) -> list[dict]:
    """The sentences of a SemEval 2014 or 2015/16 aspect file as training examples."""
    p = Path(path)
    try:
        root = ElementTree.parse(p).getroot()
    except ElementTree.ParseError as e:
        line, col = e.position
        raise SemEvalError(f"{p}:{line}: not well-formed XML (column {col + 1})") from None
    if root.tag not in ("sentences", "Reviews"):
        raise SemEvalError(f"{p}: expected a SemEval aspect file (<sentences> of 2014 or <Reviews> of "
                           f"2015/16 at the top), found <{root.tag}>")
    out = []
    for n, sentence in enumerate(root.iter("sentence"), 1):
        if sentence.get("OutOfScope", "").upper() == "TRUE":
            continue
        text = (sentence.findtext("text") or "").strip()
        where = f"{p}: sentence {sentence.get('id') or n}"
        if not text:
            raise SemEvalError(f"{where}: no <text>")
        themes: list[str] = []
        sentiment: dict[str, str] = {}
        for tag in ("aspectCategories/aspectCategory", "Opinions/Opinion"):
            for opinion in sentence.findall(tag):
                category = (opinion.get("category") or "").strip()
                if not category:
                    raise SemEvalError(f"{where}: a <{tag.split('/')[1]}> without a category")
                if category not in themes:
                    themes.append(category)
                polarity = opinion.get("polarity")
                if polarity in SENTIMENTS and sentiment.get(category, polarity) == polarity:
                    sentiment[category] = polarity
                else:
                    sentiment[category] = None  # conflicting or unknown: no sentiment label
        out.append({"text": text, "themes": sorted(themes),
                    "sentiment": {k: v for k, v in sentiment.items() if v}})
    if not out:
        raise SemEvalError(f"{p}: no sentences")
    return out
