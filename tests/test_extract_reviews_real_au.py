"""Batch 52 of real pages (Nordic, Dutch and Baltic review pages: a tech site's featured user
reviews, a film site's critic reviews, recipe comments, a price-comparison front page): the
general rules they needed, on synthetic markup (invented names, products and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2022, 3, 1, tzinfo=timezone.utc)
URL = "https://site.example/"


def _user_review(product: str, user: str, text: str, comments: int, votes: int, stars: int, more: str = "Lees verder") -> str:
    link = f"/productreview/{comments}{votes}/x.html"
    return (f'<div class="userReview"><div class="productThumb"><a href="{link}"><img src="/p{comments}.jpg"></a></div>'
            f'<div class="reviewContent"><div class="userInfo"><a href="/gallery/{votes}{comments}/" title="{user}" '
            f'class="thumb usericonsmall"><img src="/u.png" width=30 height=30 alt=""></a>'
            f'<h2 class="ellipsis"><a href="{link}">{product} review door {user}</a></h2></div>'
            f'<div class="userReviewDescription"><p><span class="arrow"></span>{text}... <a href="{link}">{more} &raquo;</a></p>'
            f'<p class="score"><a href="{link}#reacties" class="commentCount" title="{comments} reacties">{comments}</a> '
            f'<span title="Beoordeling van de review: +{votes}" class="scoreButton score{votes} ">+{votes}</span> '
            f'<a href="{link}"><span class="sprite scoreStars score{stars}0" title="Score: {stars}">Score: {stars}</span></a></p>'
            f'</div></div></div>')


def _featured(*cards: str) -> str:
    return ('<html><body><div class="fpItem" id="community"><div><h2>Uitgelichte gebruikersreviews</h2>'
            '<div class="communityReviews"><div>' + "".join(cards) + '</div></div></div></div></body></html>')


CARDS = [("Nimbus Kettle Pro", "kettlefan", "Kookt snel en stil, de deksel sluit goed en het snoer is lang genoeg voor "
          "onze keuken. Alleen de knop voelt wat goedkoop aan", 7, 1, 4),
         ("Orbit Desk Lamp", "lichtpuntje", "Het licht is warm en gelijkmatig, de arm blijft staan waar je hem zet "
          "en de voet neemt weinig ruimte in op het bureau", 12, 3, 4),
         ("Comet Router AX", "netwerkjan", "Het bereik is prima tot op zolder en de app is overzichtelijk, maar de "
          "eerste installatie duurde langer dan beloofd", 5, 2, 5)]


def test_a_signed_vote_tally_in_a_score_class_is_no_rating():
    # the readers' votes on each review ("+1" in class "score1") sit before the reviewer's stars
    got = extract_reviews(_featured(*(_user_review(*c) for c in CARDS)), URL, now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [4.0, 4.0, 5.0]


def test_the_counters_in_the_stars_row_are_no_text():
    # the row of the stars also prints the comment count and the vote tally ("7 +1")
    got = extract_reviews(_featured(*(_user_review(*c) for c in CARDS)), URL, now=NOW)["reviews"]
    assert [r["body"].split()[-1] for r in got] == ["aan...", "bureau...", "beloofd..."]


def test_a_heading_naming_the_item_then_its_reviewer_gives_the_author():
    # "PRODUCT review door NAME": the name follows the review word and its "by"
    got = extract_reviews(_featured(*(_user_review(*c) for c in CARDS)), URL, now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["kettlefan", "lichtpuntje", "netwerkjan"]
    assert all(r["title"] is None for r in got)


def test_read_more_toggles_in_dutch_and_nordic_languages_are_no_text():
    cards = [_user_review(*c[:5], c[5], more=m) for c, m in zip(CARDS, ["Lees verder", "Läs mer", "Lue lisää"])]
    got = extract_reviews(_featured(*cards), URL, now=NOW)["reviews"]
    assert [r["body"][-3:] for r in got] == ["...", "...", "..."]
    for word in ("Lees verder", "Läs mer", "Lue lisää", "Læs mere", "Les mer", "Loe edasi", "Lasīt vairāk", "Skaityti daugiau"):
        got = extract_reviews(_featured(_user_review(*CARDS[0][:5], CARDS[0][5], more=word)), URL, now=NOW)["reviews"]
        assert got[0]["body"].endswith("goedkoop aan..."), word


def _product_card(pid: int, name: str, category: str, reviews: int, grade: str, price: str) -> str:
    return (f'<li class="drg-sidebar"><div class="image"><a href="/produkt.php?p={pid}"><img src="/{pid}.jpg" alt="{name}">'
            f'</a></div><div class="data"><h4><a href="/produkt.php?p={pid}" class="js-popup">{name}</a></h4>'
            f'<h5><a href="/kategori.php?k={pid % 97}">{category}</a></h5><div><div class="grade">'
            f'<a href="/produkt.php?o={pid}" title="{reviews} omdömen"><img alt="{grade}" class="rating rating-{grade[-1]}" '
            f'src="/sp.gif"></a></div><div><span class="price">{price}</span></div></div></div></li>')


def test_a_card_of_a_category_and_a_nordic_price_is_no_review():
    # a price-comparison front page: products with their average, a category and "5 690:-" / "1.049,-"
    html = ('<html><body><div class="tabbed_box"><ul class="products">'
            + _product_card(41, "Nimbus Kettle 2", "Vattenkokare", 90, "4", "5&nbsp;690:-")
            + _product_card(42, "Orbit Desk Lamp", "Lampor", 12, "3", "799:-")
            + _product_card(43, "Comet Router AX", "Routrar", 31, "5", "1.049,-")
            + _product_card(44, "Pebble Speaker", "Högtalare", 8, "4", "349 kr")
            + '</ul></div></body></html>')
    assert extract_reviews(html, URL, now=NOW)["reviews"] == []


def _stars(n: int) -> str:
    return ("<ul class='mz_stars'>" + "<li class='mz_star_on'></li>" * n + "<li class='bright mz_star_off'></li>" * (5 - n)
            + "</ul><div class='clearfix'></div>")


def test_a_poster_card_of_a_work_and_its_year_is_no_review():
    critics = "".join(
        f'<a class="inner_article" href="/movies/m{i}#reviews"><div class="cover"></div><div class="badge movie">Film</div>'
        f'<div class="article_info"><div class="rating">{_stars(s)}</div><h3 class="movie_title">{film}: '
        f'<span class="review_title">{title}</span></h3><div class="lead">{lead}</div><div class="bottom">'
        f'<span class="writer">{writer}</span><span class="time"><time class="timeago" datetime="2021-11-0{i}T10:00:00+00:00">'
        f'11:00 0{i} Nov 2021</time></span></div></div></a>'
        for i, (film, title, lead, writer, s) in enumerate([
            ("Harbour Lights", "Quiet and tender", "A small coastal drama that trusts its actors and lets the long "
             "silences between the sisters do most of the work.", "Ada Berg", 3),
            ("Iron Orchard", "Loud but hollow", "The set pieces are enormous, yet by the third chase nobody on screen "
             "seems to care where the stolen map leads.", "Olle Dahl", 3),
            ("Paper Moons", "A gentle surprise", "An animated road trip about two paper cut-outs that is funnier and "
             "sadder than its trailer promised.", "Ines Vik", 3)], start=1))
    posters = "".join(
        f'<a class="review_info" href="/movies/p{i}#reviews"><div class="poster"></div><div class="title_rating_wrapper">'
        f'<h3 class="title"><div class="watchable_title_year">{name} <span class="year">({year})</span></div></h3>'
        f'<div class="rating">{_stars(s)}</div></div></a>'
        for i, (name, year, s) in enumerate([("The salt road", "2021", 2), ("Night ferry to Oslo", "2020-", 5),
                                            ("Glasträdgården", "2021", 4)]))
    html = ('<html><body><div id="reviews_home_widget"><h2 class="widget_title">Latest reviews</h2>'
            '<div class="articles_events_wrapper"><div class="articles_wrapper">' + critics + '</div><div class="events_wrapper">'
            '<div class="boxed popular_reviews_flex_wrapper"><div class="popular_reviews"><h2 class="title">Popular reviews</h2>'
            + posters + '</div></div></div></div></div></body></html>')
    got = extract_reviews(html, URL, now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Ada Berg", "Olle Dahl", "Ines Vik"]
    assert [r["rating"] for r in got] == [3.0, 3.0, 3.0]


def _comment(cid: int, name: str, date: str, text: str, cls: str, children: str = "") -> str:
    kids = f'<ul class="children">{children}</ul>' if children else ""
    return (f'<li class="comment {cls}" id="comment-{cid}"><div id="div-comment-{cid}" class="comment-body" '
            f'itemscope="itemscope" itemtype="http://schema.org/Comment"><div class="comment-author"><strong itemprop="name">'
            f'{name}</strong> skrev:</div><div class="comment-date">{date}</div><div class="comment-text" itemprop="text">'
            f'<p>{text}</p></div><div class="reply"><a class="comment-reply-link" href="#comment-{cid}">Svar</a></div>'
            f'</div>{kids}</li>')


def test_threaded_replies_under_comments_are_no_reviews():
    # unrated recipe comments: the blog's author answers two of them, a reader answers a third
    author = "even depth-2 bypostauthor"
    html = ('<html><body><div id="comments"><div class="comments-title">5 kommentarer</div><ul class="comments">'
            + _comment(11, "Maja", "3. marts 2021 kl. 10:15", "Lækre boller, de forsvandt på ti minutter hos os.",
                       "odd depth-1 parent", _comment(12, "Bloggeren", "3. marts 2021 kl. 12:00",
                                                      "Hvor dejligt at høre, god weekend!", author))
            + _comment(13, "Søren", "9. april 2021 kl. 18:40", "Meget nemme at lave, jeg tilsatte lidt kardemomme.",
                       "even depth-1 parent", _comment(14, "Bloggeren", "10. april 2021 kl. 08:05",
                                                       "Kardemomme er en god idé, tak for tippet.", author)
                       + _comment(15, "Lise", "11. april 2021 kl. 09:30", "Det prøver jeg også næste gang.", "odd depth-2"))
            + _comment(16, "Jonas", "2. maj 2021 kl. 20:10", "Gode og luftige, familien var glad.", "odd depth-1")
            + '</ul></div></body></html>')
    got = extract_reviews(html, URL, now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Maja", "Søren", "Jonas"]
    assert [r["published_at"] for r in got] == ["2021-03-03", "2021-04-09", "2021-05-02"]


def test_a_list_named_for_sub_comments_holding_all_the_reviews_stays():
    # guard: a site naming its whole list of reviews "sub-comments" has no comment above it to answer
    items = "".join(f'<li class="comment-item"><span class="who">{n}</span> <span class="when">{d}</span>'
                    f'<p class="txt">{t}</p></li>' for n, d, t in [
                        ("Ola Berg", "2021-05-02", "Quick delivery and the parcel was packed with care."),
                        ("Kari Lund", "2021-05-04", "Friendly staff on the phone, they sorted my order out."),
                        ("Nils Aas", "2021-05-09", "Good prices, but the tracking link did not work for me.")])
    html = f'<html><body><section><h2>Customer reviews</h2><ul class="sub-comments">{items}</ul></section></body></html>'
    got = extract_reviews(html, URL, now=NOW)["reviews"]
    assert [r["published_at"] for r in got] == ["2021-05-02", "2021-05-04", "2021-05-09"]

