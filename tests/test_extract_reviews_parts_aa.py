"""Review extraction: the rules parts AA (Shopee Philippines, a Georgian shop, Rokomari,
Umico, Booking in Spanish, Daraz Pakistan, emoji-star testimonials), AB (Shein, Temu,
Wildberries, Uzum, an Armenian, a Swahili and an Icelandic shop), AC (Google-translated
reviews, accordions, hidden full texts, JSON-LD with local dates, Daraz Nepal, Flipkart in
Tamil, a Belarusian shop) and AD (ratings as hearts, circles, <meter>, radio inputs and star
image files; Unix times; "last week") of the corpus taught, each on a small page or a single
normaliser besides the saved pages of test_extract_reviews.py."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import _count_in
from crawlers.extract.reviews_authors import name_like
from crawlers.extract.reviews_body import VERIFIED, may_be_verified
from crawlers.extract.reviews_dates import find_date_text, parse_date
from crawlers.extract.reviews_normalize import ascii_digits, labelled_out_of, rating_from_text
from crawlers.extract.reviews_widgets import rating_of

TEXT = "A long enough review text about the earbuds, the case and the battery life, number {i}."
NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def _extract(body: str, lang: str = "en") -> dict:
    page = f'<html lang="{lang}"><body><main>{body}</main></body></html>'
    return extract_reviews(page, "https://u.example/", now=NOW)


def test_part_aa_georgian_bengali_azerbaijani_urdu_and_filipino_dates_inside_a_line():
    for line, lang, iso in [("გიორგი 12 მარტი 2024", "ka", "2024-03-12"), ("Aynur20 fevral 2024", "az", "2024-02-20"),
                            ("15 aprel 2024 tarixində", "az", "2024-04-15"), ("شائع 14 فروری 2024", "ur", "2024-02-14"),
                            ("Nai-post 5 Hunyo 2024", "tl", None),  # after NOW: no date
                            ("Nai-post 5 Marso 2024", "tl", "2024-03-05")]:
        frag = find_date_text(line)
        assert frag is not None, line
        assert parse_date(frag, lang=lang, now=NOW) == iso, line
    # Bengali digits read as figures, in a date run into a name
    assert ascii_digits("১২ মার্চ ২০২৪") == "12 মার্চ 2024"
    assert find_date_text("রাকিব হাসান১২ মার্চ ২০২৪") == "১২ মার্চ ২০২৪"
    assert parse_date("রাকিব হাসান ২৫ জানুয়ারী ২০২৪", lang="bn", now=NOW) == "2024-01-25"
    # other Indic and full-width digits too, one character for one
    assert ascii_digits("४.५ / ৫ · ４８") == "4.5 / 5 · 48"


def test_part_aa_count_words():
    for text, n in [("৫৭টি রিভিউ", 57), ("(23 მიმოხილვა)", 23), ("41 rəy", 41), ("57 ریٹنگز", 57),
                    ("1.234 comentarios", 1234), ("12 შეფასება", 12)]:
        assert _count_in(ascii_digits(text)) == n, text


def test_part_aa_verified_badges():
    for text in ("تصدیق شدہ خریداری", "დადასტურებული შენაძენი", "যাচাইকৃত ক্রেতা", "Təsdiqlənmiş alış"):
        assert may_be_verified(text) and VERIFIED.search(text), text


def test_part_aa_star_icons_marked_active_among_alike_ones():
    # Shopee: every icon is "icon-rating-solid" (a filled-looking name); the lit ones also
    # have "icon-rating-solid--active"
    def stars(n):
        return ("".join('<svg class="shopee-svg-icon icon-rating-solid--active icon-rating-solid"></svg>' for _ in range(n))
                + "".join('<svg class="shopee-svg-icon icon-rating-solid"></svg>' for _ in range(5 - n)))
    got = _extract("".join(
        f'<div class="shopee-product-rating"><a class="shopee-product-rating__author-name" href="/shop/{i}">user{i}</a>'
        f'<div class="shopee-product-rating__rating">{stars(n)}</div>'
        f'<div class="shopee-product-rating__time">2024-03-1{i} 14:22 | Variation: Black</div>'
        f'<div class="shopee-product-rating__content">{TEXT.format(i=i)}</div></div>'
        for i, n in enumerate([4, 2, 5])))["reviews"]
    assert [r["rating"] for r in got] == [4.0, 2.0, 5.0]


def test_part_aa_review_title_named_after_a_rating_inside_the_text():
    # Shopee's "rating-title" sits inside the text's element: a title, and not in the text
    got = _extract("".join(
        f'<div class="shopee-product-rating"><span class="shopee-product-rating__author-name">user{i}</span>'
        f'<div class="stars" aria-label="{n} out of 5 stars"></div>'
        f'<div class="shopee-product-rating__content"><div class="rating-title">{title}</div>{TEXT.format(i=i)}</div></div>'
        for i, (n, title) in enumerate([(5, "Sulit na sulit"), (3, "Okay naman")])))["reviews"]
    assert [(r["title"], r["body"]) for r in got] == [("Sulit na sulit", TEXT.format(i=0)),
                                                      ("Okay naman", TEXT.format(i=1))]


def test_part_aa_abbreviated_star_filter_counts_defer_to_a_printed_total():
    reviews = "".join(
        f'<div class="review"><span class="author">User {i}</span><div class="stars" aria-label="{n} out of 5 stars">'
        f'</div><p class="text">{TEXT.format(i=i)}</p></div>' for i, n in enumerate([5, 4, 5, 3]))
    reviews = f'<div class="review-list">{reviews}</div>'
    chips = ('<div class="summary"><div class="rating-score">4.8</div><div>out of 5</div>'
             '<div>5 Star (1.1k)</div><div>4 Star (96)</div><div>3 Star (21)</div><div>2 Star (5)</div>'
             '<div>1 Star (8)</div></div>')
    # the chips add up to about 1,230: the printed "1.2k Ratings" is the count
    agg = _extract(chips + reviews + '<div class="briefing"><span>1.2k Ratings</span></div>')["aggregate"]
    assert agg == {"rating": 4.8, "count": 1200}
    # a printed count far from the chips' sum is some other count
    agg = _extract(chips + reviews + '<div class="briefing"><span>35 Ratings</span></div>')["aggregate"]
    assert agg == {"rating": 4.8, "count": 1230}
    # exact chips: their sum
    exact = chips.replace("(1.1k)", "(1,104)")
    agg = _extract(exact + reviews + '<div class="briefing"><span>1.2k Ratings</span></div>')["aggregate"]
    assert agg == {"rating": 4.8, "count": 1234}


def test_part_ab_armenian_swahili_uzbek_and_icelandic_dates():
    for line, lang, iso in [("Արամ, 12 մարտի 2024", "hy", "2024-03-12"), ("16 փետրվարի 2024", "hy", "2024-02-16"),
                            ("12 Machi 2024 na Wanjiku", "sw", "2024-03-12"), ("14 Aprili 2024", "sw", "2024-04-14"),
                            ("24 aprel 2024", "uz", "2024-04-24"), ("9 sentabr 2023", "uz", "2023-09-09"),
                            ("Jón G. 30. janúar 2024", "is", "2024-01-30"), ("19. apríl 2024", "is", "2024-04-19")]:
        frag = find_date_text(line)
        assert frag is not None, line
        assert parse_date(frag, lang=lang, now=NOW) == iso, line


def test_part_ab_a_yearless_date_followed_by_a_time():
    # Wildberries prints this year's dates with a time and no year
    assert find_date_text("Ольга 12 марта, 14:22") == "12 марта"
    assert parse_date("12 марта", lang="ru", now=NOW) == "2024-03-12"
    assert parse_date("27 апреля, 21:03", lang="ru", now=NOW) == "2024-04-27"
    # a year after the comma is still a year: the dated form wins
    assert find_date_text("12 March, 2024") == "12 March, 2024"


def test_part_ab_count_words_scale_words_and_badges():
    for text, n in [("1 234 ta sharh", 1234), ("(23 կարծիք)", 23), ("23 umsagnir", 23), ("57 maoni", 57)]:
        assert _count_in(text) == n, text
    assert rating_from_text("Nyota 4 kati ya 5") == 4.0
    for text in ("Ununuzi Uliothibitishwa", "Tasdiqlangan xarid", "Staðfest kaup"):
        assert may_be_verified(text) and VERIFIED.search(text), text


def test_part_ab_a_labelled_rating_line_whatever_its_element_is_named():
    assert labelled_out_of("Einkunn: 4 af 5") and labelled_out_of("Գնահատական՝ 4/5")
    assert not labelled_out_of("Size: 4 of 5") and not labelled_out_of("Einkunn: 4 af 7")
    # Elko: the rating's element is named in Icelandic, and there is no date to go by
    got = _extract("".join(
        f'<div class="umsogn"><div class="umsogn-haus"><strong>{name}</strong></div><div class="einkunn">Einkunn: {n} af 5</div>'
        f'<p>{TEXT.format(i=i)}</p></div>' for i, (name, n) in enumerate([("Jón G.", 5), ("Guðrún", 4), ("Sigurður Á.", 2)])),
        "is")["reviews"]
    assert [(r["author"], r["rating"]) for r in got] == [("Jón G.", 5.0), ("Guðrún", 4.0), ("Sigurður Á.", 2.0)]


def test_part_ac_names_in_caseless_indic_and_georgian_scripts():
    # Devanagari and Tamil write vowels as combining signs; none of these scripts has case
    for name in ("राम श्रेष्ठ", "सीता", "கார்த்திக்", "பிரியா", "გიორგი"):
        assert name_like(name), name
    # Chinese and Thai still need a name-named element: a short phrase looks the same
    assert not name_like("很好") and not name_like("ดีมาก")
    # Daraz Nepal: the name in a bare span beside the text, the date in Devanagari digits
    got = _extract("".join(
        f'<div class="item"><div class="top"><div class="stars" aria-label="{n} out of 5 stars"></div>'
        f'<span class="title right">{d} मार्च २०२४</span></div><div class="middle"><span>{name}</span></div>'
        f'<div class="content">{TEXT.format(i=i)}</div></div>'
        for i, (name, n, d) in enumerate([("राम श्रेष्ठ", 5, "१२"), ("सीता", 3, "७")])), "ne")["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in got] == [
        ("राम श्रेष्ठ", 5.0, "2024-03-12"), ("सीता", 3.0, "2024-03-07")]


def test_part_ac_nepali_tamil_and_belarusian_dates_counts_and_labels():
    for line, lang, iso in [("७ फेब्रुअरी २०२४", "ne", "2024-02-07"), ("१६ अप्रिल २०२४", "ne", "2024-04-16"),
                            ("பிரியா மார்ச் 12, 2024", "ta", "2024-03-12"), ("ஏப்ரல் 5, 2024", "ta", "2024-04-05"),
                            ("Алесь 12 сакавіка 2024", "be", "2024-03-12"), ("22 студзеня 2024", "be", "2024-01-22")]:
        frag = find_date_text(line)
        assert frag is not None, line
        assert parse_date(frag, lang=lang, now=NOW) == iso, line
    assert _count_in("1,234 மதிப்பீடுகள் & 312 விமர்சனங்கள்") == 312  # the reviews, not the ratings
    assert _count_in("23 водгукі") == 23
    assert labelled_out_of("Ацэнка: 4 з 5")
    assert may_be_verified("சான்றளிக்கப்பட்ட வாங்குபவர்") and VERIFIED.search("சான்றளிக்கப்பட்ட வாங்குபவர்")


def _cards(widgets: list[str], extra: str = "") -> list[dict]:
    return _extract('<div class="list">' + "".join(
        f'<div class="card"><span class="name">Reviewer {"ABC"[i]}</span>{w}{extra}<p class="text">{TEXT.format(i=i)}</p></div>'
        for i, w in enumerate(widgets)) + "</div>")["reviews"]


def test_part_ad_ratings_drawn_as_hearts_circles_meters_radios_and_image_files():
    got = _cards(['<div class="hearts">♥♥♥♥♡</div>', '<div class="x">♥♥♡♡♡</div>', '<div>●●●●●</div>'])
    assert [r["rating"] for r in got] == [4.0, 2.0, 5.0]
    got = _cards([f'<meter max="5" value="{n}"></meter>' for n in (5, 2, 4)])
    assert [r["rating"] for r in got] == [5.0, 2.0, 4.0]
    assert rating_of(lxml.html.fromstring('<meter max="100" value="80"></meter>')) is None  # a histogram's bar

    def radios(n):
        return "".join(f'<input type="radio" value="{v}" disabled{" checked" if v == n else ""}><label>★</label>'
                       for v in range(1, 6))
    got = _cards([f'<div class="star-input">{radios(n)}</div>' for n in (4, 5, 1)])
    assert [r["rating"] for r in got] == [4.0, 5.0, 1.0]
    got = _cards([f'<img src="/static/img/{f}.png">' for f in ("stars_4_half", "stars_3", "rating-45")])
    assert [r["rating"] for r in got] == [4.5, 3.0, 4.5]
    assert rating_of(lxml.html.fromstring('<img src="/icons/star-1.png">')) is None  # one icon, not "1 star"


def test_part_ad_a_verified_badge_that_is_only_a_tooltip():
    got = _cards(['<div class="stars" aria-label="5 out of 5 stars"></div>'] * 2,
                 '<span class="badge" title="Verified buyer"><svg viewBox="0 0 9 9"></svg></span>')
    assert [r["verified"] for r in got] == [True, True]


def test_part_ad_a_unix_time_behind_a_relative_date_and_last_week():
    stamp = 1710253320  # 2024-03-12T14:22:00Z
    got = _cards(['<div class="stars" aria-label="4 out of 5 stars"></div>'] * 2,
                 f'<div class="foot"><span class="t" data-timestamp="{stamp}">a month ago</span></div>')
    assert [r["published_at"] for r in got] == ["2024-03-12", "2024-03-12"]
    assert find_date_text("Priya R. · Reviewed last week") == "last week"
    assert parse_date("last week", now=NOW) == "2024-04-24"


def test_part_ad_a_bold_title_and_a_line_break_before_the_text():
    got = _extract('<div class="list">' + "".join(
        f'<div class="biz-review"><a href="/user/{i}">Reviewer {i}</a><div class="stars" aria-label="4 out of 5 stars"></div>'
        f'<p class="review-text"><b>Title {i}</b><br>{TEXT.format(i=i)}</p></div>' for i in range(2)) + "</div>")["reviews"]
    assert [(r["title"], r["body"]) for r in got] == [("Title 0", TEXT.format(i=0)), ("Title 1", TEXT.format(i=1))]
