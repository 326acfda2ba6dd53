"""Batch 37 of real pages (community ratings of drinks, perfume, beauty and food products: home
pages' latest-review lists of 2018): the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2018, 3, 20, 12, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://community.example/", lang: str = "en") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- "star0 sa8": a base star class lighting none, its pair counting half stars -----------------

def _paired(n: int, user: str, text: str) -> str:
    return (f"<a href='/item/{n}.html' class='imgborder'><img src='/pics/{n}.jpg'></a><div class='comment'>"
            f"<div class='author'><a href='/member/?id={n}'>{user}</a> | <span class='star0 sa{n}'></span></div>"
            f"<div class='desc'>{text}</div></div><div class='separator'></div>")


def test_zero_star_class_paired_with_half_star_count():
    body = ("<div class='index_comment'><h1>Picked reviews</h1>"
            + _paired(8, "plumfinch", "A soft powdery opening that turns woody after an hour, lasting well into the evening.")
            + _paired(10, "quietwren", "Bright citrus first, then a calm musk base; the best thing I tried this winter by far.")
            + _paired(6, "mossmoth", "Pleasant but thin; it fades within two hours and leaves only a faint sweet trace.")
            + "</div>")
    got = {r["author"]: r["rating"] for r in _run(body)["reviews"]}
    assert got == {"plumfinch": 4.0, "quietwren": 5.0, "mossmoth": 3.0}


def test_paired_count_in_whole_stars_when_no_class_goes_above_five():
    body = ("<div class='index_comment'>"
            + _paired(4, "plumfinch", "A soft powdery opening that turns woody after an hour, lasting well into the evening.")
            + _paired(2, "quietwren", "Bright citrus first, then a calm musk base; it did not suit me at all in the end.")
            + "</div>")
    got = {r["author"]: r["rating"] for r in _run(body)["reviews"]}
    assert got == {"plumfinch": 4.0, "quietwren": 2.0}


# -- a layout box's body and a by-line class are no text names --------------------------------

def _media(n: int, title: str, venue: str, mins: int, text: str) -> str:
    return (f"<div class='panel'><article class='media media--small'><div class='media__left'>"
            f"<a href='/reviews/place-{n}#{n}'><img src='/avatars/{n}.png' alt='img'></a></div>"
            f"<div class='media__body'><h5 class='media__title'><a href='/reviews/place-{n}#{n}'>{title}</a></h5>"
            f"<span class='media__text--small'>{venue}</span><span class='media__text--small'>- {mins} mins ago</span>"
            f"<p class='media__desc ellipsis'>{text}</p></div></article></div>")


def test_layout_body_and_byline_class_are_no_text():
    body = ("<section class='latest-reviews'><h4>Newest reviews</h4>"
            + _media(1, "Worth the detour", "Green Bowl Kitchen in Lakeside", 5, "Generous plates and a kind owner who chatted with us")
            + _media(2, "Nice lunch stop", "Sprout Corner Cafe in Hillbrook", 9, "Fresh soup, fair prices and quick friendly service")
            + _media(3, "Cosy and calm", "The Lentil House in Old Mill", 14, "Quiet room and good tea, we will surely return soon")
            + "</section>")
    got = [(r["title"], r["body"], r["published_at"]) for r in _run(body)["reviews"]]
    assert got == [("Worth the detour", "Generous plates and a kind owner who chatted with us", "2018-03-20"),
                   ("Nice lunch stop", "Fresh soup, fair prices and quick friendly service", "2018-03-20"),
                   ("Cosy and calm", "Quiet room and good tea, we will surely return soon", "2018-03-20")]


# -- a tasting-note feed: the thing's name link, a name opening the line, a script-filled date,
# -- a "Read Full Note" link classed as the cut, an unrated note among rated ones --------------

def _note(n: int, user: str, score, ts: str, text: str) -> str:
    rating = f"<div class='rating awesome'>\n{score}\n</div>" if score is not None else ""
    return (f"<div id='note_{n}' class='note'><div class='box'><div class='user'>"
            f"<a href='/teas/leafworks'><img src='/logos/{n}.png'></a>{rating}</div>"
            f"<div class='timestamp'><a href='/{user}/posts/{n}'><abbr class='timeago' title='{ts}'></abbr></a></div>"
            f"<div class='note-header'><div class='user-meta'><a href='/{user}'>{user}</a> <em>drank</em> "
            f"<a href='/teas/leafworks/{n}-morning-blend' class='tea-name'>Morning Blend Number {n} Organic Green Tea of the Spring "
            f"Harvest <em>by Leafworks Trading</em></a>"
            f"</div></div><div class='content'><div class='text'>{text} <a class=\"ellipsis\" href=\"/{user}/posts/{n}\">"
            f"Read Full Note</a></div></div></div></div>")


def _notes() -> dict:
    body = ("<div id='carousel' class='notes'><h2>Featured Tasting Notes</h2><div class='inner'>"
            + _note(11, "kettlefox", 91, "2018-03-13T20:00:16Z", "A toasty cup with a honeyed finish; the second steep was even better than the first one")
            + _note(12, "stillpond", None, "2018-02-26T13:28:55Z", "Not my kind of tea at all, though friends at the office liked it a lot more than I did")
            + _note(13, "kettlefox", 85, "2018-02-23T12:00:23Z", "Lovely as a latte with a little honey; sweet, round and warming on a cold evening")
            + "</div></div>")
    return {r["author"] + r["published_at"]: r for r in _run(body)["reviews"]}


def test_tasting_notes_author_date_and_cut_link():
    got = _notes()
    first = got["kettlefox2018-03-13"]
    assert first["rating"] == 4.55 and first["body"].endswith("better than the first one")
    assert got["kettlefox2018-02-23"]["rating"] == 4.25


def test_unrated_note_dated_only_by_its_script_title():
    got = _notes()
    assert "stillpond2018-02-26" in got and got["stillpond2018-02-26"]["rating"] is None


# -- statements: the member's page link is the author, not the perfume's picture and name;
# -- a "+2" beside the text is its likes ------------------------------------------------------

def _statement(n: int, name: str, user: str, text: str, likes: int | None) -> str:
    cnt = f"<span class='quote_cnt fr'>+{likes}</span>" if likes else ""
    return (f"<div class='quote_hp'><div id='quote_{n}'></div><div class='quote-top'>"
            f"<a href='https://scents.example/Parfums/House/{n}' class='grey'><img src='/p/{n}.jpg' alt='{name}' class='quote_image'> "
            f"<span class='bold'>{name}</span> - House</a> &nbsp;<span class='nowrap'>"
            f"<a href='https://scents.example/Benutzer/{user}/Statements'>{user}</a> vor {n} Minuten</span></div>"
            f"<div class='quote_text quote-bubble'><div class='quote_text_text'><a href='https://scents.example/Parfums/House/{n}#quote_{n}'>"
            f"{text}</a>{cnt}</div><div class='quote_userrating_holder'></div></div></div>")


def test_statement_author_is_the_member_link_and_likes_no_text():
    body = ("<h2>Neue Statements</h2><div id='hp_quotes'>"
            + _statement(10, "Abendwind", "Duftfalter", "Warm und rund, erinnert an frisch gebackenes Brot mit Honig.", 2)
            + _statement(20, "Morgentau", "Nasenweise", "Kühl und grün, ideal für heiße Sommertage im Büro und draußen.", None)
            + _statement(30, "Sandglas", "Flakonfee", "Trocken holzig, etwas bitter im Nachgang, aber mit viel Charakter.", 4)
            + "</div>")
    got = [(r["author"], r["body"]) for r in _run(body, "https://scents.example/", "de")["reviews"]]
    assert got == [("Duftfalter", "Warm und rund, erinnert an frisch gebackenes Brot mit Honig."),
                   ("Nasenweise", "Kühl und grün, ideal für heiße Sommertage im Büro und draußen."),
                   ("Flakonfee", "Trocken holzig, etwas bitter im Nachgang, aber mit viel Charakter.")]


# -- a column headed "Latest Reviews": its list items are the reviews (no stars, no dates) -------

def _teaser(n: int, item: str, user: str, text: str) -> str:
    return (f"<li><a href='ID{n}.html#review-{n}'><img src='/avatars/{n}.gif'><h3><a href='ID{n}.html#review-{n}'>{item}</a></h3>"
            f"by <a href='members/{n}'>{user}</a><p>{text}...<a href='ID{n}.html#review-{n}'>More</a></p></li>")


def test_list_under_latest_reviews_heading():
    body = ("<div class='frontdiv25'><h2>Latest Reviews</h2><ul class='frontlist'>"
            + _teaser(1, "Cedar Rain by Hollow Oak", "ambergale", "Damp wood and a little smoke at first, drying down to a soft and clean musk that stays close")
            + _teaser(2, "Pear Frost by Hollow Oak", "ambergale", "Crisp fruit with something cool under it, fading quickly into a faint and powdery sweetness")
            + "</ul><div class='showmorearrow'><a href='/reviews/'>Go to Reviews</a></div></div>"
            + "<div class='frontdiv25'><h2>Latest Podcasts</h2><ul><li><a href='/p/1'><h3>Episode one: a talk about making scents at home</h3></a></li>"
            + "<li><a href='/p/2'><h3>Episode two: the history of the oldest houses in the trade</h3></a></li></ul></div>")
    got = [(r["author"], r["rating"], r["body"][:20]) for r in _run(body)["reviews"]]
    assert got == [("ambergale", None, "Damp wood and a litt"), ("ambergale", None, "Crisp fruit with som")]
