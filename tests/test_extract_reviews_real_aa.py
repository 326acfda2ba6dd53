"""Batch 32 of real pages (games, books, music, film and anime sites: an anime database's and a
fantasy-book community's home-page review lists, a prog-rock archive's latest reviews, a film
database's comments in two designs, a book-review community's teasers, a critic's quote): the
general rules they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from lxml import html as lxml_html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_widgets import rating_of

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://reviews.example/item/1") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body><h1>Reviews</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


TEXTS = ["A slow start, but the second half pulls every thread together beautifully.",
         "The translation reads stiffly and the plot loses its way after the first act.",
         "Warm characters and a clever ending; I would read the sequel tomorrow.",
         "Too long by a third, though the world it builds is rich and strange."]


def _feed_item(work: str, user: str, text: str, mark: str) -> str:
    return (f'<div class="response-item"><p class="response-work-info"><a href="/work{len(work)}">{work}</a></p>'
            f'<p class="response-autor-info"><a href="/user{len(user)}">{user}</a>, в 12:30</p>'
            f'<div class="response-body-home"><p>{text}</p></div>'
            f'<div class="clearfix"><div class="response-autor-mark"><b>{mark}</b></div></div></div>')


def test_a_label_and_figure_in_an_element_of_their_own_is_the_rating_on_the_pages_scale():
    """Feed items whose only score is "Оценка: 9" in an element of its own (a rating label and a
    figure, no scale stated) are rated: the label and figure make the widget, and since one item
    scores above 5 the page scores out of 10 ("Оценка: 2" is 1.0, not 2.0). The items are named
    "response-…", so their parts named "response-autor-info" are the review's, no replies: the
    author is read from it."""
    marks = ["Оценка: 9", "Оценка: 2", "Оценка: 6", "Оценка: 10"]
    users = ["reader_one", "bookworm77", "nightowl", "quietfox"]
    body = '<div class="responses-list">' + "".join(
        _feed_item(f"Work {i}", u, t, m) for i, (u, t, m) in enumerate(zip(users, TEXTS, marks))) + "</div>"
    reviews = _run(body)["reviews"]
    assert [(r["rating"], r["author"], r["body"]) for r in reviews] == [
        (4.5, "reader_one", TEXTS[0]), (1.0, "bookworm77", TEXTS[1]), (3.0, "nightowl", TEXTS[2]),
        (5.0, "quietfox", TEXTS[3])]


def test_a_qualified_label_and_figure_is_read_on_the_pages_scale_too():
    """"Overall Rating: 5" beside "Overall Rating: 8" on dated cards: the 5 is out of 10 too."""
    card = ('<div class="item"><div class="info"><span class="fs10">Overall Rating: {}</span>'
            '<a href="/anime/{}"><strong>Show {}</strong></a><div class="textReadability">{}</div>'
            '<div class="spaceit">{} hours ago by <a href="/profile/{}">{}</a></div></div></div>')
    data = [(8, "ann_k"), (5, "bo_r"), (7, "cy_t")]
    body = '<div class="widget reviews">' + "".join(
        card.format(s, i, i, TEXTS[i], i + 1, u, u) for i, (s, u) in enumerate(data)) + "</div>"
    reviews = _run(body)["reviews"]
    assert [r["rating"] for r in reviews] == [4.0, 2.5, 3.5]


def test_a_star_image_with_an_alt_of_asterisks_is_that_many_stars():
    el = lxml_html.fromstring('<img src="/assets/images/rating/stars/3.gif" class="rating" width="24" alt="***">')
    assert rating_of(el) == 3.0
    assert rating_of(lxml_html.fromstring('<img src="/img/p.gif" class="rating" alt="*****">')) == 5.0
    assert rating_of(lxml_html.fromstring('<img src="/img/photo.jpg" class="thumb" alt="***">')) is None


def _critique(user: str, book: str, author: str, text: str, n: int) -> str:
    return (f'<tr><td><h4>Critique de {user}</h4><a href="/vcrit/{n}">{book}</a>'
            f'<br> de <a href=/vauteur/{n}/>{author}</a><br>{text}... <a href="/vcrit/{n}"><img src="/img/more.gif"></a></td>'
            f'<td><img src="/img/site/starslittle_{n}.gif" ><br><div class="cover-m"><img src="/img/cover/{n}.jpg"></div></td></tr>')


def test_numbered_star_files_a_by_line_heading_and_the_items_line_of_links():
    """A table of critique teasers: the rating only in a star image's numbered file name
    ("starslittle_9.gif": 0-10 on the page's scale, so 4 is 2.0 beside a 9), the heading
    "Critique de NAME" is the by-line (author NAME, no title), and the line of links naming the
    book and its writer ("<a>BOOK</a><br> de <a>WRITER</a><br>") opening the cell is no text."""
    rows = [("lectrice_a", "Book One", "Writer Alpha", TEXTS[0], 9), ("lecteur_b", "Book Two", "Writer Beta", TEXTS[1], 4),
            ("lectrice_c", "Book Three", "Writer Gamma", TEXTS[2], 7)]
    body = '<table class="table">' + "".join(_critique(*r) for r in rows) + "</table>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["title"], r["rating"], r["body"]) for r in reviews] == [
        ("lectrice_a", None, 4.5, TEXTS[0] + "..."), ("lecteur_b", None, 2.0, TEXTS[1] + "..."),
        ("lectrice_c", None, 3.5, TEXTS[2] + "...")]


def test_a_row_named_for_the_reviews_actions_is_no_text_whatever_its_links_say():
    """A header's "review-action" row holding a link to the user's other reviews (in any words)
    and a permalink icon: no part of the text."""
    art = ('<article id="review-{}" class="article article-white"><div class="article-content">'
           '<header class="article-header article-header-review"><div class="article-header-review-name">'
           '<h3 class="user-title"><a href="/user/{}/" class="user-title-name">{}</a>'
           '<span class="star-rating"><span class="stars stars-{}"></span></span></h3></div>'
           '<div class="article-header-review-action"><a href="/user/{}/reviews/">every review of this member</a>'
           '<a href="/film/1/reviews/?comment={}" class="permanent-link"><i class="icon icon-permalink"></i></a></div>'
           '</header><p>{} <span class="comment-date info">(<time>0{}.05.2021</time>)</span></p></div></article>')
    data = [("filmbuff", 4), ("reelist", 2), ("cinephile_x", 5)]
    body = '<section class="box"><div class="box-content">' + "".join(
        art.format(i, u, u, s, u, i, TEXTS[i], i + 1) for i, (u, s) in enumerate(data)) + "</div></section>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [
        ("filmbuff", 4.0, TEXTS[0]), ("reelist", 2.0, TEXTS[1]), ("cinephile_x", 5.0, TEXTS[2])]


def test_a_linked_name_in_a_heading_named_author_links_to_a_user_page_in_other_words():
    """<h5 class="author"><a href="/uzivatel/12-name/">NAME</a></h5> above a star image: the
    reviewer (a user page, whatever the language calls it), not the title."""
    li = ('<li><div class="info"><a href="/uzivatel/{n}-{u}/comments/">all comments</a></div>'
          '<h5 class="author"><a href="/uzivatel/{n}-{u}/">{u}</a></h5>'
          '<img src="/assets/images/rating/stars/{s}.gif" class="rating" width="32" alt="{a}" />'
          '<p class="post">{t}<span class="date desc">(1.{m}.2020)</span></p></li>')
    data = [("marten", 4), ("lindqvist", 3), ("zetaray", 5)]
    body = '<div class="content comments"><ul class="ui-posts-list">' + "".join(
        li.format(n=i + 10, u=u, s=s, a="*" * s, t=TEXTS[i], m=i + 2) for i, (u, s) in enumerate(data)) + "</ul></div>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["title"], r["rating"]) for r in reviews] == [
        ("marten", None, 4.0), ("lindqvist", None, 3.0), ("zetaray", None, 5.0)]


def test_a_read_more_toggle_in_other_languages_after_a_cut_text_is_no_text():
    """"… <a><nobr>читать весь отзыв &gt;&gt;</nobr></a>" after a cut text: the toggle goes, the
    site's ellipsis stays."""
    long_text = TEXTS[3] + " " + TEXTS[0]
    items = [_feed_item("Work A", "reader_one", TEXTS[1], "Оценка: 8"),
             _feed_item("Work B", "nightowl", long_text + ' ...  <a href="/w"><nobr>читать весь отзыв &gt;&gt;</nobr></a>',
                        "Оценка: 7")]
    reviews = _run('<div class="responses-list">' + "".join(items) + "</div>")["reviews"]
    assert [r["body"] for r in reviews] == [TEXTS[1], long_text + " ..."]


def test_a_microdata_review_whose_review_body_is_an_empty_marker_before_the_text():
    """A lone microdata Review (author, name and date in <meta>s) whose itemprop="reviewBody" is an
    empty div placed before the text: the markup gives no text, so the element the markup marks
    as the review is read from the layout, and the two are one review (same reviewer, same day)."""
    text = TEXTS[0] + " " + TEXTS[2]
    body = ('<div class="block"><h2>Latest reviews</h2><article class="b-topic b-review-topic" itemscope=""'
            ' itemtype="http://schema.org/Review"><meta content="kumo_no_ue" itemprop="author" />'
            '<meta content="Some Show 2" itemprop="name" /><meta content="2023-11-04T00:30:07+03:00" itemprop="datePublished" />'
            '<header><a class="name" href="/reviews/1-some-show-2">Some Show 2</a></header><div class="body">'
            '<div class="status-line"><span class="author"><a href="/kumo_no_ue">kumo_no_ue</a></span>'
            '<span class="time"><time datetime="2023-11-04T00:30:07+03:00"> 4 Nov 2023</time></span>'
            '<span class="time changed_at"><time datetime="2023-11-20T12:30:28+03:00">20 Nov 2023</time></span></div>'
            f'<div class="body-truncated"><div class="body-truncated-inner" itemprop="reviewBody"></div>{text}</div>'
            '<div class="read_more-link"><a href="/reviews/1-some-show-2">Read on</a></div></div></article></div>')
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["published_at"], r["body"]) for r in reviews] == [("kumo_no_ue", "2023-11-04", text)]


def test_a_number_of_stars_run_into_the_class_word_is_read_on_the_pages_scale():
    """Timeline items "<a>USER</a> played <a>GAME</a>" with an empty span classed "sstars6
    starsinfo" and a quoted comment: a whole number run into the class word beside a class naming
    the stars is the rating, out of 10 when that class goes above 5 on the page (6 is 3.0)."""
    li = ('<li class="clearit"><div class="avatar"><a href="/user/{u}" class="avatar"><img src="/pic/{u}.jpg" alt="{u}"></a></div>'
          '<div class="info clearit"><a href="/user/{u}" class="l">{u}</a> played <a href="/subject/{n}" class="l">Game {n}</a> '
          '<div class="collectInfo"><span class="sstars{s} starsinfo"></span>{q}</div></div></li>')
    items = [li.format(u="pinecone", n=1, s=9, q=f'<div class="quote"><q>{TEXTS[0]}</q></div>'),
             li.format(u="lanternfish", n=2, s=6, q=f'<div class="quote"><q>{TEXTS[3]}</q></div>'),
             li.format(u="mossgarden", n=3, s=8, q=f'<div class="quote"><q>{TEXTS[2]}</q></div>')]
    reviews = _run('<ul class="timeline_img clearit">' + "".join(items) + "</ul>")["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [
        ("pinecone", 4.5, TEXTS[0]), ("lanternfish", 3.0, TEXTS[3]), ("mossgarden", 4.0, TEXTS[2])]
    el = lxml_html.fromstring('<span class="sstars4 starsinfo"></span>')
    assert rating_of(el) == 4.0  # (alone on its page, nothing above 5: whole stars)


def _reviewbox(n: int, album: str, artist: str, user: str, role: str, stars: int, text: str) -> str:
    role_html = f'<br><font color="#dc143c"><strong>{role}</strong> <em>Some Team</em></font>' if role else ""
    return (f'<div class="reviewbox"><div class="review-cover-zone"><a href="album.asp?id={n}"><img src="/covers/{n}.jpg"'
            f' alt=" {album} by {artist.upper()} album cover"></a><span style="color:#777">Studio Album, 2001<br>'
            f'<span id="avgRatings_{n}" title="4.{n} out of 5 (Average Rating Value)">4.{n}</span> | <span>1{n}7</span> ratings'
            f'</span></div><div class="review-text-zone">'
            f'<a href="album.asp?id={n}"><span style="font-weight:bold">{album}</span></a><br>'
            f'<a href="artist.asp?id={n}">{artist}</a> <span style="color:#777">Heavy Prog</span>'
            f'<p>Review by <a href="Collaborators.asp?id={n}"><strong>{user}</strong></a>{role_html}</p>'
            f'<div style="color:#333;"><img src="static-images/{stars}stars.gif" alt="{stars} stars" border="0">{text}</div>'
            f'<p class="review-footer"><a href="Review.asp?id={n}">Review Permalink</a><br><span class="icon-date">'
            f'Posted Friday, March {n}, 2018, 19:48 EST</span></p></div></div>')


def test_a_by_line_name_ends_at_its_break_and_a_link_to_another_page_is_no_title():
    """'Review by <a>NAME</a><br><font>Prog Reviewer …</font>': the name is the line before the
    break (the role under it is no part of it); the artist's link above the text goes to another
    page than the review's own: no title. (Each box's cover zone shows the album's average.)"""
    data = [(11, "First Album", "Band One", "stonecircle", "Prog Reviewer", 5),
            (12, "Second Album", "Band Two", "tapeloop", "", 4), (13, "Third Album", "Band Three", "mellotron_m", "Collaborator", 3)]
    body = '<div id="home-main"><h2>Latest Reviews</h2>' + "".join(
        _reviewbox(n, a, b, u, r, s, TEXTS[i]) for i, (n, a, b, u, r, s) in enumerate(data)) + "</div>"
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["title"], r["rating"], r["published_at"]) for r in reviews] == [
        ("stonecircle", None, 5.0, "2018-03-11"), ("tapeloop", None, 4.0, "2018-03-12"), ("mellotron_m", None, 3.0, "2018-03-13")]


def test_where_the_items_name_stands_for_a_title_no_bold_opening_of_the_text_is_one():
    """A review card whose linked heading is the item's name (the cover's alt says so): the site
    prints no titles, so a bold line opening the text ('<center><strong>HEADING</strong></center>
    <br><hr>') is the text's own, not a title. (The markup's name, the item's, still comes back as
    the title: not fixed.)"""
    text = TEXTS[0] + " " + TEXTS[2]
    body = ('<div class="block"><h2>Reviews</h2><div><article class="b-topic b-review-topic" itemscope=""'
            ' itemtype="http://schema.org/Review"><meta content="orbit_kid" itemprop="author" />'
            '<meta content="Show Nine" itemprop="name" /><meta content="2023-05-04T00:30:07+03:00" itemprop="datePublished" />'
            '<div class="inner"><header><div class="name-date"><a class="name" href="/reviews/9-show-nine" title="Show Nine">'
            "<span class='name-en'>Show Nine</span></a></div></header><div class=\"body\"><div class=\"status-line\">"
            '<span class="from">by</span><span class="author"><div class="b-user16"><a href="/orbit_kid" title="orbit_kid">'
            '<img alt="orbit_kid" src="/users/9.png" /><span>orbit_kid</span></a></div></span><span class="time">'
            '<time datetime="2023-05-04T00:30:07+03:00"> 4 May 2023</time></span><span class="time changed_at">'
            '<time datetime="2023-05-20T12:30:28+03:00">20 May 2023</time></span><span class="additional"><span class="comments">'
            '13</span><span class="b-review_votes"><span class="votes-for">83+</span> / <span class="votes-against">3-</span>'
            '</span></span></div><div class="review-entry_cover">'
            '<a class="cover" href="/reviews/9-show-nine" title="Show Nine"><img alt="Show Nine" src="/covers/9.jpg"'
            ' title="Show Nine" /></a></div><div class="body-truncated"><div class="body-truncated-inner" itemprop="reviewBody">'
            '</div><span style="color: #36b;"><span style="font-size: 24px;"><center><strong>A Slow Burn</strong></center>'
            f'</span></span> <br><hr> <br><div class="b-prgrph">{text}</div></div><div class="read_more-link">'
            '<a href="/reviews/9-show-nine">Read on</a></div></div></div></article></div></div>')
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["body"]) for r in reviews] == [("orbit_kid", f"A Slow Burn {text}")]


def test_a_bold_phrase_inside_the_text_after_the_stars_is_no_title_and_items_averages_are_no_page_score():
    """Review boxes each with the album's average and count in the cover's column, then the star
    image with the text running straight after it, a bold track name inside: the bold phrase is
    part of the text, not a headline beside the stars (text runs between them); and each album's
    average sits in one review's box, beside it: no page score."""
    text = "Heavy riffs open the record for a while, but from <strong>Track Two</strong> onwards the mood turns gentle and strange."
    data = [(21, "Album A", "Band A", "stonecircle", "", 4), (22, "Album B", "Band B", "tapeloop", "", 5)]
    boxes = [_reviewbox(n, a, b, u, r, s, text if i == 0 else TEXTS[1]) for i, (n, a, b, u, r, s) in enumerate(data)]
    result = _run('<div id="home-main"><h2>Latest Reviews</h2>' + "".join(boxes) + "</div>")
    assert [(r["title"], r["body"]) for r in result["reviews"]] == [
        (None, text.replace("<strong>", "").replace("</strong>", "")), (None, TEXTS[1])]
    assert result["aggregate"] is None


def test_a_by_line_dating_its_review_by_a_time_alone_is_today():
    """"NAME, в 12:30" (a feed prints today's posts with their time only): the review is of today;
    a by-line with a date keeps its date."""
    items = [_feed_item("Work A", "reader_one", TEXTS[0], "Оценка: 8"), _feed_item("Work B", "nightowl", TEXTS[1], "Оценка: 6")]
    items[1] = items[1].replace(", в 12:30", ", 3 мая 2024 в 09:15")
    reviews = _run('<div class="responses-list">' + "".join(items) + "</div>")["reviews"]
    assert [(r["author"], r["published_at"]) for r in reviews] == [("reader_one", "2024-06-01"), ("nightowl", "2024-05-03")]
