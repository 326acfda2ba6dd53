"""Batch 46 of real pages (wedding-vendor, beauty-booking and B2B agency-directory review sites:
home pages of 2018 with their latest reviews or their customers' quotes): stars drawn one by one,
each its own stack of an empty star under a fill ("width:100%" on each lit one), beside the card's
breakdown rows; "Reviewed 5 hours ago by <a>NAME</a>"; a reviewer's "1 review" total; a review box
named only for the review around a headline, a "Role:" line and the text; "1 day, 5 hours ago";
sponsors' cards each printing their own average; and, for pages of earlier batches the same rules
met (a sprite class for the rating, a "review-product-text" box, a tradesman's "100% positive",
"Received <date>"), and a badge quoting another site's score: the general rules they needed, each
on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import parse_date

NOW = datetime(2018, 3, 20, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://dir.example/") -> dict:
    html = f"<html lang='en'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- stars drawn one by one, each an empty star under its own fill ---------------------------------

def _stars(lit: int) -> str:
    return "".join('<span class="pip-star"><span class="pip-empty"></span>'
                   + ('<span class="pip-fill" style="width:100%"></span>' if i < lit else "") + "</span>"
                   for i in range(5))


def _unit_card(cid, headline, lit, ago, name, text, role=None, rows=(5, 5, 5, 5)):
    role_line = f'<div class="small greytext">Role: {role}</div>' if role else ""
    breakdown = "".join(f'<div>{_stars(v)}<span class="lbl">{lab}</span></div>'
                        for v, lab in zip(rows, ("Quality", "Schedule", "Cost", "Overall")))
    return (f'<div class="boxy framed reviewitem"><div class="pad"><div class="reviewer-image"><a href="/firm/{cid}" title="{name}">'
            f'<img src="/a/{cid}.png" alt="{name}"></a><div class="reviewer-info"><div class="verified-reviewer">Verified Reviewer</div>'
            f'<div class="total-review-by-reviewer">1 review</div><div class="joined-reviewer">JoinedFeb 2018</div></div></div><div class="reviewer-review-detail"><div><a class="big" href="/firm/{cid}">{headline}</a></div>'
            f'<div class="small reviewer-overall">{_stars(lit)} <span class="pl">Reviewed {ago} ago by </span>'
            f'<a rel="nofollow" href="https://social.example/in/{cid}">{name}</a></div>{role_line}'
            f'<div class="greytext pt15">{text}</div><div class="bold pt10">Rating breakdown</div>'
            f'<div class="small">{breakdown}</div><div class="firm-info"><a href="/firm/{cid}">Firm {cid}</a></div></div></div></div>')


UNIT_CARDS = ('<div class="col-left">'
              + _unit_card(1, "Solid partner for our shop", 4, "3 hours, 10 minutes", "Olga Brisk",
                           "They rebuilt our checkout in six weeks and kept every deadline we set together with them ...",
                           role="Head of Sales at Tinware Ltd", rows=(4, 5, 5, 4))
              + _unit_card(2, "Quick and careful", 5, "1 day, 5 hours", "Piet Kranz",
                           "Our booking app went live on time and the team answered questions within the hour, every time.")
              + '</div>')


def test_one_fill_per_star_sums_the_fills():
    reviews = _run(UNIT_CARDS)["reviews"]
    assert [r["rating"] for r in reviews] == [4.0, 5.0]  # (each fill alone read "width:100%" as five stars)


def test_breakdown_rows_stay_inside_their_card():
    reviews = _run(UNIT_CARDS)["reviews"]
    assert len(reviews) == 2
    assert reviews[1]["body"].startswith("Our booking app went live")


def test_name_after_a_dated_by_line():
    reviews = _run(UNIT_CARDS)["reviews"]
    assert [r["author"] for r in reviews] == ["Olga Brisk", "Piet Kranz"]  # (not the headline, not "1 review")


def test_dated_by_line_before_a_verb_reading():
    cards = "".join(f'<div class="entry"><div><a class="big" href="/firm/{i}">{h}</a></div><div class="row">{_stars(s)} '
                    f'<span>Reviewed {a} ago by </span><a rel="nofollow" href="https://social.example/in/{i}">{n}</a></div>'
                    f'<div class="txt">{t}</div></div>'
                    for i, h, s, a, n, t in (
                        (1, "Good value overall", 4, "2 days", "Mara Lind",
                         "Delivered the shop redesign a week early and fixed two bugs we had not even reported."),
                        (2, "Clear communication", 5, "3 days", "Joss Ferrer",
                         "Weekly calls, honest estimates and a launch without any downtime for our customers.")))
    reviews = _run('<div class="list">' + cards + '</div>')["reviews"]
    assert [r["author"] for r in reviews] == ["Mara Lind", "Joss Ferrer"]  # (not the headline read as "NAME reviewed …")


def test_review_named_box_goes_down_to_its_text():
    reviews = _run(UNIT_CARDS)["reviews"]
    assert reviews[0]["body"].startswith("They rebuilt our checkout")  # (not the headline and the "Role:" line)


def test_two_units_ago():
    assert parse_date("Reviewed 1 day, 5 hours ago by", now=NOW) == "2018-03-19"
    assert _run(UNIT_CARDS)["reviews"][1]["published_at"] == "2018-03-19"


# -- sponsors' cards each with their own average --------------------------------------------------

def _sponsor(cid, name, avg, n):
    return (f'<div class="slide"><div class="logo"><a href="/firm/{cid}" title="{name}"><img src="/l/{cid}.png" alt="{name}"></a></div>'
            f'<div class="firm-info"><div><a class="big" href="/firm/{cid}" title="{name}">{name}</a></div>'
            f'<div class="firm-stars"><div class="block"><a class="overflow" href="/firm/{cid}">{_stars(5)}'
            f'<span class="small">{avg}/5 ({n} Reviews)</span></a></div></div></div></div>')


def test_items_own_averages_are_no_page_summary():
    page = UNIT_CARDS + ('<div class="col-right"><div class="box"><div class="head">Sponsors</div><div class="items">'
                         + _sponsor(7, "Alpha Forge", "4.97", 31) + _sponsor(8, "Beta Mill", "4.91", 12)
                         + _sponsor(9, "Gamma Yard", "4.85", 5) + '</div></div></div>')
    assert _run(page)["aggregate"] is None  # (the sponsors' box text read "4.97/5 (31 Reviews)" as the page's)


# -- a rating drawn from a sprite class, in boxes named for reviews --------------------------------

def _sprite_review(cls, product, text):
    return (f'<div class="review-wrapper"><div class="review-product-pic"><a href="/p/{product}"><img src="/i.png" alt=""></a></div>'
            f'<div class="review-product-text"><div class="review-product-title"><span class="{cls}"></span><h5><a href="/p/{product}">'
            f'{product}</a></h5></div><p>{text}</p></div></div>')


SPRITES = ('<div class="newest"><h3>Latest Reviews</h3>'
           + _sprite_review("k-3-0", "Cloud Balm", "Sinks in fast but the scent fades within the hour and I had to reapply ")
           + _sprite_review("k-1-0", "Night Gel", "Broke me out on the second day, I gave it a week and stopped using it ")
           + _sprite_review("k-4-5", "Lash Ink", "Holds all day without flaking, though it takes two passes to remove ")
           + '</div>')


def test_sprite_class_rating():
    reviews = _run(SPRITES)["reviews"]
    assert [r["rating"] for r in reviews] == [3.0, 1.0, 4.5]


def test_review_product_text_is_the_text():
    reviews = _run(SPRITES)["reviews"]
    assert reviews[0]["body"].startswith("Sinks in fast")  # (not skipped as the product's name)


def test_sprite_shape_needs_a_review_box():
    page = ('<div class="gallery">' + "".join(f'<div class="tile"><span class="k-{v}-0"></span><p>Tile caption number {v} here</p></div>'
                                              for v in (1, 2, 3)) + '</div>')
    assert all(r["rating"] is None for r in _run(page)["reviews"])


# -- a feedback feed: the tradesman named beside his share of positive feedback --------------------

def _feedback(slug, trade, n, pct, text, iso, shown):
    return (f'<li data-jslink="/profile/{slug}" class="jslink feedback-card feedback-card--positive"><div class="feedback-card__header">'
            f'<h3 class="feedback-card__username">{trade}</h3><p><span class="feedback-card__jobs">{n}&nbsp;feedback,</span>'
            f'<span class="feedback-card__share">{pct}%&nbsp;positive</span></p></div><div class="feedback-card__rating">Received positive feedback</div>'
            f'<p class="feedback-card__body"><span class="feedback-card__comment">{text}</span><span class="feedback-card__posted">Received '
            f'<span class="feedback-card__time timeago" title="{iso}">{shown}</span></span></p></li>')


FEEDBACK = ('<section class="feed"><ul class="feed-list">'
            + _feedback("tiler7", "Harbour Tiling Co", 41, 100, "Neat grout lines and the bathroom was spotless when they left.",
                        "2018-03-18T17:30:27+00:00", "March 18, 2018 17:30")
            + _feedback("sparks", "Bright Sparks", 12, 96, "Fixed the fuse box in an afternoon and explained every step.",
                        "2018-03-18T16:05:00+00:00", "March 18, 2018 16:05")
            + '</ul></section>')


def test_trader_beside_positive_share_is_no_author():
    reviews = _run(FEEDBACK)["reviews"]
    assert len(reviews) == 2
    assert [r["author"] for r in reviews] == [None, None]
    assert [r["title"] for r in reviews] == [None, None]  # (nor the title: the party rated)


def test_posting_verb_before_the_date_is_no_name():
    reviews = _run(FEEDBACK)["reviews"]
    assert reviews[0]["published_at"] == "2018-03-18"
    assert "Received" not in [r["author"] for r in reviews]


# -- a badge quoting another site's score beside the customers' quotes ----------------------------

def test_badge_of_another_site_is_no_review():
    slides = "".join(f"<div class='slider__item'><p class='quotes-box__quote'>“{q}”</p><p><strong>{n},</strong> {b}</p></div>"
                     for q, n, b in (("The calendar finally fits how our two chairs work, and clients book at night.", "Ria Holm", "Holm Hair"),
                                     ("Reminders cut our no-shows in half within the first month of using it.", "Tom Vey", "Vey Barbers"),
                                     ("Setting up the price list took ten minutes and the staff learnt it in a day.", "Ana Pol", "Pol Spa")))
    page = ("<section class='quotes'><div class='quotes-box'><div class='quotes-box__left'><img src='/badge.png' alt='badge'>"
            "<div class='quotes-box__score'>" + "<i class='icon-star'></i>" * 5 + "<p>5/5 ON SOFTLIST</p></div></div>"
            "<div class='quotes-box__right'><div class='slider'>" + slides + "</div></div></div></section>")
    reviews = _run(page)["reviews"]
    assert len(reviews) == 3
    assert all(r["rating"] is None for r in reviews)  # (the badge's five stars made the whole box one rated review)
