"""rivalscope.yml: loading, validation and located error messages.

The library raises ConfigError carrying every problem with its location
(`competitors[1].pricing[0]: ... (line 12)`); the CLI prints them and exits 2.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, Union
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class ConfigError(Exception):
    """One or more problems in a config file; `problems` lists located messages."""

    def __init__(self, problems: list[str], path: str | Path | None = None):
        self.problems = problems
        self.path = str(path) if path else None
        head = f"{self.path}: " if self.path else ""
        super().__init__(head + "; ".join(problems))


def _check_url(value: str) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a URL string")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value.strip()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


RenderMode = Literal["auto", "always", "never"]


class PageRef(_Strict):
    """A page to crawl; a plain URL string in YAML is accepted as {url: ...}."""

    url: str
    render: RenderMode | None = None  # overrides the competitor's setting
    # CSS selector to click for a monthly/annual switch (pricing pages only).
    toggle: str | None = None
    selectors: dict[str, str] = Field(default_factory=dict)

    _url = field_validator("url")(classmethod(lambda cls, v: _check_url(v)))


class ReviewSource(PageRef):
    max_pages: int = Field(default=20, ge=1, le=10_000)
    source: str | None = None  # a name for the review source; defaults to the URL's host
    # CSS selector of a "load more" button, clicked in the browser up to max_pages times.
    load_more: str | None = None


def _coerce_pages(value: Any) -> Any:
    if isinstance(value, (str, dict)):
        value = [value]
    if isinstance(value, list):
        return [{"url": v} if isinstance(v, str) else v for v in value]
    return value


class Competitor(_Strict):
    name: str = Field(min_length=1)
    is_self: bool = Field(default=False, alias="self")
    website: str | None = None
    pricing: list[PageRef] = Field(default_factory=list)
    messaging: list[PageRef] = Field(default_factory=list)
    reviews: list[ReviewSource] = Field(default_factory=list)
    render: RenderMode = "auto"
    currency: str | None = None  # currency to assume for bare "$" etc. on this site
    selectors: dict[str, str] = Field(default_factory=dict)
    # Regexes (or "css:SELECTOR") for rotating content that must not count as a messaging change.
    ignore: list[str] = Field(default_factory=list)
    obey_robots: bool = True

    _pages = field_validator("pricing", "messaging", "reviews", mode="before")(
        classmethod(lambda cls, v: _coerce_pages(v))
    )

    @field_validator("website")
    @classmethod
    def _website(cls, v):
        return None if v is None else _check_url(v)

    @field_validator("currency")
    @classmethod
    def _currency(cls, v):
        if v is not None and not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(f"{v!r} is not an ISO 4217 code like USD or EUR")
        return v

    @field_validator("ignore")
    @classmethod
    def _ignore(cls, v):
        for pattern in v:
            if not pattern.startswith("css:"):
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise ValueError(f"{pattern!r} is not a valid regex: {e}") from None
        return v

    @property
    def slug(self) -> str:
        return slugify(self.name)


class ExchangeRate(_Strict):
    """1 `currency` = `rate` units of the base currency, valid from `date`."""

    currency: str
    rate: Decimal
    date: date

    @field_validator("rate", mode="before")
    @classmethod
    def _rate(cls, v):
        try:
            d = Decimal(str(v))
        except InvalidOperation:
            raise ValueError(f"{v!r} is not a number") from None
        if d <= 0:
            raise ValueError("must be positive")
        return d


class ScheduleEntry(_Strict):
    cron: str
    job: Literal["run", "crawl", "analyze", "benchmark"] = "run"

    @field_validator("cron")
    @classmethod
    def _cron(cls, v):
        from croniter import croniter

        if not croniter.is_valid(v):
            raise ValueError(f"{v!r} is not a valid cron expression")
        return v


AlertKind = Literal["price_change", "plan_change", "messaging_change", "sentiment_drop", "crawl_failed"]


class AlertRule(_Strict):
    on: AlertKind
    min_change_pct: Decimal | None = None  # price_change
    min_drop: float | None = None  # sentiment_drop: drop of average compound sentiment
    window_days: int = 30  # sentiment_drop: compare this window with the one before
    theme: str | None = None  # sentiment_drop: restrict to one theme
    competitors: list[str] = Field(default_factory=list)  # empty = all
    notify: list[str] = Field(min_length=1)  # apprise URLs; "${ENV_VAR}" is expanded at send time


class CrawlSettings(_Strict):
    concurrency: int = Field(default=8, ge=1, le=256)
    per_domain_concurrency: int = Field(default=2, ge=1, le=64)
    download_delay: float = Field(default=1.0, ge=0)
    autothrottle: bool = True
    timeout: float = Field(default=30.0, gt=0)
    max_page_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    retries: int = Field(default=2, ge=0, le=10)
    http_cache: bool = False  # development only: replay responses from .scrapy/httpcache
    retry_backoff: float = Field(default=1.0, ge=0)  # seconds before the first retry, doubled each time
    max_retry_wait: float = Field(default=60.0, ge=0)  # longest Retry-After honoured; longer gives up
    # worker processes that extract pages beside the crawler: "auto" = one per spare core (max 4), 0 = none
    extract_processes: Union[Literal["auto"], int] = "auto"

    @field_validator("extract_processes", mode="before")
    @classmethod
    def _processes(cls, v):
        if v == "auto" or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 64):
            return v
        raise ValueError(f"must be 'auto' or a number of processes from 0 to 64, not {v!r}")


class PrivacySettings(_Strict):
    store_author_names: bool = False
    # Name of the environment variable holding the salt for author hashes.
    salt_env: str = "RIVALSCOPE_SALT"


class Config(_Strict):
    project: str = "rivalscope"
    base_currency: str = "USD"
    database: str = "rivalscope.db"
    user_agent: str = "rivalscope/0.1 (+https://github.com/rivalscope/rivalscope)"
    competitors: list[Competitor] = Field(default_factory=list)
    exchange_rates: list[ExchangeRate] = Field(default_factory=list)
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    alerts: list[AlertRule] = Field(default_factory=list)
    themes: str = "default"
    # False, True, or a list of allowed hosts/networks such as ["127.0.0.1"].
    allow_private_networks: Union[bool, list[str]] = False
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    datasette_url: str | None = None  # base URL used in alert links

    # Where the file was loaded from; relative paths (database, themes) resolve against it.
    source_path: Path | None = Field(default=None, exclude=True)

    @field_validator("base_currency")
    @classmethod
    def _base(cls, v):
        if not re.fullmatch(r"[A-Z]{3}", v):
            raise ValueError(f"{v!r} is not an ISO 4217 code like USD or EUR")
        return v

    @model_validator(mode="after")
    def _cross_checks(self):
        selves = [c.name for c in self.competitors if c.is_self]
        if len(selves) > 1:
            raise ValueError(f"at most one competitor may be self: true (found {', '.join(selves)})")
        slugs: dict[str, str] = {}
        for c in self.competitors:
            if c.slug in slugs:
                raise ValueError(f"competitor names {slugs[c.slug]!r} and {c.name!r} are the same once normalised")
            slugs[c.slug] = c.name
        return self

    def competitor(self, name: str) -> Competitor:
        for c in self.competitors:
            if c.name.lower() == name.lower() or c.slug == slugify(name):
                return c
        known = ", ".join(c.name for c in self.competitors) or "none"
        raise ConfigError([f"no competitor named {name!r} (configured: {known})"], self.source_path)

    def resolve(self, relative: str) -> Path:
        base = self.source_path.parent if self.source_path else Path.cwd()
        p = Path(relative).expanduser()
        return p if p.is_absolute() else base / p

    @property
    def database_path(self) -> Path:
        return self.resolve(self.database)


def slugify(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s or "competitor"


# -- loading -----------------------------------------------------------------------------

def _format_loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("function-after[_check_url(), str]",):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _node_line(root: yaml.Node | None, loc: tuple) -> int | None:
    """Line (1-based) of the YAML node at `loc`, or of the deepest ancestor found."""
    node, line = root, None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            key = "self" if part == "is_self" else part
            nxt = None
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    nxt = v if not isinstance(v, yaml.ScalarNode) else v
                    line = k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _fix_bool_keys(value: Any) -> Any:
    """YAML 1.1 reads the key `on:` (alerts) as True; give such keys back their text."""
    if isinstance(value, dict):
        return {({True: "on", False: "off"}.get(k, k) if isinstance(k, bool) else k): _fix_bool_keys(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_fix_bool_keys(v) for v in value]
    return value


def parse_config(text: str, path: str | Path | None = None) -> Config:
    """Parse and validate YAML text; raises ConfigError with located problems."""
    try:
        root = yaml.compose(text)
        data = _fix_bool_keys(yaml.safe_load(text))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        raise ConfigError([f"YAML syntax error at {where}: {e.problem or e}"], path) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(["the file must be a YAML mapping (key: value pairs) at the top level"], path)
    try:
        cfg = Config.model_validate(data)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            msg = err["msg"]
            msg = msg.removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = "unknown key (check the spelling; unknown keys are not allowed)"
            line = _node_line(root, loc)
            problems.append(f"{_format_loc(loc)}: {msg}" + (f" (line {line})" if line else ""))
        raise ConfigError(problems, path) from None
    cfg.source_path = Path(path).resolve() if path else None
    return cfg


def load_config(path: str | Path) -> Config:
    p = Path(path)
    if not p.exists():
        raise ConfigError([f"config file not found (create one with `rivalscope init`)"], p)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError([f"cannot read the file: {e}"], p) from None
    return parse_config(text, p)
