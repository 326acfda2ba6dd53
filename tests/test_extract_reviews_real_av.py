"""Batch 53 of real pages (Turkish, Greek and Central/South-East European review pages: a doctor-
booking site's newest patient reviews, a hotel-booking site's home page of hotel cards): the
general rules they needed, on synthetic markup (invented names, places and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_authors import name_like
from crawlers.extract.reviews_places import pin_icon, pin_lines

NOW = datetime(2021, 6, 1, tzinfo=timezone.utc)


def _patient_card(doctor: str, slug: str, text: str, masked: str) -> str:
    return (f'<figure class="col-12 mb-4"><div class="media"><div class="media-left">'
            f'<span class="avatar" data-href="/{slug}"><img data-src="/a.jpg" alt="{doctor}"></span></div>'
            f'<div class="media-body"><h3 class="h4"><a href="/{slug}" title="{doctor}">{doctor}</a>'
            f'<span class="small pull-right" data-score="5" data-lazy="rating"></span></h3>'
            f'<figcaption><div data-href="/{slug}"><p class="mb-0">{text}</p>'
            f'<em class="text-muted">{masked}</em></div></figcaption></div></div></figure>')


def test_a_masked_name_of_first_letters_and_dots_is_the_reviewer():
    html = ('<html><body><div class="row"><h2>Newest reviews</h2>'
            + _patient_card("Lale Vardar", "lale-vardar/dermatology/seaport", "She listened to every question and explained the"
                            " treatment plan step by step, the visit was calm...", "mk....")
            + _patient_card("Orhan Tekin", "orhan-tekin/cardiology/riverton", "Punctual, friendly staff and a clear diagnosis after"
                            " years of going from one clinic to another...", "s...")
            + _patient_card("Nil Ergun", "nil-ergun/paediatrics/eastvale", "The follow-up call two days later was a kind touch,"
                            " my daughter was not afraid at all this time...", "bu....")
            + '</div></body></html>')
    got = extract_reviews(html, "https://doctors.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["mk....", "s...", "bu...."]
    assert [r["rating"] for r in got] == [5.0, 5.0, 5.0]


def test_masked_name_shapes():
    assert name_like("ec....") and name_like("h...") and name_like("ay…")
    assert not name_like("great food here...") and not name_like("excellent....")


def _hotel_card(name: str, slug: str, place: str, stars: int, price: str, score: str | None) -> str:
    box = (f'<div class="score-box"><div class="score-header"><i class="face-icon happy"></i><span>{score}</span></div>'
           f'<div class="score-footer">Very good</div></div>') if score else ""
    return (f'<div class="col-4"><a class="facility-box" href="/hotel/{slug}" title="{name}">'
            f'<div class="fb-img"><img src="/h/{slug}.jpg" alt="{name}"/></div>'
            f'<span class="fb-title"><span>{name}</span></span>'
            f'<span class="fb-parent"><i class="fa fa-map-marker"></i> {place}'
            f'<span class="stars"><i class="fa fa-star-{stars}"></i></span></span>'
            f'<span class="fb-prices"><span class="total">{price}</span></span>{box}</a></div>')


def test_hotel_cards_with_an_address_and_class_stars_are_no_reviews():
    html = ('<html><body><div class="row"><h2>Deals of the day</h2>'
            + _hotel_card("Harbour View Inn", "harbour-view-inn", "Old Town, Seaport, Coastland", 4, "94 TL", None)
            + _hotel_card("Pine Hill Resort", "pine-hill-resort", "North Bay, Seaport, Coastland", 0, "200 TL", "7,1")
            + _hotel_card("Sand Dune Spa", "sand-dune-spa", "Dune Beach, Eastvale, Sunshire", 5, "320 TL", "8,9")
            + _hotel_card("Lighthouse Suites", "lighthouse-suites", "Cape Point, Eastvale, Sunshire", 5, "398 TL", "9,2")
            + _hotel_card("Riverside Lodge", "riverside-lodge", "Centre, Riverton, Vale", 4, "212 TL", None)
            + '</div></body></html>')
    got = extract_reviews(html, "https://hotels.example/", now=NOW)["reviews"]
    assert got == []


def test_a_review_card_with_the_reviewers_town_after_a_pin_keeps_its_text():
    card = ('<div class="review"><div class="who"><b>{name}</b> <span><i class="fa fa-map-marker"></i> {town}</span></div>'
            '<div class="stars stars-{n}"></div><p>{text}</p><time datetime="2021-05-{d}">May {d}, 2021</time></div>')
    html = ('<html><body><div class="reviews">'
            + card.format(name="Ada Brook", town="Riverton", n=5, d="10",
                          text="Quiet rooms, a generous breakfast and the staff booked us a boat trip.")
            + card.format(name="Cem Arslan", town="Seaport", n=3, d="12",
                          text="Good location but the air conditioning was loud all night long.")
            + '</div></body></html>')
    got = extract_reviews(html, "https://hotels.example/h/1", now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [5.0, 3.0]
    assert got[0]["body"].startswith("Quiet rooms") and got[1]["body"].startswith("Good location")


def test_pin_icons_and_the_lines_they_lead():
    root = lxml.html.fromstring(
        '<div><span><i class="fa fa-map-marker"></i> Old Town, Seaport</span>'
        '<span><i class="bi bi-geo-alt-fill"></i><span>Dune Beach</span></span>'
        '<span><i class="material-icons">place</i> Cape Point</span>'
        '<span><i class="fa fa-star"></i> 4.5</span><span class="placeholder-x"><i class="placeholder"></i> x</span></div>')
    icons = [el for el in root.iter() if pin_icon(el)]
    assert [el.get("class") for el in icons] == ["fa fa-map-marker", "bi bi-geo-alt-fill", "material-icons"]
    assert pin_lines(root) == {"Old Town, Seaport", "Dune Beach", "Cape Point"}


# part 2: a food-delivery home page (restaurant cards with their averages, some with one latest comment)

def _stars(on: int, half: bool, count: int, avg: str) -> str:
    imgs = ["on"] * on + (["half"] if half else [])
    imgs += ["off"] * (6 - len(imgs))
    row = " ".join(f'<img src="/img/stars/{k}.png" alt="*" title="Rated {count} times" />' for k in imgs)
    return f'<div class="rating"><div class="index-stars">{row} </div><span class="total" title="Rated {count} times">({avg})</span></div>'


def _restaurant(name: str, slug: str, stars: str, comment: tuple[str, str] | None) -> str:
    note = (f'<div class="CommentLatestNotable"><strong>{comment[0]}:</strong> {comment[1]}\u201d</div>'
            if comment else "")
    return (f'<li><div class="photo"><a href="/menu/{slug}" title="{name}"><img src="/r/{slug}.jpg" alt="logo"/></a></div>'
            f'<div class="title"><a href="/comments/{slug}" class="tag tag-comments" title="Comments">{len(slug) * 7}</a>'
            f'{stars}<h3><a href="/menu/{slug}">{name}</a></h3>'
            f'<span class="bookmark"><a href="#">Mark as a favourite</a></span></div>{note}'
            f'<div class="box"><p>Minimum order: <strong>50,00 Kn</strong></p><p>Average delivery: 48 min</p></div></li>')


def _delivery_page(comments: list[tuple[str, str] | None]) -> str:
    cards = [("Grill Corner", "grill-corner", _stars(3, True, 303, "3.62")),
             ("Noodle Point", "noodle-point", _stars(5, True, 173, "5.38")),
             ("Kebab Yard", "kebab-yard", _stars(5, False, 468, "5.17")),
             ("Pancake Hut", "pancake-hut", _stars(4, True, 82, "4.54"))]
    return ('<html><body><ul class="restaurants">'
            + "".join(_restaurant(n, s, st, c) for (n, s, st), c in zip(cards, comments)) + '</ul></body></html>')


_COMMENTS = [("Marko7", "Really tasty grill, the portions were large and still hot. Recommended"),
             ("Ivy and Tom", "Fast delivery! The noodles were great and the driver very kind!!!"),
             ("Dora", "Best kebab in the area, fresh salad and the meat nicely seasoned."),
             ("Leon", "Pancakes arrived warm, the chocolate one is a must, will order again [...]")]


def test_restaurant_cards_with_an_average_in_hundredths_are_no_reviews_and_their_comments_are():
    got = extract_reviews(_delivery_page(_COMMENTS), "https://delivery.example/", now=NOW)
    reviews = got["reviews"]
    assert [r["author"] for r in reviews] == ["Marko7", "Ivy and Tom", "Dora", "Leon"]
    assert [r["rating"] for r in reviews] == [None] * 4
    assert reviews[0]["body"] == "Really tasty grill, the portions were large and still hot. Recommended"
    assert reviews[3]["body"].endswith("will order again [...]")
    assert got["aggregate"] is None


def test_a_label_opening_every_card_with_its_colon_is_no_author():
    same = [("Comment", t) for _, t in _COMMENTS]
    reviews = extract_reviews(_delivery_page(same), "https://delivery.example/", now=NOW)["reviews"]
    assert len(reviews) == 4 and all(r["author"] is None for r in reviews)


def test_a_lone_closing_quote_is_dropped_but_a_quotation_inside_the_text_stays():
    from crawlers.extract.reviews_body import strip_leftovers
    assert strip_leftovers("Fresh and hot, will order again\u201d") == "Fresh and hot, will order again"
    assert strip_leftovers("The box said \u201cextra hot\u201d") == "The box said \u201cextra hot\u201d"
    assert strip_leftovers("\u201cGreat pizza\u201d") == "Great pizza"


def test_a_star_row_beside_an_average_in_hundredths_is_an_items_summary():
    from crawlers.extract.reviews_aggregate import stars_beside_count
    root = lxml.html.fromstring('<div><div class="rating"><span class="stars stars-4"></span><span>(4.53)</span></div>'
                                '<div class="rating"><span class="stars stars-4"></span><span>(4.50)</span></div></div>')
    first, second = [el for el in root.iter() if el.get("class") == "stars stars-4"]
    assert stars_beside_count(first) and not stars_beside_count(second)


def test_comment_boxes_named_notable_on_some_cards_are_the_reviews():
    # ("...LatestNotable": the "tab" inside "Notable" names no tab of the page)
    comments = [None, _COMMENTS[1], None, _COMMENTS[3]]
    reviews = extract_reviews(_delivery_page(comments), "https://delivery.example/", now=NOW)["reviews"]
    assert [r["author"] for r in reviews] == ["Ivy and Tom", "Leon"]
    assert [r["rating"] for r in reviews] == [None, None]
    assert reviews[0]["body"].startswith("Fast delivery!")


# part 3: an accommodation portal's result items (the hotel's class, its own description, its phone)

def _result_item(name: str, slug: str, lit: int, text: str, phone: str, price: str, score: str) -> str:
    stars = "".join('<span class="star-14"></span>' for _ in range(lit)) + \
        "".join('<span class="star-14 gray"></span>' for _ in range(5 - lit))
    return (f'<div class="result-item"><div class="thumb"><a href="/{slug}"><img src="/p/{slug}.jpg" alt="{name}"/></a></div>'
            f'<div class="info"><div class="left-side"><div class="header"><div class="title"><a href="/{slug}">{name}</a></div>'
            f'<div class="rating">{stars}</div></div><div class="content">{text}</div>'
            f'<div class="offers"><ul><li><a href="https://partner.example/out?{slug}"><span class="source">Partner</span>'
            f' from <span class="price">{price}</span></a></li></ul></div></div>'
            f'<div class="right-side"><ul><li class="price">{price}</li>'
            f'<li class="phone"><a href="tel:{phone}">{phone}</a></li><li class="email"><a href="#">inquiry</a></li>'
            f'<li class="reservation"><a href="/{slug}">book now</a></li>'
            f'<li class="rating"><i class="icon-star"></i>{score} of 10</li></ul></div></div></div>')


def test_result_items_each_offering_their_own_phone_number_are_no_reviews():
    html = ('<html><body><div class="results">'
            + _result_item("Old Mill Lodge", "old-mill-lodge-o101", 4, "A restored mill by the river, ten minutes from the"
                           " old town, with a spa, a garden and a restaurant serving local dishes ...", "0888-100-200", "95 lv", "8.6")
            + _result_item("Pine Ridge Hotel", "pine-ridge-hotel-o102", 5, "Welcome to the new home of mineral water: the"
                           " hotel lies in a quiet village known for its hot springs and walking trails ...", "0888-300-400", "229 lv", "9.4")
            + _result_item("Harbour Rooms", "harbour-rooms-o103", 2, "Ten comfortable rooms above our family restaurant,"
                           " two streets from the beach, with free parking and breakfast on the terrace ...", "052-500-600", "80 lv", "9.0")
            + '</div></body></html>')
    assert extract_reviews(html, "https://stays.example/", now=NOW)["reviews"] == []


def test_one_hotline_number_beside_the_reviews_keeps_them():
    card = ('<div class="review"><div class="stars stars-{n}"></div><b>{name}</b><p>{text}</p>'
            '<span class="date">2021-05-{d}</span></div>')
    html = ('<html><body><div class="product"><div class="help">Questions? Call <a href="tel:1900-1234">1900 1234</a></div>'
            '<div class="reviews">'
            + card.format(n=5, name="Lan Pham", d="10", text="The fridge arrived on time and the installer was careful and quick.")
            + card.format(n=2, name="Minh Tran", d="12", text="One shelf was missing from the box and support took a week to answer.")
            + '</div></div></body></html>')
    got = extract_reviews(html, "https://shop.example/p/1", now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [5.0, 2.0]
