"""Batch 54 of real pages (recipe blogs' comment threads from India and Malaysia, Indian and
Indonesian finance marketplaces' testimonials): the general rules they needed, on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_widgets import rating_of

NOW = datetime(2022, 9, 1, tzinfo=timezone.utc)


def _testimony(text: str, name: str, age: int, job: str) -> str:
    return (f'<div class="ui-testimony"><div class="testimony-text">{text}</div>'
            f'<div class="testimony-profile"><img src="/p.png" alt="{name} profile picture"/>'
            f'<div class="profile-info"><span class="info-name">{name}</span>, <span class="info-age">{age}</span><br/>'
            f'<span class="info-job">{job}</span></div></div></div>')


def test_cards_named_testimony_are_reviews():
    # "testimony" (and Indonesian/Malay "testimoni", Spanish "testimonio") names a customer's quote
    # as "testimonial" does
    html = ('<html><body><div class="testimony-box"><h2>What they say</h2><div class="testimony-list">'
            + _testimony("Pengajuan kartu saya disetujui dalam dua hari, prosesnya jelas sekali.", "Budi Santoso", 31, "Guru")
            + _testimony("Saya membandingkan tiga pinjaman sekaligus dan memilih bunga yang paling rendah.", "Rina", 27, "Desainer")
            + _testimony("Layanan pelanggannya sabar menjawab semua pertanyaan saya tentang asuransi.", "Joko P.", 45, "Pedagang")
            + '</div></div></body></html>')
    got = extract_reviews(html, "https://fin.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Budi Santoso", "Rina", "Joko P."]
    assert got[1]["body"].startswith("Saya membandingkan tiga pinjaman")
    assert all(r["rating"] is None for r in got)


def _form_stars(checked_zero: bool = True) -> str:
    rows = []
    for k in range(6):
        label = "Don&#039;t rate this recipe" if k == 0 else f"Rate this recipe {k} out of 5 stars"
        chk = ' checked="checked"' if k == 0 and checked_zero else ""
        rows.append(f'<input aria-label="{label}" name="comment-rating" value="{k}" type="radio"{chk}>'
                    f'<span aria-hidden="true"><svg viewBox="0 0 160 32"><use href="#star-{k}"/></svg></span>')
    return ('<div id="respond"><h3>Leave a reply</h3><form action="/post-comment" method="post"><div class="comment-form-rating">'
            '<label>Recipe Rating</label><span class="rating-stars"><fieldset class="comment-ratings-container">'
            '<legend>Recipe Rating</legend>' + "<br>".join(rows) + '</fieldset></span></div>'
            '<p><label>Comment</label><textarea name="comment"></textarea></p>'
            '<p><input type="submit" value="Post Comment"/></p></form></div>')


def _comment(cid: int, cls: str, name: str, date: str, text: str) -> str:
    return (f'<li class="comment {cls} depth-1" id="li-comment-{cid}"><article id="comment-{cid}" class="comment-body">'
            f'<div class="comment_avatar"><img alt="{name}" src="/a.png"/></div><div class="comment_postinfo">'
            f'<span class="fn">{name}</span> <span class="comment_date">on {date} at 7:15 am</span></div>'
            f'<div class="comment_area"><div class="comment-content"><p>{text}</p><span class="reply-container">'
            f'<a class="comment-reply-link" href="#comment-{cid}">Reply</a></span></div></div></article></li>')


def _comments_page(form: str) -> str:
    return ('<html><body><article class="post"><h1>Steamed pandan cake</h1><p>Our recipe for a soft steamed cake.</p>'
            '<section id="comment-wrap"><h2 class="page_title">2 Comments</h2><ol class="commentlist">'
            + _comment(11, "even thread-even", "Mei Ling Tan", "March 3, 2022", "Baked it twice already, the texture stays soft for two days.")
            + _comment(12, "odd alt thread-odd thread-alt", "Hafiz", "March 9, 2022", "Lovely colour, I used fresh pandan juice instead of paste.")
            + '</ol>' + form + '</section></article></body></html>')


def test_a_comment_forms_rating_field_left_at_dont_rate_is_no_rating():
    # the form's stars with "don't rate" (0) checked were read as a 0-star review holding the whole
    # comment section; the two dated comments are the reviews
    got = extract_reviews(_comments_page(_form_stars()), "https://recipes.example/cake/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Mei Ling Tan", "Hafiz"]
    assert [r["published_at"] for r in got] == ["2022-03-03", "2022-03-09"]
    assert all(r["rating"] is None for r in got)


def test_a_forms_radio_choices_are_no_ratings():
    # each clickable choice says "Rate this recipe N out of 5 stars": an invitation, no score
    from lxml import html as lh
    frag = lh.fragment_fromstring('<input aria-label="Rate this recipe 4 out of 5 stars" name="r" value="4" type="radio">')
    assert rating_of(frag) is None
    shown = lh.fragment_fromstring('<input aria-label="Rated 4 out of 5 stars" name="r" value="4" type="radio" disabled>')
    assert rating_of(shown) == 4.0  # a disabled one is a server-drawn widget showing its value
    got = extract_reviews(_comments_page(_form_stars(checked_zero=False)), "https://recipes.example/cake/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Mei Ling Tan", "Hafiz"]
    assert all(r["rating"] is None for r in got)


def _user_rating(average: int, count: int) -> str:
    star = ('<span class="rating-star rating-star-{n} rating-star-{state}" data-rating="{n}" role="button" '
            'aria-label="Rate this recipe {n} out of 5 stars"><svg viewBox="0 0 24 24"><g><polygon fill="none" '
            'stroke="#c95656" points="12,2.6 15,9 21.4,9 16.7,13.9 18.6,21.4 12,17.6 5.4,21.4 7.3,13.9 2.6,9 9,9"/></g></svg></span>')
    return (f'<div id="recipe-user-rating-1" class="recipe-rating user-rating user-rating-not-voted" data-recipe="7" '
            f'data-average="{average}" data-count="{count}" data-total="{average * count}">'
            + "".join(star.format(n=n, state="full" if n <= average else "empty") for n in range(1, 6)) + '</div>')


def test_outline_stars_classed_full_and_the_widgets_count_attribute_give_the_recipes_score():
    # outline icons (fill="none", the CSS fills them) classed "…-full" or "…-empty": four stars; the
    # widget's data-count is how many rated
    html = ('<html><body><article class="post"><div class="recipe-card"><h2>Kuih bahulu</h2>'
            + _user_rating(4, 12) + '<p>Prep 20 mins</p></div>'
            '<section id="comment-wrap"><h2>2 Comments</h2><ol class="commentlist">'
            + _comment(21, "even thread-even", "Siti Aminah", "May 2, 2022", "Came out fluffy and light, my kids finished the whole batch.")
            + _comment(22, "odd alt thread-odd thread-alt", "Daniel K.", "May 5, 2022", "Needed a few more minutes in my small oven but tasted great.")
            + '</ol></section></article></body></html>')
    result = extract_reviews(html, "https://recipes.example/bahulu/", now=NOW)
    assert [r["author"] for r in result["reviews"]] == ["Siti Aminah", "Daniel K."]
    assert result["aggregate"] == {"rating": 4.0, "count": 12}
