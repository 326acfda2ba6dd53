"""Layout heuristics for SaaS pricing pages: repeated plan cards, pricing tables,
monthly/annual price sets (hidden or not), free and contact-sales tiers."""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from .pricing_dom import (LAYOUT_SKIP, PRICE_CLASS, PriceCand, ancestors, billing_marker, classes,
                          depth, in_area, is_hidden, norm, short_text)
from .pricing_money import MONEY_RE, decimal_text, detect_period, detect_unit

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BADGE_RE = re.compile(
    r"^(?:most popular|popular|recommended|best value|best deal|new|beliebt(?:este)?|empfohlen|"
    r"am beliebtesten|populaire|le plus populaire|recommandé|más popular|recomendado|populair|"
    r"meest gekozen|aanbevolen|populär(?:ast)?|mest populär|rekommenderad|おすすめ|人気|一番人気|"
    r"save \d+ ?%|\d+ ?% off|spare \d+ ?%|-\d+ ?%|best seller|bestseller|top pick)[!.]?$", re.I)
FREE_RE = re.compile(
    r"^(?:free|free forever|forever free|always free|gratis|kostenlos|kostenfrei|gratuit|gratuite|"
    r"gratuito|gratuita|無料|0 ?円|\$0|0 ?€|€ ?0|£0)[!.*]?$", re.I)
CONTACT_RE = re.compile(
    r"contact (?:sales|us)|talk to (?:sales|us)|let'?s talk|get (?:a )?quote|request (?:a )?quote|"
    r"request pricing|custom(?: pricing| price| quote)?$|^custom\b|get in touch|call us|"
    r"kontakt(?:ieren sie uns| aufnehmen)?$|auf anfrage|individuell|vertrieb kontaktieren|"
    r"nous contacter|contactez[- ]nous|sur devis|sur mesure|contacter (?:les ventes|l'équipe)|"
    r"contactar|contáctanos|contacta con|personalizado|a medida|precio a consultar|"
    r"neem contact|op aanvraag|offerte|prijs op aanvraag|kontakta (?:oss|säljare|försäljning)|"
    r"begär offert|offert|お問い合わせ|要相談|個別見積|要見積|お見積",
    re.I)
BILLING_NOTE_RE = re.compile(
    r"billed (?:annually|yearly|monthly|every (?:year|month)|per year|per month)|"
    r"paid (?:annually|yearly)|when billed (?:annually|yearly)|"
    r"(?:jährliche|monatliche) (?:abrechnung|zahlung)|(?:jährlich|monatlich) abgerechnet|"
    r"bei jährlicher (?:zahlung|abrechnung)|factur[ée]e? (?:annuellement|mensuellement|chaque (?:année|mois))|"
    r"facturation (?:annuelle|mensuelle)|facturado (?:anualmente|mensualmente)|facturación (?:anual|mensual)|"
    r"(?:jaarlijks|maandelijks) gefactureerd|(?:jaarlijkse|maandelijkse) facturering|"
    r"faktureras (?:årsvis|årligen|månadsvis|per år|per månad)|årsvis fakturering|"
    r"faktureres (?:årligt|månedligt)|årlig fakturering|faktureres årlig|"
    r"年払い|年間契約|年一括|月払い", re.I)
ANNUAL_WORDS = re.compile(r"annual|yearly|year|jährlich|jahr|annuel|année|anual|jaarlijks|årsvis|årlig|年", re.I)
SAVE_RE = re.compile(r"\bsave\b|\bspare|sparen|économisez|economisez|ahorra|bespaar|spara\b|\boff\b|"
                     r"rabatt|discount|réduction|descuento|korting|節約|お得|%", re.I)
SECONDARY_RE = re.compile(r"billed|factur|abgerechnet|gefactureerd|faktureras|請求|total|insgesamt|"
                          r"in total|per year|/yr|/year|then\b|danach|ensuite|después|daarna|därefter|"
                          r"additional|extra|each additional|add-?on|zusätzlich|supplémentaire|adicional", re.I)
TOGGLE_MONTHLY = re.compile(r"^(?:pay |billed |bill )?(?:monthly|month|monatlich|monat|mensuel|mensuellement|"
                            r"mois|mensual|mes|maandelijks|maand|månadsvis|månad|per månad|月払い|月額|月間)$", re.I)
TOGGLE_ANNUAL = re.compile(r"^(?:pay |billed |bill )?(?:annual(?:ly)?|yearly|year|jährlich|jahr|annuel(?:lement)?|"
                           r"an|année|anual|año|jaarlijks|jaar|årsvis|år|per år|årligen|年払い|年額|年間)"
                           r"(?: ?\(?(?:save|spare|économisez|ahorra|bespaar|spara|-)?.{0,12}\)?)?$", re.I)
FEATURE_STRIP = re.compile(r"^[\s✓✔✅☑•·\-–—*+>]+")
EXCLUDED_FEATURE = re.compile(r"(?:^|[-_\s])(?:excluded|unavailable|disabled|not-included|"
                              r"no|cross|x-mark|missing|inactive)(?:$|[-_\s])", re.I)


def toggle_state(root) -> str | None:
    """'monthly' / 'annual' from the page's billing switch as rendered, or None."""
    body = root.find("body")
    if body is None:
        return None
    for el in body.iter("button", "a", "label", "input", "li", "span", "div"):
        role = (el.get("role") or "").lower()
        on = _is_on(el)
        if role == "switch" or (el.tag == "input" and (el.get("type") or "").lower() == "checkbox"):
            meta = " ".join([classes(el), el.get("name") or "", el.get("aria-label") or ""]).lower()
            if re.search(r"bill|annual|year|month|period|interval|toggle|jahr|monat|annuel|anual|plan", meta):
                if on is not None:
                    return "annual" if on else "monthly"
            continue
        if on is not True:
            continue
        t = short_text(el, 60)
        if el.tag == "input":
            t = _label_for(root, el)
        if len(t) > 40:
            continue
        if TOGGLE_MONTHLY.match(t):
            return "monthly"
        if TOGGLE_ANNUAL.match(t):
            return "annual"
    return None


def _is_on(el) -> bool | None:
    for attr in ("aria-pressed", "aria-selected", "aria-checked", "aria-current"):
        v = el.get(attr)
        if v is not None:
            return v.lower() in ("true", "page", "1")
    if el.tag == "input":
        return el.get("checked") is not None
    toks = set((el.get("class") or "").lower().replace("--", " ").replace("__", " ").split())
    if toks & {"active", "selected", "is-active", "is-selected", "current", "checked", "on",
               "toggle-active", "tab-active", "is-checked", "is-on"}:
        return True
    return None


def _label_for(root, el) -> str:
    if el.get("id"):
        for lab in root.iter("label"):
            if lab.get("for") == el.get("id"):
                return short_text(lab, 60)
    parent = el.getparent()
    return short_text(parent, 60) if parent is not None and parent.tag == "label" else ""


SAAS_NOISE = re.compile(
    r"(?:^|[-_\s])(?:cookie\w*|newsletter|announcement|promo-bar|site-header|site-footer|navbar|menu|"
    r"related|recommendations|upsell|cross-?sell|similar|also[-_]?(?:bought|viewed|like)|recently[-_]?viewed|"
    r"reviews?|testimonials?|comments?|blog|faq|mini[-_]?cart|cart[-_]?drawer)(?:$|[-_\s])", re.I)


def _bad_area(el) -> bool:
    return in_area(el, SAAS_NOISE, tags=LAYOUT_SKIP | {"aside"})


def plan_name(card) -> str | None:
    if card.tag == "tr":
        for cell in card:
            if isinstance(cell.tag, str) and cell.tag in ("th", "td"):
                t = short_text(cell, 60)
                return t if _name_ok(t) else None
        return None
    pools = ([e for e in card.iter(*HEADINGS)],
             [e for e in card.iter() if isinstance(e.tag, str) and e is not card and
              re.search(r"(?:name|title|heading|tier|plan-?label|header)", classes(e), re.I)],
             [e for e in card.iter("strong", "b", "dt")],
             [e for e in card.iter() if isinstance(e.tag, str) and e is not card and norm(e.text)])
    for pool in pools:
        for e in pool:
            t = short_text(e, 80) if pool is not pools[3] else norm(e.text)
            if _name_ok(t):
                return t
            # a heading that holds the badge too: "Pro Most popular"
            for sub in (e.iter() if e.tag in HEADINGS else ()):
                if sub is not e and isinstance(sub.tag, str):
                    st = norm(sub.text)
                    if st and _name_ok(st):
                        return st
    return None


def _name_ok(t: str) -> bool:
    return (0 < len(t) <= 40 and re.search(r"[^\W\d_]", t) is not None and not BADGE_RE.match(t)
            and not MONEY_RE.search(t) and not CONTACT_RE.search(t) and not detect_period("/" + t)
            and not TOGGLE_ANNUAL.match(t) and not TOGGLE_MONTHLY.match(t))


def features_of(card, name: str | None) -> list[str]:
    out = []
    for li in card.iter("li"):
        if li is card or li.find(".//li") is not None or li.find(".//h3") is not None:
            continue
        c = classes(li)
        if c and EXCLUDED_FEATURE.search(c):
            continue
        t = short_text(li, 300)
        if not t or t.startswith(("✗", "✕", "×", "✘", "❌")):
            continue
        t = FEATURE_STRIP.sub("", t).strip()
        if t and t not in out:
            out.append(t)
    return out


def billing_note_of(card) -> str | None:
    best = None
    for el in card.iter():
        if not isinstance(el.tag, str):
            continue
        t = short_text(el, 200)
        if len(t) <= 160 and BILLING_NOTE_RE.search(t) and not MONEY_RE.search(t):
            best = t  # keep going: the deepest (smallest) element wins (a note with its own
            # price, "$12 billed monthly", describes the other set, not this price)
    return best


def _items(root, cands, markers_only=False):
    body = root.find("body")
    body = body if body is not None else root
    items = []
    for c in cands:
        if not _bad_area(c.node):
            items.append(("price", c.node, c))
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        own = norm((el.text or "") + "".join(ch.tail or "" for ch in el))
        if not own:
            continue
        t = short_text(el, 60)
        if len(t) > 40:
            continue
        if FREE_RE.match(t) and not _bad_area(el):
            items.append(("free", el, None))
        elif CONTACT_RE.search(t) and not _bad_area(el):
            items.append(("contact", el, None))
    return items


def _group(items):
    """The container whose children look most like plan cards; returns (container, {child: items})."""
    branches: dict = {}
    for it in items:
        chain = ancestors(it[1])
        for child, parent in zip(chain, chain[1:]):
            branches.setdefault(parent, {}).setdefault(child, []).append(it)
    best, best_key = None, None
    names = {}
    for container, br in branches.items():
        if len(br) < 2:
            continue
        good = 0
        is_row = container.tag == "tr"
        for child, its in br.items():
            prices = [i for i in its if i[0] == "price" and not i[2].struck]
            kinds = {i[0] for i in its}
            if len(prices) > 4 or not (prices or kinds & {"free", "contact"}):
                continue
            if is_row:
                good += 1
                continue
            if child not in names:
                names[child] = plan_name(child)
            if names[child]:
                good += 1
        if good >= 2:  # cards repeat: count only the children sharing the most common tag
            tags = Counter(ch.tag for ch, its in br.items())
            top = tags.most_common(1)[0][0]
            good = min(good, sum(1 for ch in br if ch.tag == top and (names.get(ch) or is_row)))
        key = (good, depth(container))
        if good >= 2 and (best_key is None or key > best_key):
            best, best_key = container, key
    if best is None:
        return None, {}
    return best, branches[best]


def _table_names(row) -> dict:
    """Column index → plan name from the table's header row."""
    table = row
    while table is not None and table.tag != "table":
        table = table.getparent()
    if table is None:
        return {}
    header = None
    for tr in table.iter("tr"):
        header = tr
        break
    if header is None or header is row:
        return {}
    cells = [c for c in header if isinstance(c.tag, str) and c.tag in ("th", "td")]
    names = {}
    for i, c in enumerate(cells):
        names[i] = short_text(c, 80)
        for e in c.iter():
            t = norm(e.text) if e is not c or len(c) else short_text(c, 80)
            if isinstance(e.tag, str) and t and _name_ok(t):
                names[i] = t  # the name without a badge sharing the cell
                break
    return names


def _table_features(row, col: int) -> list[str]:
    table = row
    while table is not None and table.tag != "table":
        table = table.getparent()
    out = []
    if table is None:
        return out
    rows = list(table.iter("tr"))
    for tr in rows[1:]:
        if tr is row:
            continue
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("th", "td")]
        if len(cells) <= col or col == 0:
            continue
        label = short_text(cells[0], 120)
        v = short_text(cells[col], 120)
        if not label or MONEY_RE.search(v) or MONEY_RE.search(label):
            continue
        if not v or v in ("—", "-", "–", "✗", "✕", "×", "No", "Nein", "Non", "Nee", "Nej", "いいえ", "✘"):
            continue
        if v in ("✓", "✔", "✅", "Yes", "Ja", "Oui", "Sí", "Si", "はい", "●", "Included"):
            out.append(label)
        else:
            out.append(f"{label}: {v}")
    return out


def _main_price(cands: list[PriceCand]) -> PriceCand | None:
    live = [c for c in cands if not c.struck]
    if not live:
        return None

    def score(c):
        s = 0.0
        ctx = c.before + " " + c.after[:40]
        if SAVE_RE.search(c.before) or SAVE_RE.search(c.after[:12]):
            s -= 4
        if SECONDARY_RE.search(c.before[-30:]) or (SECONDARY_RE.search(c.after[:25]) and not detect_period(c.after[:8])):
            s -= 2
        if c.node.tag in ("small", "sub", "sup") or re.search(r"note|hint|sub|caption|foot", classes(c.node), re.I):
            s -= 1
        cur = c.node
        for _ in range(3):
            if cur is None:
                break
            if PRICE_CLASS.search(classes(cur)) or cur.get("itemprop") == "price":
                s += 2
                break
            cur = cur.getparent()
        if c.bare:
            s -= 0.5
        if ctx and re.search(r"\bor\b|\boder\b|\bou\b|\bo\b|\bof\b|\beller\b", c.before[-6:], re.I):
            s -= 1
        return (s, -c.order)

    return max(live, key=score)


def extract_plans(root, cands: list[PriceCand], *, currency_for, lang=None) -> list[dict]:
    """Offers from repeated plan cards (or a pricing table); [] when the page has none."""
    items = _items(root, cands)
    if not items:
        return []
    toggle = toggle_state(root)
    # partition by the billing set each price belongs to (marked via class/id/data-*).
    for kind, node, c in items:
        if kind == "price":
            c.billing = billing_marker(node)
            c.hidden = is_hidden(node)
    marked = {c.billing for k, _, c in items if k == "price" and c.billing}
    partitions = sorted(marked, reverse=True) if marked else [None]  # monthly, annual
    offers: list[dict] = []
    for part in partitions:
        other = None
        if len(marked) == 1:
            other = "monthly" if part == "annual" else "annual"
        its = []
        for it in items:
            if it[0] != "price" or it[2].billing == part or it[2].billing is None:
                its.append(it)
        container, branches = _group(its)
        if container is None:
            continue
        part_billing = part
        part_offers = _offers_from_cards(container, branches, currency_for=currency_for,
                                         billing=part_billing, unmarked_billing=other or toggle,
                                         toggle=toggle)
        offers.extend(part_offers)
        if len(marked) == 1:  # the unmarked prices form the other set
            others = [it for it in items if it[0] != "price" or it[2].billing is None]
            if any(it[0] == "price" for it in others):
                c2, b2 = _group(others)
                if c2 is not None:
                    offers.extend(_offers_from_cards(c2, b2, currency_for=currency_for,
                                                     billing=other, unmarked_billing=other, toggle=toggle))
            break
    if not marked:
        offers = _alt_sets_from_data(offers)
    if len({o["billing"] for o in offers if o["billing"]}) == 2:
        for o in offers:  # both sets in the page: a note about the other set is not this offer's
            note = o["billing_note"]
            if note and o["billing"] and ("annual" if ANNUAL_WORDS.search(note) else "monthly") != o["billing"]:
                o["billing_note"] = None
    _inherit_periods(offers)
    for o in offers:
        o.pop("_node", None)
    return _dedupe(offers)


def _alt_sets_from_data(offers):
    """Price sets kept in data-* attributes for a JS toggle (data-monthly="29" data-yearly="24")."""
    from .pricing_dom import ANNUAL_TOKENS, MONTHLY_TOKENS, _tokens
    from .pricing_money import NUMBER_RE, parse_amount

    alts = {}
    for i, o in enumerate(offers):
        node = o.get("_node")
        if node is None:
            continue
        found = {}
        pool = [node] + [a for a in list(node.iterancestors())[:2]] + list(node.iterdescendants())
        for el in pool:
            for k, v in el.attrib.items():
                if not k.startswith("data-"):
                    continue
                toks = _tokens(k[5:])
                which = "annual" if toks & ANNUAL_TOKENS else "monthly" if toks & MONTHLY_TOKENS else None
                m = NUMBER_RE.search(v or "")
                if which and m and which not in found:
                    val = parse_amount(m.group("n"))
                    if val is not None:
                        found[which] = val
        if len(found) == 2:
            alts[i] = found
    priced = [o for o in offers if o["amount"] is not None and not o["is_free"]]
    if not alts or len(alts) * 2 < len(priced):
        return offers
    current = Counter("monthly" if Decimal(offers[i]["amount"]) == f["monthly"] else "annual"
                      for i, f in alts.items()).most_common(1)[0][0]
    other = "annual" if current == "monthly" else "monthly"
    yearly = [v[other] > Decimal(offers[i]["amount"]) * 6 for i, v in alts.items()
              if other == "annual" and offers[i]["period"] == "month" and Decimal(offers[i]["amount"]) > 0]
    other_period_year = bool(yearly) and sum(yearly) * 2 > len(yearly)
    first, second = [], []
    for i, o in enumerate(offers):
        a = dict(o, billing=current)
        first.append(a)
        b = dict(o, billing=other, features=list(o["features"]))
        if i in alts:
            val = alts[i][other]
            b["amount"] = decimal_text(val, o["currency"])
            if o["period"] == "month" and other_period_year:
                b["period"] = "year"
            b["regular_amount"] = None
        elif o["amount"] is not None and not o["is_free"]:
            continue
        second.append(b)
    return first + second if current == "monthly" else second + first


def _offers_from_cards(container, branches, *, currency_for, billing, unmarked_billing, toggle):
    offers = []
    is_row = container.tag == "tr"
    col_names = _table_names(container) if is_row else {}
    cells = [c for c in container if isinstance(c.tag, str)]
    position = {c: i for i, c in enumerate(container)}
    for card, its in sorted(branches.items(), key=lambda kv: position.get(kv[0], 0)):
        if is_row:
            col = cells.index(card) if card in cells else -1
            name = col_names.get(col)
            feats = _table_features(container, col)
        else:
            name = plan_name(card)
            feats = features_of(card, name)
        if not name:
            continue
        prices = [i[2] for i in its if i[0] == "price"]
        if billing is not None:
            marked = [c for c in prices if c.billing == billing]
            if marked:
                prices = marked + [c for c in prices if c.billing is None and c.struck]
        main = _main_price(prices)
        note = None if is_row else billing_note_of(card)
        kinds = {i[0] for i in its}
        b = billing
        if b is None:
            b = unmarked_billing if (main is None or main.billing is None) else main.billing
        if b is None and note:
            b = "annual" if ANNUAL_WORDS.search(note) else "monthly"
        offer = {"plan": name, "amount": None, "currency": None, "period": None, "unit": None,
                 "billing": b, "regular_amount": None, "is_contact_sales": False, "is_free": False,
                 "availability": None, "sku": None, "features": feats, "billing_note": note,
                 "method": "layout", "confidence": 0.8}
        if main is not None:
            offer["_node"] = main.node
            cur, sure = currency_for(main)
            offer["currency"] = cur
            offer["amount"] = decimal_text(main.amount, cur)
            offer["period"] = detect_period(main.after) or detect_period(main.before)
            offer["unit"] = detect_unit(main.after) or detect_unit(main.before)
            offer["is_free"] = main.amount == 0
            struck = [c for c in prices if c.struck and c.amount > main.amount]
            if struck:
                reg = min(struck, key=lambda c: abs(c.order - main.order))
                offer["regular_amount"] = decimal_text(reg.amount, cur)
            offer["confidence"] = 0.8 if sure else 0.65
            if main.bare:
                offer["confidence"] = 0.6
        elif "free" in kinds:
            cur, _ = currency_for(None)
            offer.update(amount=decimal_text(Decimal(0), cur), currency=cur, is_free=True, confidence=0.75)
        elif "contact" in kinds:
            offer.update(is_contact_sales=True, period="unknown", billing=b, confidence=0.75)
        else:
            continue
        offers.append(offer)
    return offers


def _inherit_periods(offers):
    periods = Counter(o["period"] for o in offers if o["period"] and o["amount"] not in (None,) and not o["is_free"])
    for o in offers:
        if o["period"] == "week":
            o["period"] = "unknown"
        if o["period"] is None:
            if o["is_free"] and periods:
                o["period"] = periods.most_common(1)[0][0]
            else:
                o["period"] = "unknown"


def _dedupe(offers):
    seen, out = set(), []
    for o in offers:
        key = (o["plan"].lower(), o["billing"], o["period"], o["unit"])
        if key in seen:
            continue
        seen.add(key)
        out.append(o)
    return out
