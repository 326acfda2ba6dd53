"""Batch 30 of real pages (US/UK local services, consumer complaint and car sites' home pages of
2018: a complaint site's featured and latest reviews, a tradesman marketplace's feedback feed,
a car-dealer review site's and a car marketplace's review modules, a home-services directory's
customer quotes and featured review): the general rules they needed, each on synthetic markup
(invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)

TEXTS = ["The crew arrived on time, laid the new patio in two days and left the garden spotless.",
         "Quoted fairly, finished early and answered every question we had along the way.",
         "Took three visits to fix a leak that should have been a single afternoon of work.",
         "Friendly people, but the paint started peeling within a month of the job being done."]


def _run(body: str, url: str = "https://reviews.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _user_card(kind: str, item: str, stars: int, name: str, text: str) -> str:
    icons = "".join('<span class="glyphicon glyphicon-star"></span>' if i < stars else
                    '<span class="glyphicon glyphicon-star-empty"></span>' for i in range(5))
    return (f'<div class="home-{kind}"><div class="home-reviewWrap row">'
            f'<div class="home-reviewImgWrap"><span class="lnk"><img src="/pics/{item[:4]}.jpg" title="{item}"/></span></div>'
            f'<div class="home-reviewBody"><h2 class="home-reviewTitle"><span class="lnk">{item}</span></h2>'
            f'<div class="home-reviewAuthor"><div class="home-reviewStars">{icons}</div>'
            f'<span class="lnk" title="{name}\'s Garage" itemprop="author">{name}</span></div>'
            f'{text}</div></div></div>')


def _writer_card(item: str, name: str, text: str) -> str:
    return (f'<div class="home-reviewWrap row"><div class="home-reviewImgWrap"><span class="lnk">'
            f'<img src="/pics/{item[:4]}.jpg" title="{item}"/></span></div>'
            f'<div class="home-reviewBody"><h2 class="home-reviewTitle"><span class="lnk">{item} </span></h2>'
            f'<div class="home-reviewAuthor"><span class="lnk" title="{name}">{name}</span></div>{text}</div></div>')


CARS = ["2011 Northwind Tourer", "2012 Quillon Estate", "2013 Brava Compact", "2014 Halden Pickup"]


def _users_and_writers() -> str:
    users = "".join(_user_card(k, c, s, n, t) for k, c, s, n, t in zip(
        ["rave", "rant", "rave", "rant"], CARS, [5, 1, 5, 1], ["wrenchhead", "okapi7", "lenaB", "roadie22"], TEXTS))
    writers = _writer_card("2019 Solent Coupe", "Ines Marlowe",
                           "Redesigned last year, the coupe now rides lower and its cabin is far quieter than before ...") + \
        _writer_card("2019 Tarn Van", "Otto Brink",
                     "A van that tows more than any rival and still returns better mileage on long motorway runs ...")
    return (f'<div class="home-community"><h1>User &amp; Professional Reviews</h1>'
            f'<div class="home-section"><h2 class="home-reviewHeading">User Reviews</h2>{users}</div>'
            f'<div class="home-section"><h2 class="home-reviewHeading">Recent Test Drives</h2>'
            f'<div class="recentOverviews">{writers}</div></div></div>')


def test_cards_drawn_like_the_rated_ones_in_another_column_are_reviews_without_a_score():
    """Users' cards rated with glyph stars, each in a wrapper named for its verdict ("rave",
    "rant") around a card named "reviewWrap"; beside them a column of the site's writers' cards
    drawn the same way with no stars and no date: those are reviews too, unrated."""
    reviews = _run(_users_and_writers())["reviews"]
    assert [(r["author"], r["rating"]) for r in reviews] == [
        ("wrenchhead", 5.0), ("okapi7", 1.0), ("lenaB", 5.0), ("roadie22", 1.0), ("Ines Marlowe", None), ("Otto Brink", None)]


def test_a_heading_repeating_the_title_attribute_of_the_cards_picture_is_the_item_not_a_title():
    """The h2 named "reviewTitle" prints the car's name, which the picture in the card gives as
    its title attribute (no alt): the reviewed item, no title of the review."""
    reviews = _run(_users_and_writers())["reviews"]
    assert [r["title"] for r in reviews] == [None] * 6


def _feed_card(n: int, title: str, text: str, when: str | None = None, stars: int | None = None,
               img: str | None = None) -> str:
    pic = (f'<div class="image-frame"><img class="thumbnail" src="{img}" alt="{title}"></div>' if img else "")
    info = ""
    if when:
        score = (f'<div class="star-rating small"><div class="stars" data-active-count="{stars}"><div class="stars-active">'
                 f'</div></div><div class="rating-title">{stars}.0</div></div>' if stars else "")
        info = f'<div class="additional-info"><time class="secondary-info" datetime="{when} 10:00:00">2 hours ago</time>{score}</div>'
    return (f'<div data-href="/r/{n}" class="additional-review-item item js-card-link">{pic}'
            f'<a href="/r/{n}" class="additional-item-title">{title}</a>{info}'
            f'<div class="additional-item-text">{text}</div></div>')


def _company(slug: str, name: str, stars: int, figure: str) -> str:
    return (f'<div class="company-item"><figure><a href="/{slug}"><img src="/logo/{slug}.png" alt="{name}"></a></figure>'
            f'<div class="company-info"><a href="/{slug}">{name}</a><div class="evaluations"><div class="star-rating small">'
            f'<div class="stars" data-active-count="{stars}"><div class="stars-active"></div></div>'
            f'<div class="rating-title">{figure}</div></div></div></div></div>')


def _complaint_home(quote: bool = True) -> str:
    hero = ('<div class="quote-outer"><span class="quote"><div>Our roof leaked for a month after the repair and the '
            'office stopped taking our calls, so we paid <b><a href="/acme">Acme Roofing</a></b> a second time to '
            'another firm that finally fixed it...</div><a href="/r/99" class="more">Read full review</a></span></div>'
            if quote else "")
    featured = "".join(_feed_card(10 + i, f"Shop {i} - Never again", f'"...{t[:60]}..."',
                                  img=f"https://cdn.example/review-media/pictures/{i}.jpg") for i, t in enumerate(TEXTS[:2]))
    latest = "".join(_feed_card(20 + i, f"Firm {i} - Complaint", t, "2024-05-2" + str(i), s)
                     for i, (t, s) in enumerate(zip(TEXTS, [2, None, 1, None])))
    companies = _company("north-gas", "North Gas", 4, "3.7") + _company("bay-cabs", "Bay Cabs", 2, "1.9") + \
        _company("hill-bank", "Hill Bank", 2, "1.6")
    return (f'{hero}<div class="card-section"><h2>Featured Reviews</h2><div class="additional-reviews-list items-list">'
            f'{featured}</div></div><div class="card-section"><h2>Latest Reviews</h2>'
            f'<div class="additional-reviews-list items-list">{latest}</div></div>'
            f'<div class="box-tile"><h2>Most Discussed Companies</h2><div class="companies-list">{companies}</div></div>')


def test_undated_teasers_drawn_like_the_latest_reviews_are_reviews_and_keep_their_titles():
    """"Featured" teasers drawn like the dated "Latest" cards (the same classes, another list)
    are reviews; the photo beside a teaser is stored with the review's media and its alt repeats
    the review's title: the title stays (it is no reviewed product's picture)."""
    reviews = _run(_complaint_home(quote=False))["reviews"]
    assert [(r["title"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Shop 0 - Never again", None, None), ("Shop 1 - Never again", None, None),
        ("Firm 0 - Complaint", 2.0, "2024-05-20"), ("Firm 1 - Complaint", None, "2024-05-21"),
        ("Firm 2 - Complaint", 1.0, "2024-05-22"), ("Firm 3 - Complaint", None, "2024-05-23")]


def test_a_list_of_companies_each_with_its_own_average_gives_no_page_score():
    """Three company cards alike, each naming its company by a link and showing its average in
    stars and a figure, below the reviews of a home page: each score is its company's; the page
    has none."""
    assert _run(_complaint_home(quote=False))["aggregate"] is None


def test_a_quoted_teaser_with_a_link_to_the_full_review_is_a_review():
    """A quote set apart above the lists, cut with an ellipsis and followed by "Read full
    review": a review's teaser; the company linked in bold inside its sentence is no title."""
    reviews = _run(_complaint_home())["reviews"]
    first = reviews[0]
    assert first["body"].startswith("Our roof leaked for a month") and first["body"].endswith("finally fixed it...")
    assert first["title"] is None and first["rating"] is None
    assert len(reviews) == 7


def test_a_count_of_reviews_in_the_reviewers_box_makes_no_summary_of_a_lone_review():
    """A home page's one featured review: the teaser, a bare "10" beside a star, and the
    reviewer's box with their name and a badge "12 reviews" (the reviews they wrote): a review,
    not the item's summary "score + count"."""
    body = ('<div class="hero"><h1>Find a pro</h1></div><div class="hero__featured-review">'
            '<div class="featured-review__review"><span class="featured-review__story"><a href="/r/1">'
            'A plumber came on a Sunday within the hour...</a></span>'
            '<span class="featured-review__rating"><div class="featured-review__rating-numeral">10</div>'
            '<i class="icon-star-fill featured-review__star-icon"></i></span></div>'
            '<div class="featured-review__user">\n<span><a href="/homeowner/7-ray-tan">Ray Tan</a></span>\n'
            '<a class="star-reviewer-badge" href="/star-reviewers"><span>12 reviews</span></a>\n</div></div>')
    reviews = _run(body)["reviews"]
    assert [(r["rating"], r["body"][:22]) for r in reviews] == [(5.0, "A plumber came on a Su")]


def _quote_row(img: str, text: str, name: str, place: str, flipped: bool) -> str:
    cls = "col-sm-6 col-sm-push-6 text-center" if flipped else "col-sm-6 text-center"
    return (f'<div class="row customer-row no-pad"><div class="{cls}"><div class="panel panel-default">'
            f'<div class="panel-body"><figure><img src="/img/home-{img}.png"></figure><p>{text}</p>'
            f'<div class="text-primary">{name}<span class="right-bar">|</span>{place}</div></div></div></div>'
            f'<div class="col-sm-6 text-center bg-img {img}"></div></div>')


def test_alike_rows_in_a_section_named_for_quotes_are_reviews_signed_name_bar_place():
    """A section whose id names quotes ("customer-quotes"), its rows drawn alike and named for
    nothing (a portrait, the quote, "NAME<span>|</span>PLACE"): each row is a review, its author
    the name before the bar, the place no part of it nor of the text."""
    rows = "".join(_quote_row(i, t, n, p, k % 2 == 1) for k, (i, t, n, p) in enumerate([
        ("ann", TEXTS[0], "ANN", "LEEDS, UK"), ("bo", TEXTS[1], "BO", "YORK"), ("cy", TEXTS[2], "CY", "HULL, UK")]))
    body = (f'<main><section id="customer-quotes"><div class="container"><div class="row"><div class="col-xs-12">'
            f'<h2>What Our Members Say</h2><p>Some of our members told us about the service.</p></div></div>'
            f'{rows}<div class="row footer-space-row"></div></div></section></main>')
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["body"]) for r in reviews] == [("ANN", TEXTS[0]), ("BO", TEXTS[1]), ("CY", TEXTS[2])]


def test_a_staff_comment_drawn_otherwise_around_the_same_inner_card_is_no_review():
    """Readers' comments rated with stars (li.comment > article.comment-body) and the site's own
    comment among them, its li classed as the post's author's: cards alike are looked for by
    the comments' own look first, so the staff's inner article (drawn like the readers') is not
    taken for an unrated review."""
    def li(cls: str, name: str, day: int, text: str, stars: int | None) -> str:
        score = (f'<span class="stars" aria-label="Rated {stars} out of 5">{"★" * stars}{"☆" * (5 - stars)}</span>'
                 if stars else "")
        return (f'<li class="comment {cls} depth-1" id="li-comment-{day}"><article class="comment-body">'
                f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{name}</b></div>'
                f'<div class="comment-metadata"><time datetime="2024-05-0{day}">May {day}, 2024</time></div></footer>'
                f'{score}<p>{text}</p></article></li>')
    body = ('<ol class="comment-list">' + li("even thread-even", "Nora", 1, TEXTS[0], 5)
            + li("odd alt thread-odd", "Wes", 2, TEXTS[1], 4)
            + li("byuser comment-author-team bypostauthor even thread-even", "Site Team", 3,
                 "Thank you so much for trying it, we are glad the patio guide helped you plan!", None)
            + li("odd alt thread-odd", "Kai", 4, TEXTS[3], 2) + "</ol>")
    reviews = _run(body)["reviews"]
    assert [(r["rating"], r["body"]) for r in reviews] == [(5.0, TEXTS[0]), (4.0, TEXTS[1]), (2.0, TEXTS[3])]


def _summary_stars(count: str) -> str:
    icons = "".join("<div class='star'><div class='fa fa-star'></div></div>" for _ in range(4))
    half = ("<div class='star'><div class='fa fa-star fa-star-o star-under'></div>"
            "<div class='fa fa-star star-over' style='width: 60.0%'></div></div>")
    return (f"<div class='ratings'><div class='rating-value'><div class='rating-stars-display' data-rating='4.6'>"
            f"{icons}{half}</div></div>\n<div class='review-count'>\n{count}\n</div></div>")


def test_summary_stars_wrapped_alone_beside_a_count_and_one_testimonial():
    """A home page showing the business's stars twice (each in a wrapper of its own, a review
    count in the next element: "12,345 Reviews", "12K Reviews") and one customer's quote in a
    row named "testimonial" with a credit line: the star rows are the summary, no reviews; the
    quote is the page's one review."""
    body = (f"<div class='main'><div class='row home-hero'><div class='columns'>{_summary_stars('12,345 Reviews')}"
            f"<h1>Book trusted cleaners for your home</h1><a class='button' href='/book'>Book a Cleaner</a></div></div>"
            f"<div class='row testimonial testimonial-background'><div class='columns'>"
            f"<h3>&#8220;{TEXTS[1]}&#8221;</h3><h3 class='credit'>&#8212; Dana K., Leeds</h3>"
            f"<a class='button' href='/book'>Book a Cleaner</a></div></div>"
            f"<div class='row match-top-pros'><div class='columns'><h2>Loved by customers</h2>{_summary_stars('12K Reviews')}"
            f"<p>Our professionals are rated and reviewed by customers like you after every job they do.</p></div></div></div>")
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [("Dana K.", None, TEXTS[1])]


QUOTE = "Two fences fixed in one morning and the yard left tidy! I would happily book this pro again next spring."


def test_one_testimonial_card_beside_an_empty_list_a_script_fills():
    """The one server-rendered testimonial (div.client-testimonial: quote, name, place, task)
    beside the desktop list #client-testimonials left empty for a script: one review."""
    body = ("<section class='static-section'><h2>Real People, Real Jobs</h2>"
            "<div class='client-testimonial u-hidden--lg'><div class='client-testimonial__img'></div>"
            f"<div class='client-testimonial__content'><div class='client-testimonial__quote'>{QUOTE}</div>"
            "<div class='client-testimonial__name'>Pia R.</div><div class='client-testimonial__location'>Bristol</div>"
            "<div class='client-testimonial__cta'><span>Job:</span> <a href='/jobs/patio'>Patio laying</a></div></div></div>"
            "<div class='u-hidden--sm' id='client-testimonials'></div></section>")
    reviews = _run(body)["reviews"]
    assert [(r["author"], r["body"]) for r in reviews] == [("Pia R.", QUOTE)]
