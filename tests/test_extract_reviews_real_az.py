"""Batch 57 of real pages (big marketplaces, a second pass: an electronics retailer's product tabs
of 2010, an Amazon.com product-reviews page of 2024, one Amazon.in review card of 2021, an
AliExpress feedback page of 2021): the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://shop.example/item/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Item</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


TEXTS = ["Light, sturdy and the battery lasts the whole weekend without a charge.",
         "The lens cap keeps falling off, otherwise a decent little camera for trips.",
         "Bright screen and quick focus; the menus took me an evening to learn.",
         "Survived a fall onto stones at the beach with only a scratch on the corner."]


def _egg_review(title: str, name: str, date: str, stars: int, text: str) -> str:
    eggs = '<img src="/gold.gif" alt="" title="">' * (stars - 1) + '<img src="/white.gif" alt="" title="">' * (5 - stars)
    return (f'<div class="singleBox"><h3>{title}</h3><dl class="reviewHeader">'
            f'<dd class="fll"><img src="/write.gif" alt="white"> Reviewed By: {name} on  {date}</dd>'
            f'<dd class="flr"><img src="/gold.gif" alt="Rating + {stars}" title="Rating + {stars}">{eggs}</dd></dl>'
            f'<dl class="reviewBody clb"><dd>{text}</dd></dl></div>')


def test_a_by_line_opened_by_its_by_word_gives_a_lower_case_handle_as_the_name():
    """"Reviewed By: NAME on  DATE" in the text after an icon: whatever stands between the by-word
    and the date is the reviewer's name as the site prints it, a user's handle in lower case or with
    figures ("qu4rtz7", "ny blue") too, not only a capitalised name; an empty place names nobody."""
    body = "".join([_egg_review("Great trip camera", "qu4rtz7", "6/3/2009", 5, TEXTS[0]),
                    _egg_review("Cap trouble", "ny blue", "10/23/2009", 4, TEXTS[1]),
                    _egg_review("Worth it", "", "11/10/2009", 5, TEXTS[2]),
                    _egg_review("Tough little thing", "Orla Finch", "5/5/2010", 3, TEXTS[3])])
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"][:10]) for r in reviews] == [
        ("qu4rtz7", 5.0, "2009-06-03"), ("ny blue", 4.0, "2009-10-23"), (None, 5.0, "2009-11-10"),
        ("Orla Finch", 3.0, "2010-05-05")]


def _feedback_item(name: str, width: int, text: str, time: str, extra: str = "") -> str:
    return (f'<div class="feedback-item clearfix"><div class="fb-user-info"><span class="user-name"><a href="/b">{name}</a>'
            f'</span><div class="user-country"><b class="css_flag css_nl">NL</b></div></div>'
            f'<div class="fb-main"><div class="f-rate-info"><span class="star-view"><span style="width:{width}%"></span>'
            f'</span></div><div class="f-content"><dl class="buyer-review"><dt class="buyer-feedback"><span>{text}</span>'
            f'<span class="r-time-new">{time}</span></dt>'
            f'<div class="j-digg-info-new util-right"><span class="thf-digg-text">Helpful?</span>'
            f'<span class="thf-digg-useful thf-digg-btn-new"><span>Yes</span>(<span class="thf-digg-num"> 2 </span>)</span>'
            f'<span class="thf-digg-useless thf-digg-btn-new"><span>No</span>(<span class="thf-digg-num"> 1 </span>)</span>'
            f'</div></dl>{extra}</div></div></div>')


def test_the_no_button_of_a_vote_pair_is_no_part_of_the_text():
    """A vote box under the text ("Helpful? Yes (2) No (1)") whose buttons are named "useful" and
    "useless" inside a "digg" box: neither button's words are part of the review's text."""
    body = '<div class="feedback-list-wrap">' + "".join([
        _feedback_item("K***a", 100, TEXTS[0], "05 Jul 2021 23:56"),
        _feedback_item("P***o", 80, TEXTS[1], "09 Aug 2021 21:37")]) + "</div>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [
        ("K***a", 5.0, TEXTS[0]), ("P***o", 4.0, TEXTS[1])]


def test_a_labelled_addendum_is_neither_the_title_nor_part_of_the_text():
    """A later addendum by the reviewer under its own label ("Additional Feedback", with its own
    text and time) after the review's text: the label is no title, and the addendum is no part of
    the review's text (the review is what was written first)."""
    extra = ('<div class="f-additional-title">Additional Feedback </div><dl class="buyer-additional-review">'
             '<dt class="buyer-addition-feedback">Still no parcel after six weeks, asking for a refund.'
             '<span class="r-time">20 Aug 2021 10:02</span></dt></dl>')
    body = '<div class="feedback-list-wrap">' + "".join([
        _feedback_item("K***a", 100, TEXTS[2], "05 Jul 2021 23:56"),
        _feedback_item("P***o", 60, TEXTS[3], "09 Aug 2021 21:37", extra)]) + "</div>"
    reviews = _run(body)["reviews"]
    assert [(r["title"], r["rating"], r["body"]) for r in reviews] == [
        (None, 5.0, TEXTS[2]), (None, 3.0, TEXTS[3])]
