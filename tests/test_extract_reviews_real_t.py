"""Batch 25 of real pages (older and community review sites: a product-review community's home
teasers, a consumer-review community, a beer check-in feed, a music rating site, three Dutch
restaurant guides of 2012-2013, a book shop's review list of 2010): the general rules they
needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date
from crawlers.extract.reviews_normalize import scale_rating

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://reviews.example/item/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


PROS = ["Light, quiet and quick to set up for a small room", "Sharp picture and a sturdy stand",
        "Cheap to run, easy to clean, no smell at all"]
CONS = ["The cord is short", "Menus are slow to open", "The lid rattles when it is full"]


def _teaser(user: str, date: str, stars: int, pros: str, cons: str) -> str:
    row = ('<div class="ui-grid-solo"><div class="ui-block-a"><span class="readProsRow"><strong>{}:&nbsp;</strong>'
           '<span style="font-weight:normal;">{}</span></span></div></div>')
    return (f'<div style="float:left;width:240px;"><a href="/review/{user}/1" style="text-decoration:none;">'
            f'<div class="swp_image"><img src="/p/{user}.jpg"></div>'
            f'<div class="swp_text">Review by {user}&nbsp;&nbsp;{date}<br>'
            f'<span class="iReviewStarsSmallYellow smlStars{stars}0"><span></span></span><br><br>'
            + row.format("Pros", pros) + '<br><div style="clear: both;"></div>' + row.format("Cons", cons)
            + '</div></a></div>')


def test_by_line_as_bare_text_above_pros_and_cons_rows_and_camel_cased_star_class():
    """Teaser cards whose text div opens with "Review by NAME&nbsp;&nbsp;February, 01 2014<br>" as
    bare text and then holds the "Pros:" and "Cons:" rows: the by-line gives the author and the
    date ("Month, DD YYYY"), the rows are the text (labels kept), and an empty span classed
    "iReviewStarsSmallYellow smlStars40" (the camel-cased class names the stars) is 4.0."""
    cards = [("kestrel9", "February, 01 2014", 4), ("mossyboots", "January, 29 2014", 5),
             ("quill_and_ink", "December, 04 2013", 3)]
    body = '<div class="topcategory"><div style="position:relative;">' + "".join(
        _teaser(u, d, s, p, c) for (u, d, s), p, c in zip(cards, PROS, CONS)) + "</div></div>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["published_at"], r["rating"]) for r in reviews] == [
        ("kestrel9", "2014-02-01", 4.0), ("mossyboots", "2014-01-29", 5.0), ("quill_and_ink", "2013-12-04", 3.0)]
    assert [r["body"] for r in reviews] == [f"Pros: {p} Cons: {c}" for p, c in zip(PROS, CONS)]


def test_month_name_then_comma_then_day_is_a_date():
    assert find_date_text("Review by someone  February, 01 2014") == "February, 01 2014"
    assert parse_date("February, 01 2014") == "2014-02-01"


def test_day_month_name_and_two_figure_year_is_a_date():
    """"22 Apr 19" (a short British form) is 22 April 2019, not 19 April; a time after a day and
    a month ("22 Apr 19:30") and a count after them ("5 May 12 people") are no such year."""
    assert find_date_text("22 Apr 19") == "22 Apr 19"
    assert parse_date("22 Apr 19", now=NOW) == "2019-04-22"
    assert find_date_text("22 Apr 19:30") != "22 Apr 19"
    assert find_date_text("5 May 12 people") != "5 May 12"


COMMENTS = ["Roasty and dry, a little thin at the end.", "Soft and sweet, too sweet for me though.",
            "Bright citrus, light body."]


def _checkin(i: int, comment: str, cls: str, shown: str) -> str:
    return (f'<div class="item" id="checkin_{i}"><div class="avatar"><a href="/user/tester{i}">'
            f'<img alt="Tester {i}." src="/a/{i}.jpg"></a></div><div class="checkin"><div class="top">'
            f'<p class="text"><a href="/user/tester{i}" class="user">Tester {i}.</a> is drinking a '
            f'<a href="/b/some-long-beer-name-{i}/{i}">Some Long Beer Name Number {i}</a> by '
            f'<a href="/w/a-brewing-company/{i}">A Brewing Company Of Somewhere</a> at '
            f'<a href="/v/a-bar/{i}">A Bar Downtown</a></p>'
            f'<div class="checkin-comment"><p class="comment-text" id="translate_{i}">{comment}</p>'
            f'<div class="rating-serving"><p class="serving"><span>Bottle</span></p>'
            f'<span class="rating small {cls}"></span></div></div></div>'
            f'<div class="feedback"><div class="bottom"><a href="/c/{i}" class="time timezoner">{shown}</a>'
            f' <a href="/c/{i}">View Detailed Check-in</a></div></div></div></div>')


def test_check_ins_rated_in_hundredths_in_a_class_and_the_line_of_links_is_no_text():
    """An empty "rating small r425" span is 4.25 (a class token in hundredths on an element named
    a rating); the line "NAME is drinking a <a>BEER</a> by <a>BREWERY</a> at <a>BAR</a>", named
    "text" and mostly links, is no text beside a shorter comment; "22 Apr 19" is 2019-04-22."""
    body = '<div id="main-stream">' + "".join(
        _checkin(i, c, cls, d) for i, (c, cls, d) in
        enumerate(zip(COMMENTS, ("r375", "r425", "r300"), ("22 Apr 19", "20 Apr 19", "19 Apr 19")), 1)) + "</div>"
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == COMMENTS
    assert [r["rating"] for r in reviews] == [3.75, 4.25, 3.0]
    assert [r["published_at"] for r in reviews] == ["2019-04-22", "2019-04-20", "2019-04-19"]


def test_hundredths_beside_a_class_naming_the_rate_too():
    # (the word "rate" names a rating as "rating" does: the class reading must not stop at it)
    from lxml import html
    from crawlers.extract.reviews_starclass import star_class_value

    assert star_class_value(html.fromstring('<span class="rate r425"></span>')) == 4.25
    assert star_class_value(html.fromstring('<span class="rating small r300"></span>')) == 3.0
    assert star_class_value(html.fromstring('<span class="label r425"></span>')) is None


def test_a_layout_utility_class_of_that_shape_is_no_rating():
    body = '<div class="c"><span class="rating w100"></span><p class="review-text">Text of a review here.</p></div>'
    assert all(r["rating"] is None for r in _run(body)["reviews"])


def test_a_half_star_worst_rating_keeps_the_value_on_five():
    """worstRating 0.5 of bestRating 5 (half-star sites): "3.50" is 3.5 stars, not mapped linearly
    from 0.5 (which read 3.33)."""
    assert scale_rating(3.5, 5.0, 0.5) == 3.5
    assert scale_rating(2.0, 5.0, 0.5) == 2.0
    assert scale_rating(2, 3, -1) == 3.75  # (other worst values: linear, as before)
    item = ('<div class="review" itemprop="review" itemscope itemtype="http://schema.org/Review">'
            '<span itemprop="author" content="listener{i}"><a class="user" href="/~l{i}">listener{i}</a></span>'
            '<span itemprop="datePublished" content="2018-0{i}-07">Jan 07 2018</span>'
            '<span itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
            '<meta itemprop="worstRating" content="0.5"><meta itemprop="bestRating" content="5.0">'
            '<span itemprop="ratingValue" content="{v}" class="review_rating"><img alt="{v} stars"></span></span>'
            '<div class="review_body"><span itemprop="description">{t}</span></div></div>')
    texts = ["A patient record that rewards a second listen.", "Too long by half and the mix is muddy."]
    body = "".join(item.format(i=i, v=v, t=t) for i, (v, t) in enumerate(zip(("3.50", "2.00"), texts), 1))
    assert [r["rating"] for r in _run(body)["reviews"]] == [3.5, 2.0]


DUTCH = ["Heel gezellig gegeten, de bediening was vlot en vriendelijk.",
         "Het eten was lauw en we moesten lang wachten op de rekening.",
         "Prima plek voor een snelle hap, niets bijzonders verder."]


def _hreview(i: int, aspects: tuple, overall: int, text: str) -> str:
    scores = "".join(f'<div class="score{a // 2}Medium scoreTdMedium floatLeft">{a}</div>'
                     f'<div class="floatLeft reviewScoreText">{label}</div>'
                     for a, label in zip(aspects, ("Eten", "Service", "Decor")))
    return (f'<div class="restaurantReviewTable hreview" id="reviewId{i}"><div class="floatLeft">'
            f'<div class="reviewTable"><span class="small grey floatRight">{i} juni 2013</span>'
            f'<div class="restaurantOpinionScore small">{scores}</div>'
            f'<p class="clear description" id="textComment{i}">{text}</p>'
            f'<div class="hide rating"><abbr class="value" title="{overall}"/><abbr class="best" title="10"/>'
            f'<abbr class="worst" title="1"/></div></div></div>'
            f'<div class="reviewLeftCol"><div class="reviewUser"><span class="reviewer">proever{i}</span></div></div>'
            f'</div><hr class="greyBreak"/>')


def test_hreview_rating_written_in_abbr_titles():
    """hReview's hidden rating in the value-class pattern, <abbr class="value" title="8"/> and
    <abbr class="best" title="10"/> (XHTML-style, no text): 8 of 10 is 4.0. The aspect scores
    above the text are rows of their own, each a figure and a label."""
    body = "".join(_hreview(i, a, o, t) for i, (a, o, t) in
                   enumerate(zip(((8, 9, 7), (4, 6, 5), (7, 7, 6)), (8, 5, 7), DUTCH), 1))
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == DUTCH
    assert [r["rating"] for r in reviews] == [4.0, 2.5, 3.5]
    assert [r["author"] for r in reviews] == ["proever1", "proever2", "proever3"]


def _dining(i: int, aspects: tuple, overall: str, text: str, by: str) -> str:
    rows = "".join(f'<div class="service">{label}<em style="font-weight: bold;"> {a}</em></div>'
                   for a, label in zip(aspects, ("Service", "Atmosphere", "Cuisine")))
    return (f'<div class="review_content"><div class="mid_half"><div class="top_half"><div class="botom_half">'
            f'<div class="common"><div class="heading">{rows}<div class="num">{overall}</div></div>'
            f'<p>{text}</p><p><em>{by}</em></p></div></div></div></div></div>')


def test_aspect_rows_of_bare_figures_and_the_review_s_own_figure_after_them():
    """"Service 8.0 / Atmosphere 6.0 / Cuisine 8.0" rows, each a label and a bare figure, then a
    lone "7.3" (within half a point of their mean): the review's score, out of 10 on a page whose
    figures go above 5 (3.65); the rows are no text, so a box of scores with an empty text is no
    review."""
    boxes = [((8.0, 6.0, 8.0), "7.3", DUTCH[0], "Ria Visser, 13 Mar 2013, 12:30"),
             ((7.0, 8.0, 9.0), "8.0", "", "12 Mar 2013, 20:41"),
             ((10.0, 10.0, 10.0), "10.0", DUTCH[2], "Joost Bakker, 11 Mar 2013, 09:38")]
    body = '<div id="reviews" class="review"><h4>3 Reviews</h4>' + "".join(_dining(i, *b) for i, b in enumerate(boxes)) + "</div>"
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == [DUTCH[0], DUTCH[2]]
    assert [r["rating"] for r in reviews] == [3.65, 5.0]
    assert [r["published_at"] for r in reviews] == ["2013-03-13", "2013-03-11"]


TEASERS = ["We waited two hours at the desk and nobody could tell us where the bags had gone, then...",
           "Ordered a gift box for my parents and it arrived crushed, the card missing and the...",
           "Fitted the new taps in an afternoon, everything was in the box and the finish is..."]


def test_by_line_of_a_member_number_and_a_read_full_review_toggle():
    """"Written by 40517" names the member by number (the by-word says it is a name), and a
    "Read full review.." link after a teaser cut with "..." is a toggle, no text."""
    def card(i, by, text, stars):
        return (f'<div class="ReviewContent"><h3><a href="/reviews{i}.html">Company {i}</a></h3>'
                f'<div class="starsLarge RatingStarsLarge_{stars}-0">' + "&#x2605;" * stars + "&#x2606;" * (5 - stars)
                + f'</div><p class="WrittenBy">Written by {by}</p>'
                f'<p>{text} <a href="/r/{i}">Read full review..</a></p></div>')
    body = '<div class="HomePageReview">' + "".join(
        card(i, by, t, s) for i, (by, t, s) in enumerate(zip(
            ('<a href="/visitor_a.html">harbourfox</a>', '<a href="/visitor_40517.html">40517</a>', "Gwen Tally"),
            TEASERS, (1, 2, 5)))) + "</div>"
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == TEASERS
    assert [r["author"] for r in reviews] == ["harbourfox", "40517", "Gwen Tally"]
    assert [r["rating"] for r in reviews] == [1.0, 2.0, 5.0]


def _liked(i: int, text: str, value: str) -> str:
    scores = "".join(f"<li class='score-{k}'><span>{label}</span><strong>{v}</strong></li>" for k, label, v in
                     (("food", "Eten", 8), ("ambiance", "Sfeer", 7), ("service", "Service", 9)))
    return (f"<li class='feedback has-ratings has-scores' id='review_{i}' itemprop='review' itemscope "
            f"itemtype='http://schema.org/Review'><h3 class='author reviewer vcard'>"
            f'<span class="avatar"><img alt="" height="22" src="/avatars/{i}" width="22" /></span>'
            f'<span class="fn" itemprop="author">Gast{i}</span> <a href="/recensies/{i}" class="permalink" rel="self bookmark">'
            f'<time class="dtreviewed" title="2013-0{i}-10T10:00:00+02:00">op {i}0 mei 2013</time>'
            f'<meta content="2013-0{i}-10" itemprop="datePublished" /></a></h3>'
            f"<div class='description' itemprop='description'><p>{text}</p></div>"
            f"<ul class='review-scores'>{scores}</ul>"
            f"<p class='rating average-rating' itemprop='reviewRating' itemscope itemtype='http://schema.org/Rating'>"
            f"<span class='value' itemprop='ratingValue'>{value}</span> <span class='scale'>op schaal "
            f"<span class='worst' itemprop='worstRating'>1</span>-<span class='best' itemprop='bestRating'>10</span></span></p>"
            f'<p class="metadata"><a href="/r/{i}/like" class="likes" data-alt-label="Jij vindt dit leuk" '
            f'data-alt-title="Je vindt deze recensie leuk" rel="nofollow" title="Nog niemand vindt deze recensie leuk.">'
            f'<span>Vind dit leuk</span></a> <a href="/recensies/{i}" class="permalink" title="Permalink">'
            f'<abbr title="Permalink">#</abbr></a></p></li>')


def test_like_button_is_no_title_and_an_aggregate_header_in_a_stats_box_is_no_review():
    """A like link after the text ("Vind dit leuk") whose tooltip attribute is named "data-alt-title"
    is a button, no title; a stats box whose rating sits in an hReview-aggregate / AggregateRating
    header (with aspect averages beside it) is the page's summary, no review."""
    stats = ('<div class="review-stats"><section class="review-stats-ratings">'
             '<header class="hreview-aggregate" itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating">'
             '<h3><span class="votes" itemprop="reviewCount">3</span> recensies voor <a class="fn url" href="/x">Het Eethuis</a></h3>'
             '<p>Het eindcijfer is <span class="rating"><span class="average" itemprop="ratingValue">7.0</span>. '
             '<span class="scale">(Minimum: <span class="worst" itemprop="worstRating">1</span>, Maximum: '
             '<span class="best" itemprop="bestRating">10</span>)</span></span></p></header>'
             '<p>Hier zie je hoe de meningen over dit restaurant verdeeld zijn en hoe de waardering verloopt.</p>'
             '</section></div>')
    body = ('<section class="reviews"><div class="wrapper">' + stats + '<ol class="reviews-list">'
            + "".join(_liked(i, t, v) for i, (t, v) in enumerate(zip(DUTCH, ("8,2", "4,6", "7,0")), 1)) + '</ol></div></section>')
    res = _run(body)
    assert [r["body"] for r in res["reviews"]] == DUTCH
    assert [r["title"] for r in res["reviews"]] == [None, None, None]
    assert [r["rating"] for r in res["reviews"]] == [4.1, 2.3, 3.5]
    assert res["aggregate"] == {"rating": 3.5, "count": 3}
    # (two reviews: a line on three or more alike is dropped as a label anyway)
    two = '<ol class="reviews-list">' + "".join(_liked(i, t, v) for i, (t, v) in enumerate(zip(DUTCH[:2], ("8,2", "4,6")), 1)) + "</ol>"
    assert [r["title"] for r in _run(two)["reviews"]] == [None, None]


def test_a_section_heading_around_one_card_drawn_like_the_others_is_no_title():
    """"Review of the Week" heads a box holding one card drawn like the four cards of the next box
    (same tag and class): the block is the card, and the heading no title of it."""
    def card(i, stars, text):
        return (f'<div class="ReviewContent"><div class="ReviewImage"><img src="/i/{i}.jpg" alt="Shop {i}" title="Shop {i}"></div>'
                f'<h3><a href="/reviews{i}.html">Shop {i}</a></h3>'
                f'<div class="starsLarge RatingStarsLarge_{stars}-0">' + "&#x2605;" * stars + "&#x2606;" * (5 - stars)
                + f'</div><p class="WrittenBy">Written by member{i}</p><p>{text}</p></div>')
    texts = TEASERS + ["Second order this year and again everything came on time and well packed."]
    body = ('<div class="HomPageBox"><div class="HomePageReview Featured"><h2>Review of the Week</h2>'
            + card(0, 2, texts[0]) + '</div><div class="HomePageReview"><h2>Featured member reviews</h2>'
            + "".join(card(i, s, t) for i, (s, t) in enumerate(zip((1, 4, 5), texts[1:]), 1)) + '</div></div>')
    reviews = _run(body)["reviews"]
    assert [r["body"] for r in reviews] == texts
    assert [r["title"] for r in reviews] == [None] * 4
    assert [r["rating"] for r in reviews] == [2.0, 1.0, 4.0, 5.0]


def test_bold_title_beside_a_comma_and_the_date_after_the_helpful_line_and_stars():
    """"<b>TITLE</b>, <nobr>March 10, 2010</nobr>" on the stars' line, after "N of M people found the
    following review helpful:": the bold is the review's title; a name printed the same way
    ("<b>Mary Lee</b>, DATE") is no title."""
    def item(i, title, text):
        return (f'<a name="R{i}"></a><br /><div style="margin-left:0.5em;">'
                f'<div style="margin-bottom:0.5em;">{i + 2} of {i + 5} people found the following review helpful:</div>'
                f'<div style="margin-bottom:0.5em;"><span style="margin-right:5px;"><span class="swSprite s_star_{i + 2}_0 " '
                f'title="{i + 2}.0 out of 5 stars"><span>{i + 2}.0 out of 5 stars</span></span> </span>'
                f'<span style="vertical-align:middle;"><b>{title}</b>, <nobr>March 1{i}, 2010</nobr></span></div>'
                f'<div style="margin-bottom:0.5em;"><div><div style="float:left;">By&nbsp;</div><div style="float:left;">'
                f'<a href="/gp/pdp/profile/A{i}"><span style="font-weight: bold;">Reader{i}</span></a></div></div></div>'
                f'{text}<br /><br />A second paragraph of the same review, as the shop printed it.</div>')
    texts = ["It starts slowly but the last third is worth every page of the wait.",
             "The translation is stiff in places and the ending feels rushed."]
    body = '<table id="productReviews"><tr><td>' + item(1, "Worth the wait", texts[0]) + item(2, "Mary Lee", texts[1]) + "</td></tr></table>"
    reviews = _run(body)["reviews"]
    assert [r["title"] for r in reviews] == ["Worth the wait", None]
    assert [r["rating"] for r in reviews] == [3.0, 4.0]
    assert [r["published_at"] for r in reviews] == ["2010-03-11", "2010-03-12"]
