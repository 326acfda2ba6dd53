"""Batch 43 of real pages (tutoring and lesson marketplaces' home pages, 2018): a read-more
whose hidden rest is named with the toggle's words and cut mid-word, a testimonial signed
"NAME from TOWN", the items of a carousel named for reviews (BEM "…__item"), a list named
for testimonials whose rows are bare <li>, a camelCase place line, a quote box signed by its
first line above the quote, quotes signed "— NAME" in cards named for nothing, and a blog's
dated links beside them: the general rules they needed, each on synthetic markup (invented
names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_bylines import without_home_town
from crawlers.extract.reviews_sections import review_item_class
from crawlers.extract.reviews_teasers import dated_link
from crawlers.extract.reviews_toggles import read_more_rest
from lxml import html as lxml_html

NOW = datetime(2018, 3, 20, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://lessons.example/") -> dict:
    html = f"<html lang='en'><head><meta charset='utf-8'></head><body><main>{body}</main></body></html>"
    return extract_reviews(html, url, now=NOW)


def _el(markup: str):
    return lxml_html.fragment_fromstring(markup)


# -- a read-more's hidden rest, named with the toggle's words, cut mid-word ------------------------

_STAR = '<span class="icon-star"></span>'


def _lesson_review(name, shown, rest, rid):
    if rest is None:
        content = f'<div class="Content">"{shown}"</div>'
    else:
        content = (f'<div class="Content"><input type="checkbox" class="ReadMoreState" id="rm{rid}">'
                   f'<span class="ReadMoreWrap">"{shown}<div class="ReadMoreTarget">{rest}"</div>'
                   f'<div class="ReadMoreEllipsis">...</div><label for="rm{rid}" class="ReadMoreTrigger"></label></span></div>')
    return (f'<div class="Review"><div class="Rating"><div class="Stars">{_STAR * 5}'
            f'<div class="Full" style="width: 80%">{_STAR * 5}</div></div></div>'
            f'<div class="ByName">Review by {name}</div>{content}'
            f'<div class="ProviderInfo"><div class="Text">Springfield teacher: <span class="ProviderName">Pat Q.</span></div></div></div>')


LESSON_REVIEWS = (
    ("Mira", "The lessons were patient and clear and I can now play three songs that I always wanted to le", "arn by ear."),
    ("Oskar", "We practised scales every week and the progress surprised the whole family, even my gr", "andmother."),
    ("Lena", "Good first lesson, friendly and on time.", None),
)


def test_read_more_rest_is_text_joined_at_the_cut():
    page = "".join(_lesson_review(n, s, r, i) for i, (n, s, r) in enumerate(LESSON_REVIEWS))
    got = _run(f'<section class="StudentReviews"><h3>Lesson Reviews from Students</h3>{page}</section>')["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in got] == [
        (n, 4.0, s + (r or "")) for n, s, r in LESSON_REVIEWS]


def test_read_more_rest_not_its_toggle_or_ellipsis():
    assert read_more_rest(_el('<div class="ReadMoreTarget">ork on it.</div>'))
    assert read_more_rest(_el('<div class="read-more__content">and the rest</div>'))
    assert not read_more_rest(_el('<div class="ReadMoreEllipsis">...</div>'))
    assert not read_more_rest(_el('<div class="read-more-target">Read more</div>'))
    assert not read_more_rest(_el('<a class="read-more-link" href="#">the whole review</a>'))
    assert not read_more_rest(_el('<div class="readmore">on it.</div>'))  # (the toggle's own name, no part's)


# -- a testimonial signed "NAME from TOWN" ------------------------------------------------------------

QUOTES = (
    ("My tutor made statistics finally make sense before the final exam this spring.", "Ilse", "Portville, OR"),
    ("Two sessions a week were enough to bring the essay grades up a whole letter.", "Bram", "Lakeside, NM"),
    ("We found a patient chemistry tutor within a day and the grades followed.", "Nadia", "Hillcrest, VT"),
)


def test_testimonial_signer_without_home_town():
    figs = "".join(f'<figure class="quote"><blockquote class="spc">{q}</blockquote>'
                   f'<figcaption><span class="text-semibold">{n}</span> from {t}</figcaption></figure>' for q, n, t in QUOTES)
    got = _run(f'<div class="testimonials-wrapper">{figs}</div>')["reviews"]
    assert [(r["author"], r["body"]) for r in got] == [(n, q) for q, n, _ in QUOTES]


def test_without_home_town():
    assert without_home_town("Marta from Eastfield") == "Marta"
    assert without_home_town("Jonas aus Köln") == "Jonas"
    assert without_home_town("Marta Ruiz") == "Marta Ruiz"
    assert without_home_town("Anna from accounting") == "Anna from accounting"  # (no town: a lower-case word)


# -- the items of a carousel named for reviews; a quote box signed by its first line ---------------

def _carousel_item(tutor, subject, parent, text):
    return (f'<div class="reviewcarousel__item"><img alt="{tutor} Tutor image" class="reviewcarousel__avatar" src="/t.png" />'
            f'<div class="reviewcarousel__user"><p class="reviewcarousel__name">{tutor}</p>'
            f'<p class="reviewcarousel__type">{subject}</p><div class="reviewcarousel__reviews"><p>40 sessions</p>'
            f'<img src="/stars.svg" /></div></div><div class="reviewcarousel__quote">'
            f'<p class="reviewcarousel__parent"><span>{parent}</span> Parent</p><p>"{text}"</p></div></div>')


CAROUSEL = (
    ("Tilde R", "Physics", "Agnes P.", "Our son walked into the physics exam calm for the first time this year."),
    ("Ravi K", "Maths", "Colm D.", "The weekly lessons turned a failing grade into a comfortable pass by June."),
)


def test_items_of_a_carousel_named_for_reviews_signed_inside_the_quote():
    items = "".join(_carousel_item(*c) for c in CAROUSEL)
    got = _run(f'<div class="reviewcarousel"><div class="reviewcarousel__wrapper slick2016">{items}</div></div>')["reviews"]
    assert [(r["author"], r["body"]) for r in got] == [(p, t) for _, _, p, t in CAROUSEL]


def test_review_item_class():
    assert review_item_class(_el('<div class="reviewcarousel__item"></div>'))
    assert review_item_class(_el('<li class="testimonials-slider__slide swiper-slide"></li>'))
    assert not review_item_class(_el('<div class="reviewcarousel__wrapper"></div>'))
    assert not review_item_class(_el('<div class="product-slider__item"></div>'))


# -- a list named for testimonials whose rows are bare <li>; a camelCase place line ------------------

TEACHERS = (
    ("Asha Menon", "Pune", "Yoga Tutor", "The site brought me steady students from my own neighbourhood within a month of joining."),
    ("Dev", "Kochi", "Guitar Tutor", "I found evening students quickly and the enquiries keep coming every single week."),
)


def test_bare_list_items_of_a_list_named_for_testimonials():
    lis = "".join(f'<li><div><img class="testiMem" src="/m.jpg"/><p class="testName">{n}</p><p class="testiPlace">{c}</p>'
                  f'<p class="testiheadline">{role}</p><p class="testidetail">{t}</p></div></li>' for n, c, role, t in TEACHERS)
    got = _run(f'<div class="grey"><h3>What tutors say</h3><ul id="teachers_testimonial">{lis}</ul>'
               f'<div class="panel borderTopTestimonial"><p>Reach more students</p><p>Join 1,000+ tutors and get enquiries!</p>'
               f'<a href="/join">JOIN</a></div></div>')["reviews"]
    assert [(r["author"], r["body"]) for r in got] == [(n, t) for n, _, _, t in TEACHERS]


# -- quotes signed "— NAME" in cards named for nothing; a blog's dated links ---------------------------

STUDENTS = (
    ("I raised my algebra grade from a D to a B in one term.", "Maya, 10th Grade, Ohio"),
    ("The tutors never gave up on me, even at midnight before the test.", "Theo, 8th Grade, Utah"),
    ("I finally understood how to structure an argument in my essays.", "Ines, 12th Grade, Maine"),
)


def test_quotes_signed_with_a_dash_beside_a_blogs_dated_links():
    cards = "".join(f'<div><div class="pull-left student-x">Student photo</div><div class="student-container">'
                    f'<p><em>"{q}"</em></p><p class="by-name">&mdash; {s}</p></div></div>' for q, s in STUDENTS)
    blog = "".join(f'<div><a href="https://blog.example/{i}/" class="topic-title">{t}</a><p class="by-name">{d}</p></div>'
                   for i, (t, d) in enumerate((("Five study habits that work", "31 days ago"),
                                               ("Why practice tests help", "2 months ago"))))
    got = _run(f'<div class="container"><h3>Our Students Love Us</h3>{cards}</div>'
               f'<div class="blog-section"><h3>Blog</h3>{blog}</div>')["reviews"]
    assert [(r["author"], r["body"]) for r in got] == [(s.split(",")[0], q) for q, s in STUDENTS]


def test_dated_link():
    assert dated_link(_el('<div><a href="/p/1">Five study habits that work</a><p>31 days ago</p></div>'))
    assert not dated_link(_el('<div><a href="/u/7">Maya</a><p>31 days ago</p><p>Great tutor, clear and kind.</p></div>'))
    assert not dated_link(_el('<div><p>Five study habits</p><p>31 days ago</p></div>'))
