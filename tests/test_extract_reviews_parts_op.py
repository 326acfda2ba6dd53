"""Review extraction: the rules parts O (Allegro-, Digikala-, Pigu-, Shopify App Store-,
Tripadvisor-, Amazon.com.mx-style pages), P (Trustpilot, Google Maps, 220.lv, eMAG.bg,
Gigatron, BBB), Q (Trustindex, Galaxus, Tabelog, Expedia, AlloCiné, Yell), R (Dianping, two
WordPress plugins, Kinopoisk, ProvenExpert), S (Zoover, Opineo, Hepsiburada, a definition
list, mobile.de) and T (Conrad, Amazon.fr, Google Shopping, Bol.com) of the corpus taught, each on a small page or a single normaliser besides the saved pages of
test_extract_reviews.py."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import _count_in
from crawlers.extract.reviews_body import VERIFIED
from crawlers.extract.reviews_authors import name_like
from crawlers.extract.reviews_normalize import rating_from_text, to_number
from crawlers.extract.reviews_dates import find_date_text, jalali_to_gregorian, parse_date
from crawlers.extract.reviews_votes import helpful_votes
from crawlers.extract.reviews_widgets import rating_of

TEXT = "A long enough review text about the earbuds, the case and the battery life, number {i}."


def _votes(text: str) -> int | None:
    return helpful_votes(lxml.html.fromstring(f"<div><p>Text.</p><div>{text}</div></div>"))


def test_scale_words_of_every_language_in_labels():
    # a label says it is a rating with the scale word of its language: "ocena 4 z 5"
    assert rating_of(lxml.html.fromstring('<div role="img" aria-label="ocena 4 z 5"><svg></svg></div>')) == 4.0
    assert rating_of(lxml.html.fromstring('<div role="img" aria-label="4 av 5"><svg></svg></div>')) == 4.0
    assert rating_of(lxml.html.fromstring('<div role="img" aria-label="4 of 5 bubbles"><svg></svg></div>')) == 4.0


def test_utility_classes_shared_with_the_block_are_no_reply():
    # Allegro's atomic CSS: the header and the stars share the block's "mpof_ki"
    page = '<html lang="pl"><body><main>' + "".join(
        f'<div class="mpof_ki mp4t_0"><div class="mpof_ki myre_zn"><span>{name}</span><span>12.03.2024</span></div>'
        f'<div class="mpof_ki m389" role="img" aria-label="ocena {n} z 5"></div><p>{TEXT.format(i=i)}</p></div>'
        for i, (n, name) in enumerate([(5, "k***a"), (2, "m***k")])) + '</main></body></html>'
    got = extract_reviews(page, "https://a.example/")["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in got] == [
        ("k***a", 5.0, "2024-03-12"), ("m***k", 2.0, "2024-03-12")]
    # a nested block of the same shape with text of its own is still a reply, left out
    reply = '<div class="comment depth-1"><p>{t}</p><div class="comment depth-2"><p>Thanks a lot for your kind words, Linda!</p></div></div>'
    from crawlers.extract.reviews_fields import noise_elements
    block = lxml.html.fromstring(reply.format(t=TEXT.format(i=0)))
    assert [el.get("class") for el in noise_elements(block)] == ["comment depth-2"]


def test_counts_of_ratings_and_reviews_in_more_languages():
    assert _count_in("na podstawie 1\u00a0234 ocen i 312 recenzji") == 312  # the reviews, not the ratings
    assert _count_in("(123 atsiliepimai)") == 123 and _count_in("۳۱۲ دیدگاه".translate(str.maketrans("۳۱۲", "312"))) == 312
    assert _count_in("Overall rating 4.8 (1,234)") is None  # not "rating 4" of "rating 4.8"
    assert _count_in("Reviews (1,234)") == 1234


def test_persian_and_arabic_digits_and_solar_hijri_dates():
    assert rating_from_text("۴٫۵ از ۵") == 4.5 and to_number("۴٫۰") == 4.0 and to_number("٣") == 3.0
    # the date found is the original text's fragment, read in ASCII digits
    assert find_date_text("علی • ۲۲ اسفند ۱۴۰۲ • خریدار") == "۲۲ اسفند ۱۴۰۲"
    assert parse_date("۲۲ اسفند ۱۴۰۲") == "2024-03-12" and parse_date("۱ اردیبهشت ۱۴۰۳") == "2024-04-20"
    assert parse_date("12 اسفند 1402") == "2024-03-02"
    # Nowruz of four years, and the 30th Esfand of leap years 1399 and 1403
    assert [jalali_to_gregorian(y, 1, 1) for y in (1399, 1400, 1403, 1404)] == [
        (2020, 3, 20), (2021, 3, 21), (2024, 3, 20), (2025, 3, 21)]
    assert jalali_to_gregorian(1399, 12, 30) == (2021, 3, 20) and jalali_to_gregorian(1403, 12, 30) == (2025, 3, 20)
    assert jalali_to_gregorian(1402, 7, 1) == (2023, 9, 23)  # the first 30-day month


def test_persian_review_fields():
    page = '<html lang="fa"><body><main dir="rtl">' + "".join(
        f'<article class="comment-item"><div class="comment-item__rate">{score}</div><p class="comment-item__title">عالی بود</p>'
        f'<div><span>{date}</span><span>•</span><span>{name}</span><span class="badge">خریدار</span></div>'
        f'<p>نصب فقط ۱۰ دقیقه طول کشید و پشتیبانی در همان روز به همه سوال‌هایم پاسخ داد. {i}</p>'
        f'<div>آیا این دیدگاه مفید بود؟ <button>بله {votes}</button><button>خیر ۰</button></div></article>'
        for i, (score, date, name, votes) in enumerate(
            [("۵٫۰", "۲۲ اسفند ۱۴۰۲", "علی رضایی", "۱۲"), ("۲٫۰", "۲۰ بهمن ۱۴۰۲", "مریم", "۰"),
             ("۴٫۰", "۱ اردیبهشت ۱۴۰۳", "رضا", "۳")])) + '</main></body></html>'
    got = extract_reviews(page, "https://d.example/")["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["verified"], r["helpful_votes"]) for r in got] == [
        ("علی رضایی", 5.0, "2024-03-12", True, 12), ("مریم", 2.0, "2024-02-09", True, 0),
        ("رضا", 4.0, "2024-04-20", True, 3)]
    assert all("۱۰ دقیقه" in r["body"] for r in got)  # the text keeps its digits as written
    assert name_like("علی رضایی") and name_like("אבי כהן") and not name_like("great value")


def test_lithuanian_spanish_and_norwegian_votes_and_flags():
    assert _votes("Ar atsiliepimas naudingas? <a>Taip (3)</a> <a>Ne (0)</a>") == 3
    assert _votes("A 23 personas les resultó útil") == 23 and _votes("A una persona le resultó útil") == 1
    assert _votes("Var denne anmeldelsen nyttig? <button>Ja (4)</button> <button>Nei (1)</button>") == 4
    assert VERIFIED.search("Patvirtintas pirkimas") and VERIFIED.search("Zakup potwierdzony")
    assert VERIFIED.search("خریدار") and not VERIFIED.search("به خریداران توصیه می‌کنم")  # "to buyers" in a text


def test_store_names_and_type_size_classes():
    # Shopify App Store: the store's name in a "tw-text-heading-xs" line is the author, no title
    page = '<html lang="en"><body><main><section>' + "".join(
        f'<div class="rv"><div class="tw-flex"><div class="tw-text-body-xs">March 12, 2024</div>'
        f'<div aria-label="{n} out of 5 stars" role="img"></div><p>{TEXT.format(i=i)}</p></div>'
        f'<div class="tw-order-1"><div class="tw-text-heading-xs" title="{name}">{name}</div><div>Canada</div>'
        f'<div>About 1 year using the app</div></div></div>'
        for i, (n, name) in enumerate([(5, "Maple &amp; Oak Co."), (3, "Blue Bottle Goods")]))
    page += ('<div class="tw-flex"><h3>Overall rating</h3><span>4.8</span><div aria-label="4.8 out of 5 stars" '
             'role="img"></div><span>(1,234)</span></div></section></main></body></html>')
    out = extract_reviews(page, "https://apps.example/")
    assert [(r["author"], r["title"], r["rating"], r["published_at"]) for r in out["reviews"]] == [
        ("Maple & Oak Co.", None, 5.0, "2024-03-12"), ("Blue Bottle Goods", None, 3.0, "2024-03-12")]
    assert out["aggregate"] == {"rating": 4.8, "count": 1234}  # the summary is no review


def test_svg_titles_labels_by_id_and_a_notice_on_every_review():
    notice = ("This review is the subjective opinion of a member and not of the site. We check reviews as part of "
              "our trust and safety standards.")
    page = '<html lang="en"><body><main>' + "".join(
        f'<div class="_c"><a href="/Profile/u{i}">{name}</a>'
        + (f'<svg viewBox="0 0 128 24"><title>{n}.0 of 5 bubbles</title><path d="M0 0"></path></svg>' if i % 2 == 0 else
           f'<svg viewBox="0 0 128 24" aria-labelledby="l{i}"><path d="M0 0"></path></svg><span id="l{i}" hidden>{n}.0 of 5 bubbles</span>')
        + f'<div><span>{TEXT.format(i=i)}</span></div><div>Written April 2, 2024</div><div>{notice}</div></div>'
        for i, (n, name) in enumerate([(4, "Linda"), (3, "Mike Thompson"), (1, "Tom B.")])) + '</main></body></html>'
    got = extract_reviews(page, "https://t.example/")["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in got] == [
        ("Linda", 4.0, "2024-04-02"), ("Mike Thompson", 3.0, "2024-04-02"), ("Tom B.", 1.0, "2024-04-02")]
    assert [r["body"] for r in got] == [TEXT.format(i=i) for i in range(3)]
    # two reviews with the same long text keep it: a notice must recur in three blocks or more
    same = page.replace(notice, "").replace(TEXT.format(i=1), TEXT.format(i=0))
    assert [r["body"] for r in extract_reviews(same, "https://t.example/")["reviews"]] == [
        TEXT.format(i=0), TEXT.format(i=0), TEXT.format(i=2)]


# -- part P: Trustpilot (French), Google Maps (French), 220.lv, eMAG.bg, Gigatron, BBB ----------

def test_part_p_dates_counts_votes_and_flags():
    assert parse_date("12 март 2024", lang="bg") == "2024-03-12" and parse_date("30 януари 2024") == "2024-01-30"
    assert parse_date("12. март 2024.", lang="sr") == "2024-03-12" and parse_date("26. фебруар 2024.") == "2024-02-26"
    assert parse_date("3. avgust 2023.", lang="sr") == "2023-08-03"
    assert rating_from_text("Оценка: 4 от 5") == 4.0 and rating_from_text("Оцена: 4 од 5") == 4.0
    assert rating_from_text("4,5 no 5") == 4.5
    assert _count_in("4,5 no 5 87 atsauksmes") == 87 and _count_in("(231 ревюта)") == 231
    assert _count_in("56 рецензија") == 56
    assert _votes("Полезно ли беше? <button>Да (3)</button> <button>Не (0)</button>") == 3
    assert _votes("Корисно? <a>Да (5)</a> <a>Не (0)</a>") == 5
    assert VERIFIED.search("Потвърдена покупка") and VERIFIED.search("Apstiprināts pirkums")


def test_part_p_hidden_author_prefix_and_a_dated_label():
    # BBB: "Review from" for screen readers in the heading before the name; "Date: 03/12/2024"
    page = '<html lang="en-US"><body><main><ul>' + "".join(
        f'<li class="card"><h3><span class="visually-hidden">Review from</span><a href="/us/profile/r{i}">{name}</a></h3>'
        f'<div><span class="visually-hidden">{n} star</span></div><p>Date: 03/1{i}/2024</p><div><p>{TEXT.format(i=i)}</p></div></li>'
        for i, (n, name) in enumerate([(1, "Daniel"), (2, "Tom B.")])) + '</ul></main></body></html>'
    got = extract_reviews(page, "https://b.example/")["reviews"]
    assert [(r["author"], r["title"], r["rating"], r["published_at"]) for r in got] == [
        ("Daniel", None, 1.0, "2024-03-10"), ("Tom B.", None, 2.0, "2024-03-11")]


def test_part_p_page_count_not_read_from_a_review():
    # Google Maps: the summary's count is "(1 234)"; a reviewer's "45 avis" further down is not it
    page = ('<html lang="fr"><body><main><h1>Acme</h1><div class="F7nice"><span aria-hidden="true">4,6</span>'
            '<span role="img" aria-label="4,6 étoiles"></span><span>(1\u00a0234)</span></div><div role="feed">' + "".join(
                f'<div class="r"><div>{name}</div><div>Local Guide · 45 avis · 120 photos</div>'
                f'<span role="img" aria-label="{n} étoiles"></span><span>il y a 2 semaines</span><div><span>{TEXT.format(i=i)}'
                f'</span></div></div>' for i, (n, name) in enumerate([(5, "Camille D."), (2, "Julien M.")]))
            + '</div></main></body></html>')
    out = extract_reviews(page, "https://m.example/", now=datetime(2024, 5, 1, tzinfo=timezone.utc))
    assert out["aggregate"] == {"rating": 4.6, "count": 1234}
    assert [(r["author"], r["rating"], r["published_at"]) for r in out["reviews"]] == [
        ("Camille D.", 5.0, "2024-04-17"), ("Julien M.", 2.0, "2024-04-17")]


# -- part Q: Trustindex, Galaxus, Tabelog, Expedia, AlloCiné, Yell -----------------------------

def test_part_q_icons_counts_and_votes():
    row = '<span class="ti-stars">' + '<span class="ti-star f"></span>' * 4 + '<span class="ti-star e"></span></span>'
    assert rating_of(lxml.html.fromstring(row)) == 4.0  # Trustindex: f(ull) and e(mpty)
    # AlloCiné: the parts of a "stareval" holding text are no star icons ("4,1" is the score)
    widget = ('<div class="stareval"><div class="stareval-stars">' + '<span class="star icon-full"></span>' * 4
              + '<span class="star icon-empty"></span></div><span class="stareval-note">4,1</span>'
              '<span class="stareval-review">1 234 notes dont 312 critiques</span></div>')
    assert rating_of(lxml.html.fromstring(widget)) != 3.0
    # icons that hold a screen reader's word and no figure are still icons
    row = ('<div class="stars">' + '<span class="star full"><span class="sr-only">Full star</span></span>' * 3
           + '<span class="star empty"><span class="sr-only">Empty star</span></span>' * 2 + '</div>')
    assert rating_of(lxml.html.fromstring(row)) == 3.0
    assert _count_in("1\u00a0234 notes dont 312 critiques") == 312 and _count_in("1'234 Bewertungen") == 1234
    assert _votes('<button aria-label="Hilfreich">👍 12</button>') == 12
    assert _votes("<p>Great sound 👍 10/10, would buy again without a second thought.</p>") is None  # in a text


def test_part_q_scores_with_a_verdict_and_name_headings():
    assert rating_of(lxml.html.fromstring('<h4 class="uitk-heading">8/10 Very good</h4>')) == 4.0
    assert rating_of(lxml.html.fromstring('<h4 class="uitk-heading">3/10</h4>')) is None  # no verdict: a date?
    page = '<html lang="en"><body><main><section>' + "".join(
        f'<article class="card"><h4 class="h5">{score}</h4><div><h4 class="h7">{name}</h4></div><div>Mar 1{i}, 2024</div>'
        f'<div>Liked: Cleanliness, staff &amp; service</div><div><span>{TEXT.format(i=i)}</span></div></article>'
        for i, (score, name) in enumerate([("10/10 Excellent", "Sarah K."), ("4/10 Poor", "Tom B.")]))
    page += '</section></main></body></html>'
    got = extract_reviews(page, "https://e.example/")["reviews"]
    assert [(r["author"], r["title"], r["rating"], r["published_at"]) for r in got] == [
        ("Sarah K.", None, 5.0, "2024-03-10"), ("Tom B.", None, 2.0, "2024-03-11")]
    # where the stars are no heading, a Title Case heading followed by the date stays the title
    page = '<html lang="en"><body><main>' + "".join(
        f'<div class="rv"><div class="stars" aria-label="{n} out of 5 stars"></div><h3>Great Product</h3>'
        f'<div>March {i + 3}, 2024</div><p>{TEXT.format(i=i)}</p></div>' for i, n in enumerate([5, 4])) + '</main></body></html>'
    assert [r["title"] for r in extract_reviews(page, "https://e.example/")["reviews"]] == ["Great Product"] * 2


def test_part_q_a_lone_star_beside_the_score_and_a_name_link_called_title():
    page = ('<html lang="de"><body><main><div><span>4.6</span> <span aria-hidden="true">★</span> '
            "<span>1'234 Bewertungen</span></div>" + "".join(
                f'<article><div role="img" aria-label="{n} von 5 Sternen"></div><div class="meta-title">'
                f'<a href="/membre-Z{i}/">{name}</a></div><p>{TEXT.format(i=i)}</p></article>'
                for i, (n, name) in enumerate([(5, "Markus W."), (3, "Julia S.")])) + '</main></body></html>')
    out = extract_reviews(page, "https://g.example/")
    assert out["aggregate"] == {"rating": 4.6, "count": 1234}
    assert [(r["author"], r["title"], r["rating"]) for r in out["reviews"]] == [
        ("Markus W.", None, 5.0), ("Julia S.", None, 3.0)]


# -- part R: Dianping, WordPress plugins, Kinopoisk, ProvenExpert -------------------------------

def test_part_r_class_stars_sub_scores_and_labels():
    assert rating_of(lxml.html.fromstring('<span class="sml-rank-stars sml-str40 star"></span>')) == 4.0
    page = '<html lang="zh-CN"><body><main><ul>' + "".join(
        f'<li><div class="main-review"><a class="name" href="/member/{i}">{name}</a><div class="review-rank">'
        f'<span class="sml-rank-stars sml-str{n}0 star"></span><span class="score"><span class="item">口味：4.5</span>'
        f'<span class="item">环境：4.0</span><span class="item">人均：88元</span></span></div>'
        f'<div class="review-words">环境很好，服务员态度热情，上菜也快。招牌烤肉外焦里嫩，下次还会再来。{i}</div>'
        f'<span class="time">2024-03-1{i} 18:23</span></div></li>' for i, (n, name) in enumerate([(4, "阿杰"), (2, "吃货小王")]))
    page += '</ul></main></body></html>'
    got = extract_reviews(page, "https://d.example/")["reviews"]
    body = "环境很好，服务员态度热情，上菜也快。招牌烤肉外焦里嫩，下次还会再来。"  # (as the page shows it)
    assert [(r["author"], r["rating"], r["published_at"], r["body"]) for r in got] == [
        ("阿杰", 4.0, "2024-03-10", body + "0"), ("吃货小王", 2.0, "2024-03-11", body + "1")]
    assert _votes("Полезна ли рецензия? <a>Да</a> / <a>Нет</a> <b>12 / 3</b>") == 12
    assert _count_in("1\u00a0234 рецензии") == 1234 and VERIFIED.search("Verifizierte Bewertung")


# -- part S: Zoover, Opineo, Hepsiburada, a definition list, mobile.de --------------------------

def test_part_s_definition_lists_and_a_label_on_every_review():
    page = '<html lang="en"><body><main><dl class="reviews">' + "".join(
        f'<dt><strong>{name}</strong> — {d} March 2024 — <span class="stars">{"★" * n}{"☆" * (5 - n)}</span></dt>'
        f'<dd><p>{TEXT.format(i=i)}</p></dd>' for i, (name, d, n) in enumerate([("Linda", 12, 5), ("Tom B.", 3, 2)]))
    page += '</dl></main></body></html>'
    got = extract_reviews(page, "https://l.example/")["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["body"]) for r in got] == [
        ("Linda", 5.0, "2024-03-12", TEXT.format(i=0)), ("Tom B.", 2.0, "2024-03-03", TEXT.format(i=1))]
    # the same line above the text on every review (a topic: "Fahrzeugkauf") is no title
    page = '<html lang="de"><body><main>' + "".join(
        f'<div class="r"><span class="v">{n} von 5</span><span>Bewertung vom 1{i}.03.2024</span><div>Fahrzeugkauf</div>'
        f'<p>{TEXT.format(i=i)}</p><div class="author">{name}</div></div>'
        for i, (n, name) in enumerate([(5, "Markus W."), (3, "Julia S."), (1, "Thomas K.")])) + '</main></body></html>'
    got = extract_reviews(page, "https://m.example/")["reviews"]
    assert [(r["title"], r["rating"], r["author"]) for r in got] == [
        (None, 5.0, "Markus W."), (None, 3.0, "Julia S."), (None, 1.0, "Thomas K.")]
    assert _votes("Czy ta opinia była pomocna? <a>Tak (3)</a> <a>Nie (0)</a>") == 3


# -- part T: Conrad, Amazon.fr, Google Shopping, Bol.com -----------------------------------------

def test_part_t_name_and_date_line_after_an_unnamed_title():
    # Google Shopping: an unnamed title line beside the stars, then "Emma W. · March 12, 2024"
    page = '<html lang="en"><body><main>' + "".join(
        f'<div class="z6"><div class="Uz" aria-label="Rated {n} out of 5," role="img"></div><div class="P3">{title}</div>'
        f'<div class="ff">{name} · March 1{i}, 2024</div><div class="g1"><div>{TEXT.format(i=i)}</div></div>'
        f'<div class="sP">Review provided by <span>walmart.com</span></div></div>'
        for i, (n, title, name) in enumerate([(4, "Great for small teams", "Emma W."), (1, "Too many bugs lately", "Daniel")]))
    page += '</main></body></html>'
    got = extract_reviews(page, "https://s.example/")["reviews"]
    assert [(r["author"], r["title"], r["rating"], r["published_at"]) for r in got] == [
        ("Emma W.", "Great for small teams", 4.0, "2024-03-10"), ("Daniel", "Too many bugs lately", 1.0, "2024-03-11")]
    assert _votes("Une personne a trouvé cela utile") == 1 and _votes("12 personnes ont trouvé cela utile") == 12
    assert VERIFIED.search("Geprüfter Kauf")
