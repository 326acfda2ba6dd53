"""Batch 47 of real pages (campsite review communities' home pages, 2018: a booking site's latest
reviews, rated out of 10, each under the campsite's name linked to its reviews and over a date
stamp ending in the user's handle; a German camper community's latest comments, each poster's
name opening a pop-up of profile facts with the date they joined, one comment also holding a
help dialog, the text followed by singular "Vorteil:" / "Nachteil:" sections; a US campground
community's recent reviews): the general rules they needed, each on synthetic markup (invented
names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2018, 3, 21, 12, 0, tzinfo=timezone.utc)

TEXTS = [
    "Quiet meadow by the river, clean showers and a friendly warden who showed us the best pitch.",
    "The lake view made up for the long walk to the toilet block, but bring earplugs at weekends.",
    "Small farm site with fresh eggs every morning and plenty of space for the children to play.",
]
TEXTS_DE = [
    "Ruhiger Platz am Waldrand, saubere Duschen und sehr freundliche Betreiber, gerne wieder.",
    "Schöne Lage am See, aber die Stellplätze sind eng und der Boden ist sehr steinig gewesen.",
    "Für eine Nacht auf der Durchreise völlig in Ordnung, der Bäcker kommt morgens vorbei.",
]


def _run(body: str, url: str = "https://camping.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _one(r: dict, text: str) -> dict:
    return next(x for x in r["reviews"] if (x["body"] or "").startswith(text[:30]))


# -- a date of joining is no review's date ------------------------------------------------------

def test_member_since_date_is_not_the_reviews_date():
    cards = "".join(
        f'<li class="entry"><div class="who"><a href="/u/{n}">{n}</a>'
        f'<span class="meta">Member since <b>0{i + 2}.02.2015</b></span></div>'
        f'<h4>Stay number {i + 1}</h4><blockquote>{t}</blockquote><p class="when">{18 + i}.03.2018</p></li>'
        for i, (n, t) in enumerate(zip(["fernhill", "lakeside_jo", "pitchfork9"], TEXTS)))
    r = _run(f'<div class="latest"><h3>Latest comments</h3><ul>{cards}</ul></div>')
    assert len(r["reviews"]) == 3
    for i, t in enumerate(TEXTS):
        got = _one(r, t)
        assert got["published_at"] == f"2018-03-{18 + i}"
        assert got["author"] == ["fernhill", "lakeside_jo", "pitchfork9"][i]


def test_joined_label_in_other_languages():
    from crawlers.extract.reviews_joined import joined_date
    from lxml import html as LH
    for label in ("Angemeldet seit", "Mitglied seit", "Inscrit depuis le", "Lid sinds", "Joined"):
        root = LH.fromstring(f"<p><span>{label} <strong>11.08.2017</strong></span></p>")
        assert joined_date(root.find(".//strong")), label
    root = LH.fromstring("<p><span>Reviewed <strong>11.08.2017</strong></span></p>")
    assert not joined_date(root.find(".//strong"))


# -- a person's pop-up and a help dialog are none of the review -----------------------------------

def _popup(n: str, k: int) -> str:
    # the poster's profile pop-up, named only by its id ("…_pnlUserPopup"), shown on hover
    return (f'<div id="list_ctl0{k}_userBox_pnlUserPopup" class="bx5"><h3><span class="bx51">{n}</span>'
            f'<span class="bx52">Expert: 3,{k}</span></h3><div class="bx53"><a class="bx531"><img src="/p/{k}.jpg" '
            f'alt="Large photo"></a></div><ul class="bx54"><li><a href="/u/{n}?tab=sites"><strong>{k * 7}</strong> '
            f'Bewertungen</a></li><li><a href="/u/{n}">Zum Profil</a></li></ul></div>')


def _comment(k: int, n: str, title: str, text: str, extra: str = "") -> str:
    return (f'<li class="bx601"><div class="bx jq-trigger"><a class="bx1" href="/u/{n}"><img src="/s/{k}.jpg" '
            f'alt="pic {n}"></a><a class="bx2" href="/u/{n}">{n}</a></div>{_popup(n, k)}{extra}'
            f'<p class="bx607">betreffend <a href="/site/{k}/bewertung">Campingplatz Nummer {k}</a>:</p>'
            f'<div class="rt700"><h4 class="rt70"><span>{title}</span></h4><blockquote class="ml2"><span>{text}</span>'
            f'</blockquote></div><p class="bx609">{17 + k}.03.2018</p></li>')


def test_person_popup_is_none_of_the_review():
    items = "".join(_comment(k, n, ti, t) for k, n, ti, t in zip(
        (1, 2, 3), ("waldläufer-12", "Kiki Sommer", "zeltfan-7"), ("Kurz und gut", "Enge Plätze", "Durchreise"), TEXTS_DE))
    r = _run(f'<div class="box6"><h3>Aktuelle Kommentare</h3><ul class="multi">{items}</ul></div>')
    assert len(r["reviews"]) == 3
    for k, (n, ti, t) in enumerate(zip(("waldläufer-12", "Kiki Sommer", "zeltfan-7"),
                                       ("Kurz und gut", "Enge Plätze", "Durchreise"), TEXTS_DE), 1):
        got = _one(r, t)
        assert (got["author"], got["title"], got["body"], got["published_at"]) == (n, ti, t, f"2018-03-{17 + k}")


def test_dialog_opened_from_a_link_is_none_of_the_review():
    help_box = ('<span class="bx522 md-trigger" rel="#md-score" title="What is the score?">?</span>'
                '<div id="md-score" class="bx6"><h3><a class="close-r"></a>Trust score</h3>What is the trust score?'
                '<div><p>This value helps you judge how far to trust a camper and their comments. It is worked out '
                'from many parts and always lies between nought and five.</p><p>The more photos and helpful '
                'comments a member adds, the higher it climbs over the months.</p></div></div>')
    items = _comment(1, "waldläufer-12", "Kurz und gut", TEXTS_DE[0], help_box) + "".join(
        _comment(k, n, ti, t) for k, n, ti, t in zip((2, 3), ("Kiki Sommer", "zeltfan-7"),
                                                     ("Enge Plätze", "Durchreise"), TEXTS_DE[1:]))
    r = _run(f'<div class="box6"><h3>Aktuelle Kommentare</h3><ul class="multi">{items}</ul></div>')
    got = _one(r, TEXTS_DE[0])
    assert got["title"] == "Kurz und gut"
    assert got["body"] == TEXTS_DE[0]


def test_dialog_without_a_close_control_is_kept():
    from crawlers.extract.reviews_posttypes import dialog_boxes
    from lxml import html as LH
    card = LH.fromstring('<div><a href="#more-1">more</a><div id="more-1"><p>Long text of the stay.</p></div></div>')
    assert dialog_boxes(card) == []
    card = LH.fromstring('<div><a href="#more-1">more</a><div id="more-1"><button class="btn-close"></button>'
                         '<p>Long text of the stay.</p></div></div>')
    assert [e.get("id") for e in dialog_boxes(card)] == ["more-1"]


# -- singular pro and con labels join the text ----------------------------------------------------

def test_singular_vorteil_nachteil_sections_join_the_text():
    cards = "".join(
        f'<li class="c"><a class="u" href="/u/{n}">{n}</a><h4>{ti}</h4><blockquote class="txt"><span>{t}</span></blockquote>'
        f'<div class="rt7"><div class="rt71"><h4 class="rt710"><i class="rt72"></i> Vorteil: </h4><blockquote>'
        f'<span>{pro}</span></blockquote></div><div class="rt76"><h4 class="rt760"><i class="rt77"></i> Nachteil: '
        f'</h4><blockquote><span>{con}</span></blockquote></div></div><p class="d">{17 + k}.03.2018</p></li>'
        for k, (n, ti, t, pro, con) in enumerate(zip(
            ("waldläufer-12", "Kiki Sommer", "zeltfan-7"), ("Kurz und gut", "Enge Plätze", "Durchreise"), TEXTS_DE,
            ("Ruhe", "Seeblick", "Bäcker"), ("Weg zum Bad", "Steine", "Straße")), 1))
    r = _run(f'<div class="box"><h3>Aktuelle Kommentare</h3><ul>{cards}</ul></div>')
    got = _one(r, TEXTS_DE[1])
    assert got["body"] == f"{TEXTS_DE[1]} Vorteil: Seeblick Nachteil: Steine"


# -- a title linking to the thing's reviews names the thing ---------------------------------------

def _pitch_card(k: int, place: str, text: str, stamp: str) -> str:
    href = f"/campsites/england/site-{k}/#reviews"
    return (f'<li><div class="review_wrapper"><a href="{href}" class="pu_rating" title="Rated 8/10">'
            f'<span class="rating_value">8</span></a><h4><a href="{href}">{place}</a></h4><p>{text}</p></div>'
            f'<p class="review_footer"><em class="datestamp">{stamp}</em></p></li>')


def test_title_linking_to_a_reviews_section_is_no_title():
    cards = "".join(_pitch_card(k, p, t, f"Sunday 18 March 2018 - camper_{k}")
                    for k, (p, t) in enumerate(zip(("Meadow Farm, Ashby", "Lakeside Park, Keswick",
                                                    "Old Mill Camping, Bude"), TEXTS), 1))
    r = _run(f'<div class="box"><h2>Latest reviews</h2><ul class="reviews">{cards}</ul></div>')
    assert len(r["reviews"]) == 3
    for t in TEXTS:
        got = _one(r, t)
        assert got["title"] is None
        assert got["rating"] == 4.0


def test_title_linking_to_one_review_stays():
    cards = "".join(
        f'<li><div class="review_wrapper"><span class="pu_rating" title="Rated 8/10">8</span>'
        f'<h4><a href="/campsites/site-{k}/#review-20{k}">{ti}</a></h4><p>{t}</p></div></li>'
        for k, (ti, t) in enumerate(zip(("Lovely stay", "Long walk", "Farm fresh"), TEXTS), 1))
    r = _run(f'<div class="box"><h2>Latest reviews</h2><ul class="reviews">{cards}</ul></div>')
    assert _one(r, TEXTS[1])["title"] == "Long walk"


# -- a date stamp ending in the user's handle ------------------------------------------------------

def test_date_stamp_then_handle_gives_the_name():
    cards = "".join(_pitch_card(k, p, t, f"{d} - {n}") for k, (p, t, d, n) in enumerate(zip(
        ("Meadow Farm, Ashby", "Lakeside Park, Keswick", "Old Mill Camping, Bude"), TEXTS,
        ("Sunday 18 March 2018", "17 March 2018", "Friday 16 March 2018"), ("camper_b9", "Rosa Field", "tentman")), 1))
    r = _run(f'<div class="box"><h2>Latest reviews</h2><ul class="reviews">{cards}</ul></div>')
    assert [_one(r, t)["author"] for t in TEXTS] == ["camper_b9", "Rosa Field", "tentman"]
    assert [_one(r, t)["published_at"] for t in TEXTS] == ["2018-03-18", "2018-03-17", "2018-03-16"]


def test_date_stamp_then_a_phrase_is_no_name():
    from crawlers.extract.reviews_bylines import stamp_then_name
    from crawlers.extract.reviews_authors import _AUTHOR_ATTR
    from lxml import html as LH
    el = LH.fromstring('<span class="review-date">12 May 2019 - Verified purchase</span>')
    assert stamp_then_name(el, el.text, _AUTHOR_ATTR) is None
    el = LH.fromstring('<span class="review-date">Sunday 12 May 2019 - hiker_42</span>')
    assert stamp_then_name(el, el.text, _AUTHOR_ATTR) == "hiker_42"
    el = LH.fromstring('<span class="note">Sunday 12 May 2019 - hiker_42</span>')
    assert stamp_then_name(el, el.text, _AUTHOR_ATTR) is None
