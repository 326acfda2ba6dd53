"""Batch 55 of real pages (the WordPress and small-shop ecosystem: theme and page-builder testimonial
blocks, a WooCommerce theme's review list with a shop reply, a site builder's quote blocks, a Shopify
store's Judge.me carousel): the general rules they needed, each on synthetic markup (invented names and
texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://studio.example/") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


def _authors(result: dict) -> list:
    return [r["author"] for r in result["reviews"]]


# -- a signature of three lines in an element named for the author --------------------------

def _carousel_slide(text: str, signature: str) -> str:
    return (f'<li class="testimonial_content"><div class="testimonial_content_inner">'
            f'<div class="testimonial_image_holder"><img src="/p/{len(text)}.jpg"></div>'
            f'<div class="testimonial_text_holder"><div class="testimonial_text_inner">'
            f'<p>{text}</p><p class="testimonial_author">{signature}</p></div></div></div></li>')


def test_author_element_with_name_role_and_company_lines_names_the_first_line():
    slides = [
        _carousel_slide("The studio rebuilt our shop in three weeks and every page loads fast now.",
                        "Mira Okonkwo<br />Head of Marketing<br />Lantern Tea"),
        _carousel_slide("Clear estimates, friendly calls every Friday and a launch without surprises.",
                        "Tobias Renn<br />Founder<br />Renn Bicycles"),
        _carousel_slide("They still answer our questions a year after the site went live.", "Ines Baltazar"),
    ]
    result = _run(f'<div class="testimonials_c_holder"><ul class="slides">{"".join(slides)}</ul></div>')
    assert _authors(result) == ["Mira Okonkwo", "Tobias Renn", "Ines Baltazar"]


def test_text_broken_into_lines_is_no_signature_outside_an_author_element():
    # a review's own lines, "Great<br>…": no name taken from its first line (the guard: only an
    # element named for the author reads NAME<br>ROLE<br>COMPANY)
    cards = "".join(f'<div class="testimonial"><div class="star-rating" role="img" aria-label="Rated 5 out of 5">'
                    f'<span style="width:100%"></span></div><p>Great<br>Loved the fitting so {w} and done on time<br>Would book again</p>'
                    f'<div><b>{n}</b> &middot; 12 May 2024</div></div>'
                    for w, n in (("quick and tidy", "Pia Lund"), ("warm and careful", "Oren Sade")))
    result = _run(f'<section class="testimonials">{cards}</section>')
    assert _authors(result) == ["Pia Lund", "Oren Sade"]


# -- a signer's company in a span of its own after the name ---------------------------------

def _quote(text: str, name: str, company: str) -> str:
    return (f'<li><blockquote><img src="/p/{len(name)}.jpg" alt="">'
            f'<div class="text"><p>{text}</p><div class="who"><p>\n- {name}\t\t<span class="company">, {company}</span>\n'
            f'</p></div></div></blockquote></li>')


def test_company_span_after_the_signers_name_is_no_name():
    quotes = [
        _quote("Building forms used to take me an afternoon; now my clients do it themselves in minutes.",
               "Hal Brennan", "Brennan Web Studio LLC"),
        _quote("The templates saved our small team hours every week, and support answered within the hour.",
               "Yuki Amari", "Amari Bakery"),
    ]
    result = _run(f'<section class="testimonials"><div class="slider"><ul>{"".join(quotes)}</ul></div></section>')
    assert _authors(result) == ["Hal Brennan", "Yuki Amari"]


def test_job_title_first_in_the_author_line_still_gives_no_name():
    # the guard: "<span class=jobTitle>Current Employee - Analyst</span> in <span>City</span>" names
    # no person (a role first: the whole line is read, and an employee's status is no name)
    rows = "".join(
        f'<li class="empReview"><h2 class="summary">&quot;{t}&quot;</h2>'
        f'<span class="rating" title="{r}.0"></span>'
        f'<div class="author"><span class="authorInfo"><span class="authorJobTitle reviewer">Current Employee - {job}</span>'
        f'<span class="middle"> in </span><span class="authorLocation">{town}</span></span></div>'
        f'<p class="mainText">{body}</p></li>'
        for t, r, job, town, body in (
            ("Fair pay", 4, "Analyst", "Leeds", "Flexible hours and a kind team, though promotions are slow to come."),
            ("Busy but fun", 3, "Designer", "York", "Plenty of projects to learn from and a canteen that is cheap."),
        ))
    result = _run(f'<ol class="empReviews">{rows}</ol>')
    assert len(result["reviews"]) == 2
    assert _authors(result) == [None, None]


# -- a quote's credit line naming its source at length --------------------------------------

def _quote_block(block_id: str, text: str, credit: str) -> str:
    return (f'<div class="sqs-block quote-block sqs-block-quote" id="{block_id}"><div class="sqs-block-content">'
            f'<figure><blockquote><span>&#147;</span>{text}<span>&#148;</span></blockquote>'
            f'<figcaption class="source">&mdash; {credit}</figcaption></figure></div></div>')


def test_dash_credit_longer_than_a_name_line_gives_the_name_before_the_comma():
    blocks = [
        _quote_block("block-a", "A patient, generous debut that stays with you long after the last page.",
                     "Nora Feld, The Evening Courier"),
        _quote_block("block-b", "Tender and sharp at once; the most assured first novel of the season.",
                     "Pavel Iskra and Tessa Moor, Weekend Review \u201cTwenty Books We Cannot Wait to Read This Spring\u201d"),
    ]
    result = _run(f'<section id="quotes"><div class="col">{"".join(blocks)}</div></section>')
    assert _authors(result) == ["Nora Feld", "Pavel Iskra and Tessa Moor"]
    assert result["reviews"][1]["body"] == "Tender and sharp at once; the most assured first novel of the season."


# -- a quote block drawn like a group of two, alone in another column ------------------------

def test_lone_quote_block_drawn_like_a_group_elsewhere_is_a_review_too():
    hero = (f'<div class="row"><div class="col col-4">'
            f'{_quote_block("block-h", "Funny, wise and impossible to put down; I read it in one sitting.", "Lena Vos")}'
            f'</div><div class="col col-8"><p>The novel follows a small town through one long winter.</p></div></div>')
    section = (f'<section id="quotes"><div class="col">'
               f'{_quote_block("block-a", "A patient, generous debut that stays with you long after the last page.", "Nora Feld")}'
               f'{_quote_block("block-b", "Tender and sharp at once; the most assured first novel of the season.", "Pavel Iskra")}'
               f'<p><a href="/reviews">Read more reviews</a></p></div></section>')
    result = _run(hero + section)
    assert _authors(result) == ["Lena Vos", "Nora Feld", "Pavel Iskra"]
    assert result["reviews"][0]["body"].startswith("Funny, wise")


# -- a lone rated review inside the box of a product's reviews, with the shop's reply --------

def _reviews_box(reply: str) -> str:
    return (f'<div class="shop-single-reviews"><div id="reviews" class="woocommerce-Reviews"><div id="comments">'
            f'<h2 class="woocommerce-Reviews-title">1 review for <span>Canvas Tote</span></h2>'
            f'<ol class="commentlist"><li class="review even thread-even depth-1" id="li-comment-8">'
            f'<div id="comment-8" class="comment_container"><img class="avatar" src="/a.png" alt="">'
            f'<div class="comment-text"><p class="meta"><strong class="woocommerce-review__author">Dana Whitlow </strong>'
            f'<span class="woocommerce-review__dash">&ndash;</span> '
            f'<time class="woocommerce-review__published-date" datetime="2024-05-02T10:00:00+00:00">May 2, 2024</time></p>'
            f'<div class="star-rating" role="img" aria-label="Rated 4 out of 5"><span style="width:80%">Rated '
            f'<strong class="rating">4</strong> out of 5</span></div>'
            f'<div class="description"><p>Sturdy stitching and roomy enough for a laptop and lunch.</p></div></div></div>'
            f'{reply}</li></ol></div></div></div>')


_REPLY = ('<ul class="children"><li class="comment byuser comment-author-shop odd alt depth-2" id="li-comment-9">'
          '<div id="comment-9" class="comment_container"><img class="avatar" src="/b.png" alt="">'
          '<div class="comment-text"><p class="meta"><strong class="woocommerce-review__author">Shop Team </strong>'
          '<span class="woocommerce-review__dash">&ndash;</span> '
          '<time class="woocommerce-review__published-date" datetime="2024-05-02T11:00:00+00:00">May 2, 2024</time></p>'
          '<div class="description"><p>Thank you, we are glad the tote fits your day!</p></div></div></div></li></ul>')


def test_lone_review_in_a_box_named_for_the_reviews_leaves_the_shops_reply_out():
    result = _run(_reviews_box(_REPLY))
    assert len(result["reviews"]) == 1
    review = result["reviews"][0]
    assert review["body"] == "Sturdy stitching and roomy enough for a laptop and lunch."
    assert (review["author"], review["rating"], review["published_at"]) == ("Dana Whitlow", 4.0, "2024-05-02")


def test_lone_review_in_a_reviews_box_is_no_summary_for_its_heading():
    # without a reply too: the box's heading "1 review for …" (a count) made the whole box read as
    # the product's summary, and no review was found
    review = _run(_reviews_box(""))["reviews"][0]
    assert (review["body"], review["author"], review["rating"]) == (
        "Sturdy stitching and roomy enough for a laptop and lunch.", "Dana Whitlow", 4.0)


# -- a blog's dated teasers beside a testimonial slider ---------------------------------------

def _teaser(day: str, title: str, excerpt: str) -> str:
    return (f'<li><div class="showcase-thumb"><a href="/{title[:8]}/"><img src="/t.png" alt="{title}"></a></div>'
            f'<div class="blog-showcase-extra-info"><time datetime="{day}"><a href="/{day[:7]}/">{day}</a></time>'
            f'<a class="blog-showcase-title" href="/{title[:8]}/">{title}</a><div class="the-excerpt">{excerpt} [...]</div>'
            f'<a href="/{title[:8]}/" class="blog-showcase-more">Read more</a></div></li>')


def test_blog_teasers_with_read_more_are_no_reviews_beside_a_testimonial_slider():
    items = "".join(f'<li class="testimonial-item"><div class="testimonial-content"><p class="testimonial-quote">{q}</p></div>'
                    f'<span class="testimonial-author">{n}</span><span class="testimonial-company">{c}</span></li>'
                    for q, n, c in (
                        ("Our month-end close now takes two days instead of five, and nobody misses the spreadsheets.",
                         "Rhea Tamsin, CPA", "Tamsin &amp; Ward LLP"),
                        ("Clients sign and pay from one link; we stopped chasing paper forms entirely this season.",
                         "Gideon Lark", "Lark Tax Services")))
    teasers = "".join(_teaser(d, t, e) for d, t, e in (
        ("2023-06-07", "Our product wins a regional innovation award",
         "We are proud to announce that the judges named our portal the most useful new tool for small firms"),
        ("2022-10-07", "A guide to choosing practice software",
         "Our partners published a step-by-step guide for firms comparing document tools before the busy season")))
    page = (f'<h3>Thousands of happy customers</h3><div class="testimonial-slider"><ul class="slides">{items}</ul></div>'
            f'<h3>Recent Posts</h3><div class="mk-blog-showcase front-blog"><ul>{teasers}</ul></div>')
    result = _run(page)
    assert _authors(result) == ["Rhea Tamsin", "Gideon Lark"]


def test_dated_comments_in_a_blog_box_without_read_more_stay_reviews():
    # the guard: a blog post's readers' notes (dated, "Reply" links, no read-more link, named for no review: only
    # their dates find them) are still read
    comments = "".join(f'<li class="note"><div class="note-author">{n}</div>'
                       f'<time datetime="{d}">{d}</time><p>{t}</p><a class="reply" href="#c{i}">Reply</a></li>'
                       for i, (n, d, t) in enumerate((
                           ("Ola Brenn", "2024-03-02", "Tried the recipe twice now and the crust came out crisp both times."),
                           ("Sami Vuor", "2024-03-05", "Halved the sugar and it was still plenty sweet for our family."))))
    result = _run(f'<div class="blog-post"><h1>Rye bread</h1><p>Recipe text.</p>'
                  f'<ol class="blog-notes">{comments}</ol></div>')
    assert _authors(result) == ["Ola Brenn", "Sami Vuor"]
