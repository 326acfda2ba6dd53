"""Theme taxonomies: YAML files of themes, each an operational definition plus patterns.

```yaml
name: software
description: ...
themes:
  support:
    label: Support
    definition: One line saying what counts as a mention of this theme.
    phrases: [support team, customer service]      # case-insensitive token sequences
    lemmas: [support, ticket, "get back"]           # any inflection ("tickets", "Tickets")
    patterns:                                       # spaCy Matcher token patterns
      - [{LOWER: help}, {LOWER: desk}]
    exclude: [support for, supports]                # phrases/patterns that cancel an overlapping match
```
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BUNDLED_DIR = Path(__file__).parent / "taxonomies"
BUNDLED = {"default": "software", "software": "software", "retail": "retail"}
_ALLOWED_THEME_KEYS = {"label", "definition", "phrases", "lemmas", "patterns", "exclude"}


class TaxonomyError(ValueError):
    """A taxonomy file is missing or malformed; the message says where."""


@dataclass
class Theme:
    key: str
    label: str
    definition: str
    phrases: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    patterns: list[list[dict]] = field(default_factory=list)
    exclude: list = field(default_factory=list)  # phrases (str) or token patterns (list)


@dataclass
class Taxonomy:
    name: str
    description: str
    themes: list[Theme]
    path: str
    digest: str  # sha256 of the file's bytes: part of the pipeline version

    def theme(self, key: str) -> Theme:
        for t in self.themes:
            if t.key == key:
                return t
        raise KeyError(key)


# libyaml's loader when PyYAML has it (the same data, ~6x faster: 26 -> 4 ms for the software
# taxonomy, which analyze loads three times and each worker process once)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def bundled_path(name: str) -> Path | None:
    key = BUNDLED.get(name.lower())
    return BUNDLED_DIR / f"{key}.yml" if key else None


def load_taxonomy(spec: str | Path) -> Taxonomy:
    """Load a bundled taxonomy ("default", "software", "retail") or a YAML file path."""
    path = bundled_path(str(spec)) or Path(spec).expanduser()
    if not path.is_file():
        raise TaxonomyError(f"{spec}: taxonomy file not found")
    raw = path.read_bytes()
    try:
        data = yaml.load(raw, Loader=_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise TaxonomyError(f"{path}: YAML syntax error{where}") from None
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict) or not data["themes"]:
        raise TaxonomyError(f"{path}: expected a mapping with a non-empty `themes:` mapping")
    themes = [_parse_theme(path, key, body) for key, body in data["themes"].items()]
    return Taxonomy(
        name=str(data.get("name") or path.stem),
        description=str(data.get("description") or ""),
        themes=themes,
        path=str(path),
        digest=hashlib.sha256(raw).hexdigest(),
    )


def _parse_theme(path: Path, key, body) -> Theme:
    where = f"{path}: themes.{key}"
    if not isinstance(key, str) or not key.replace("_", "").isalnum():
        raise TaxonomyError(f"{where}: theme keys are snake_case words")
    if not isinstance(body, dict):
        raise TaxonomyError(f"{where}: expected a mapping with definition and patterns")
    unknown = set(body) - _ALLOWED_THEME_KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                            f"(allowed: {', '.join(sorted(_ALLOWED_THEME_KEYS))})")
    definition = body.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        raise TaxonomyError(f"{where}.definition: every theme needs a one-line operational definition")
    for k in ("phrases", "lemmas"):
        v = body.get(k) or []
        if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
            raise TaxonomyError(f"{where}.{k}: expected a list of strings")
    patterns = body.get("patterns") or []
    for i, p in enumerate(patterns):
        _check_pattern(f"{where}.patterns[{i}]", p)
    exclude = body.get("exclude") or []
    for i, p in enumerate(exclude):
        if not isinstance(p, str):
            _check_pattern(f"{where}.exclude[{i}]", p)
    if not (body.get("phrases") or body.get("lemmas") or patterns):
        raise TaxonomyError(f"{where}: needs at least one of phrases, lemmas, patterns")
    return Theme(key=key, label=str(body.get("label") or key.replace("_", " ").capitalize()),
                 definition=" ".join(definition.split()), phrases=list(body.get("phrases") or []),
                 lemmas=list(body.get("lemmas") or []), patterns=patterns, exclude=exclude)


def _check_pattern(where: str, pattern) -> None:
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) and t for t in pattern):
        raise TaxonomyError(f"{where}: a token pattern is a non-empty list of token mappings "
                            "like [{LOWER: help}, {LOWER: desk}]")
