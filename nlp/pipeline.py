"""Building rivalscope's spaCy pipeline and naming its version.

`themes` may be "default"/"software"/"retail" (bundled taxonomies), a taxonomy .yml file,
a directory holding a trained spaCy model (`rivalscope themes train`), or the name of an
installed spaCy model package with a textcat. Nothing is ever downloaded.
"""
from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .components import MODEL_META_FILE
from .doctext import keep_text
from .sentiment import DOMAIN_LEXICON_FILE, DOMAIN_PHRASES_FILE
from .taxonomy import TaxonomyError, bundled_path, load_taxonomy

# Bump when the code's output changes for the same input: re-analysis then happens.
CODE_VERSION = "nlp-1"
_CODE_FILES = ("components.py", "tokenpatterns.py", "sentiment.py", "lemmatizer.py", "pipeline.py", "doctext.py",
               "segmenter.py", "tokentable.py")


@dataclass(frozen=True)
class ThemeSource:
    kind: str  # "taxonomy" | "model"
    spec: str  # path or package name
    name: str  # taxonomy name or model name
    digest: str  # content hash of the taxonomy file or the model's files


def _digest_dir(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode() + b"\x00" + f.read_bytes())
    return h.hexdigest()


def _is_model_dir(path: Path) -> bool:
    return path.is_dir() and (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def resolve_themes(spec: str | Path | None) -> ThemeSource:
    """Decide what `themes` names: bundled taxonomy, taxonomy file, model dir or package."""
    spec = str(spec or "default")
    if bundled_path(spec) is not None:
        tax = load_taxonomy(spec)
        return ThemeSource("taxonomy", spec.lower(), tax.name, tax.digest)
    path = Path(spec).expanduser()
    if path.suffix.lower() in (".yml", ".yaml") or path.is_file():
        tax = load_taxonomy(path)
        return ThemeSource("taxonomy", str(path.resolve()), tax.name, tax.digest)
    if path.is_dir():
        if not _is_model_dir(path):
            raise TaxonomyError(f"{spec}: directory is not a spaCy model (no config.cfg/meta.json); "
                                "train one with `rivalscope themes train`")
        return ThemeSource("model", str(path.resolve()), path.name, _digest_dir(path))
    if spec.replace("_", "").replace("-", "").isalnum() and importlib.util.find_spec(spec) is not None:
        mod_path = Path(importlib.util.find_spec(spec).origin or "").parent
        return ThemeSource("model", spec, spec, hashlib.sha256(
            (spec + str(_package_version(spec))).encode()).hexdigest() if not mod_path.is_dir()
            else _digest_dir(mod_path))
    raise TaxonomyError(
        f"{spec}: not a bundled taxonomy (default, software, retail), a taxonomy .yml file, a "
        "trained model directory or an installed spaCy package (nothing is downloaded)")


def _package_version(name: str) -> str | None:
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return None


def _code_digest() -> str:
    here = Path(__file__).parent
    h = hashlib.sha256(CODE_VERSION.encode())
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    h.update(DOMAIN_LEXICON_FILE.read_bytes())
    h.update(DOMAIN_PHRASES_FILE.read_bytes())
    h.update((here / "lexicon" / "lemmas.tsv").read_bytes())
    return h.hexdigest()


def pipeline_version(source: ThemeSource) -> str:
    """Hash of the taxonomy/model content and the code: a new version means re-analysis."""
    h = hashlib.sha256()
    h.update(f"{source.kind}\x1f{source.digest}\x1f{_code_digest()}".encode())
    return f"{source.kind}:{source.name}:{h.hexdigest()[:12]}"


def build_pipeline(themes: str | Path | ThemeSource | None = "default", *,
                   domain_lexicon: bool = True, contrast: bool = True,
                   token_annotations: bool = True) -> Language:
    """blank("en") + sentence segmenter + lookup lemmatizer + themes + VADER sentiment.

    token_annotations=False: the sentence starts and lemmas are kept only in the token table
    the components share (nlp/tokentable.py), not written to the Doc (doc.sents and
    token.lemma_ stay unset; the results in the doc._ extensions are the same). For analyze,
    which reads only those results: writing the two cost 3.6 us per review."""
    source = themes if isinstance(themes, ThemeSource) else resolve_themes(themes)
    nlp = keep_text(spacy.blank("en"))  # the sentiment component slices the kept text
    nlp.add_pipe("rivalscope_sentences", config={"set_annotations": token_annotations})
    nlp.add_pipe("rivalscope_lemmatizer", config={"set_annotations": token_annotations})
    if source.kind == "taxonomy":
        themes_pipe = nlp.add_pipe("rivalscope_themes", config={
            "taxonomy": {"@misc": "rivalscope.taxonomy.v1", "path": source.spec}})
        if themes_pipe.reads_doc:  # a token pattern spaCy's Matcher runs needs them
            for name in ("rivalscope_sentences", "rivalscope_lemmatizer"):
                nlp.get_pipe(name).set_annotations = True
    else:
        nlp.add_pipe("rivalscope_model_themes", config={"model": source.spec})
    nlp.add_pipe("rivalscope_sentiment", config={"domain_lexicon": domain_lexicon, "contrast": contrast})
    nlp.meta["rivalscope_version"] = pipeline_version(source)
    nlp.meta["rivalscope_themes"] = {"kind": source.kind, "spec": source.spec, "name": source.name}
    return nlp


def theme_definitions(source: ThemeSource) -> list[dict]:
    """[{name, label, definition}] for the `themes` table."""
    if source.kind == "taxonomy":
        tax = load_taxonomy(source.spec)
        return [{"name": t.key, "label": t.label, "definition": t.definition} for t in tax.themes]
    import json

    meta = {}
    meta_file = Path(source.spec) / MODEL_META_FILE
    if meta_file.is_file():
        meta = json.loads(meta_file.read_text())
    from .components import load_theme_model

    _, model_meta, labels, _ = load_theme_model(source.spec)
    meta = {**model_meta, **meta}
    defs = meta.get("definitions") or {}
    return [{"name": lab, "label": lab,
             "definition": defs.get(lab) or f"sentences the trained model {source.name} assigns to {lab!r} "
                                            f"(probability >= {meta.get('threshold', 0.5)})"}
            for lab in labels]


def doc_result(doc) -> dict:
    """The annotate shape: {sentiment, themes: [{theme, sentiment, label}], sentences: [...]}."""
    sentences = []
    for sent in doc.sents:
        s = sent._.sentiment or {"compound": 0.0, "label": "neutral"}
        sentences.append({"text": sent.text, "compound": s["compound"], "label": s["label"],
                          "themes": list(sent._.themes or [])})
    themes = [{"theme": t, "sentiment": v["compound"], "label": v["label"]}
              for t, v in sorted((doc._.themes or {}).items())]
    return {"sentiment": doc._.sentiment or {"compound": 0.0, "label": "neutral"},
            "themes": themes, "sentences": sentences}
