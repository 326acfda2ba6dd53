"""Reviews without a rating among rated ones: a card drawn exactly like the rated cards
around it (same tag and classes, same parent) that carries a date and text is a review
whose writer gave no score (IMDb shows such a card without its star)."""
from __future__ import annotations

import re

from .reviews_dates import find_date_text
from .reviews_normalize import element_text
from .reviews_widgets import tag


def _dated(el) -> bool:
    if any(tag(d) == "time" or d.get("itemprop") in ("datePublished", "dateCreated") for d in el.iter()):
        return True
    return any(tag(d) and len(d) == 0 and find_date_text(element_text(d) or (
        d.get("title") if re.search(r"date|time", d.get("class") or "", re.I) else "")) for d in el.iter()
               if len(element_text(d)) <= 60)  # (or an empty "timeago" a script fills from its title)


def unrated_siblings(accepted: list, signature) -> list:
    """The siblings of accepted review blocks that share their signature (a class-named card,
    two or more accepted in one parent; `signature(el)`: tag and stable classes), carry a date and some text, and hold no accepted
    block: unrated reviews of the same list. Document order is the caller's to restore."""
    by_parent: dict[int, list] = {}
    parents = {}
    for b in accepted:
        p = b.getparent()
        if p is None:
            continue
        by_parent.setdefault(id(p), []).append(b)
        parents[id(p)] = p
    taken = {id(d) for b in accepted for d in b.iter()}
    out = []
    for key, members in by_parent.items():
        if len(members) < 2:
            continue
        sigs = {signature(b) for b in members}
        if len(sigs) != 1:
            continue
        sig = sigs.pop()
        if sig.endswith("."):
            continue  # bare tags (<div>, <li>) may be anything
        for c in parents[key]:
            if not tag(c) or id(c) in taken or signature(c) != sig:
                continue
            if any(id(d) in taken for d in c.iter()):
                continue
            if len(element_text(c)) < 40 or not _dated(c):
                continue
            out.append(c)
    return out + _wrapped(accepted, signature, taken)


def _only_child(el):
    kids = [c for c in el if tag(c)]
    return kids[0] if len(kids) == 1 else None


def _wrapped(accepted: list, signature, taken: set) -> list:
    """The same for reviews read as bare wrappers, each holding one class-named card (<div
    data-cid="…"><div class="main review-item">…</div></div>, Douban): a sibling wrapper whose
    only child is drawn like the rated cards, with a date and some text, is an unrated review."""
    groups: dict[int, tuple] = {}
    for b in accepted:
        p = b.getparent()
        if p is not None and _only_child(b) is not None and signature(b).endswith("."):
            groups.setdefault(id(p), (p, []))[1].append(b)
    out = []
    for p, members in groups.values():
        sigs = {signature(_only_child(b)) for b in members}
        if len(members) < 2 or len(sigs) != 1 or (sig := sigs.pop()).endswith("."):
            continue
        for c in p:
            inner = _only_child(c) if tag(c) == tag(members[0]) else None
            if inner is None or signature(inner) != sig or any(id(d) in taken for d in c.iter()):
                continue
            if len(element_text(c)) >= 40 and _dated(c):
                out.append(c)
    return out


def narrowed_to_cards(accepted: list, signature) -> list:
    """The blocks, each one that wraps exactly one element drawn like two or more of the other
    blocks (same tag and classes, a class-named card) read as that element: the wrapper adds a
    heading of its section ("Review of the Week" above one card, the others below a heading of
    their own), not the review's."""
    sigs = [signature(b) for b in accepted]
    counts: dict[str, int] = {}
    for s in sigs:
        counts[s] = counts.get(s, 0) + 1
    shared = {s for s, n in counts.items() if n >= 2 and not s.endswith(".")}
    if not shared or len(shared) == len(counts):
        return accepted
    tags = {s.partition(".")[0] for s in shared}
    out = []
    for b, own in zip(accepted, sigs):
        if counts[own] >= 2:  # (drawn like others itself: a card already)
            out.append(b)
            continue
        inner = [d for d in b.iterdescendants() if tag(d) in tags and d.get("class") and signature(d) in shared]
        out.append(inner[0] if len(inner) == 1 else b)
    return out


def _card_of(block, signature) -> str:
    """The signature of a block's card: its own, or its only child's when the block is a bare
    wrapper or one named for a verdict around it ("cg-rave" > "review-wrap")."""
    kid = _only_child(block)
    return signature(kid) if kid is not None else signature(block)


def alike_cards(accepted: list, signature, names_review, root) -> list:
    """Cards drawn exactly like the review cards found (the same tag and classes, a class that
    names a review: `names_review(signature)`), shared by two or more of them, elsewhere on the
    page, each with some text and no score or date of its own: reviews of another list of the
    same page (a column of critics' reviews beside users' rated ones, "Featured" teasers above
    the dated "Latest" ones). Document order is the caller's to restore."""
    def shared(sigs: list) -> set:
        return {s for s in sigs if sigs.count(s) >= 2 and not s.endswith(".") and names_review(s)}
    # the blocks' own look; only when that names no review, their cards' inside them (a staff
    # member's comment, drawn otherwise around the same inner card, is no reader's review)
    sigs = shared([signature(b) for b in accepted]) or shared([_card_of(b, signature) for b in accepted])
    if not sigs:
        return []
    taken = {id(d) for b in accepted for d in b.iter()}
    around = {id(a) for b in accepted for a in b.iterancestors()}
    tags = {s.partition(".")[0] for s in sigs}
    out = []
    for el in root.iter(*tags):
        if not el.get("class") or id(el) in taken or id(el) in around or signature(el) not in sigs:
            continue
        if any(id(a) in taken or any(a is o for o in out) for a in el.iterancestors()):
            continue
        if len(element_text(el)) >= 40:
            out.append(el)
    return out


def alike_named(found: list, signature, keyword, root) -> list:
    """The cards drawn exactly like two or more of the cards found by their names alone (quote
    blocks of one site builder, alike in tag and classes, `keyword` naming them) elsewhere on the
    page, each with some text: the same kind of quote, set apart in another column (a hero's
    quote beside a section of two). [] when `found` is empty."""
    if not found:
        return []
    return alike_cards(found, signature, lambda s: bool(keyword.search(s.partition(".")[2])), root)
