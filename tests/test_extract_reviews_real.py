"""Review extraction: what real saved pages taught (a UK grocer's review list, a Booking.com
review list, a Judge.me widget on a Vietnamese Shopify shop, an IMDb review, DealerRater, an
Amazon review list, an App Store page, a Tripadvisor reviews tab, Trustpilot cards, a
Withlocals reviews page, Trustindex Google-review widgets on two small businesses' sites, a
Letterboxd review list, a web studio's client testimonials; measured with
perf/eval_reviews.py on pages kept outside the repository, see perf/realpages_sources.json).
Each lesson is reproduced here on a small page written for the test, not on the saved page."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import numeric_date_order, parse_date

NOW = datetime(2025, 4, 28, 12, tzinfo=timezone.utc)


def _grocer_item(title: str, stars: int, text: str, line: str) -> str:
    return (f'<li class="sc-a1 item"><div class="row"><div data-test="display-only-rating">'
            + '<svg data-icon="icon__reviews"></svg>' * stars + '<svg data-icon="icon__reviews_outline"></svg>' * (5 - stars)
            + f'</div><span class="t-m">{stars} out of 5</span><span data-test="verified-badge"><span>Verified purchase</span>'
            f'</span></div><h4 class="t-bold">{title}<span class="vc">Rated {stars} out of 5Verified purchase</span></h4>'
            f'<span class="t-m body">{text}</span><span class="t-s">{line}</span></li>')


def _grocer_page() -> str:
    # no <html lang>, a .com address: only the page's own dates tell their order
    items = [_grocer_item("Bananas", 1, "Far too small and black inside, every one of them went in the bin.",
                          "Submitted 19/04/2025, by Pippa"),
             _grocer_item("Nanas", 5, "Amazing", "Submitted 04/04/2025, by Nana"),
             _grocer_item("Battered", 1, "Two out of five were edible", "Submitted 02/04/2025, by Customer")]
    return f'<html><body><ul data-test="review-list">{"".join(items)}</ul></body></html>'


def test_a_screen_reader_copy_of_the_rating_and_badge_inside_the_title_is_not_the_title():
    reviews = extract_reviews(_grocer_page(), "https://groceries.example.com/products/bananas", now=NOW)["reviews"]
    assert [r["title"] for r in reviews] == ["Bananas", "Nanas", "Battered"]
    assert [r["rating"] for r in reviews] == [1.0, 5.0, 1.0]


def test_the_name_after_the_date_of_a_submitted_line_is_the_author_and_a_one_word_text_stays_the_text():
    reviews = extract_reviews(_grocer_page(), "https://groceries.example.com/products/bananas", now=NOW)["reviews"]
    assert [r["author"] for r in reviews] == ["Pippa", "Nana", "Customer"]
    assert [r["body"] for r in reviews] == [
        "Far too small and black inside, every one of them went in the bin.", "Amazing", "Two out of five were edible"]


def test_slashed_dates_follow_the_order_the_page_itself_proves():
    # "19/04/2025" can only be day-first: "04/04" and "02/04" on the same page are April too
    reviews = extract_reviews(_grocer_page(), "https://groceries.example.com/products/bananas", now=NOW)["reviews"]
    assert [r["published_at"] for r in reviews] == ["2025-04-19", "2025-04-04", "2025-04-02"]
    assert numeric_date_order("<p>19/04/2025</p><p>02/04/2025</p>") == "DMY"
    assert numeric_date_order("<p>04/19/2025</p><p>02/04/2025</p>") is None  # month-first shown: US default
    assert numeric_date_order("<p>02/04/2025</p>") is None  # nothing proven
    assert numeric_date_order("<p>19/04/2025</p><p>04/19/2025</p>") is None  # contradictory
    assert parse_date("02/04/2025", region="DMY", now=NOW) == "2025-04-02"
    assert parse_date("02/04/2025", now=NOW) == "2025-02-04"  # an English page: month first


def _widget_review(initial: str, score: int, when: str, author: str, title: str, text: str) -> str:
    stars = "<span class='star on'></span>" * score + "<span class='star off'></span>" * (5 - score)
    return (f"<div class='rv-rev' data-verified-buyer='true' data-review-id='id-{initial}{score}'>"
            f"<div class='rv-rev__header'><div class='rv-rev__icon'> {initial} </div>"
            f"<span class='rv-rev__rating' data-score='{score}' aria-label='{score} star review' role='img'>{stars}</span>"
            f"<span class='rv-rev__timestamp rv-spinner' data-content='{when}'></span>"
            f"<span class='rv-rev__author-wrapper'> <span class='rv-rev__author'>{author}</span></span></div>"
            f"<div class='rv-rev__content'><b class='rv-rev__title'>{title}</b>"
            f"<div class='rv-rev__body'><p>{text}</p></div></div></div>")


def test_a_timestamp_written_in_data_content_for_a_script_is_the_date():
    page = ("<html><body><div class='rv-widget'>"
            + _widget_review("L", 1, "2022-11-12 13:46:40 UTC", "Lâm Oto", "", "Hỏng sau hai ngày dùng")
            + _widget_review("V", 5, "2022-10-30 12:47:48 UTC", "Vũ Hữu Dương", "", "Âm thanh rất tốt, pin lâu")
            + "</div></body></html>")
    reviews = extract_reviews(page, "https://shop.example/products/x", now=NOW)["reviews"]
    assert [r["published_at"] for r in reviews] == ["2022-11-12", "2022-10-30"]
    assert [r["author"] for r in reviews] == ["Lâm Oto", "Vũ Hữu Dương"]


def test_a_short_text_beside_a_named_author_is_the_text_and_a_title_the_site_names_stays_when_equal():
    # the avatar's initial and the header's author name made a longer "own text" than the
    # short body, which was then read from the whole block ("H Quá tệ")
    page = ("<html><body><div class='rv-widget'>"
            + _widget_review("H", 1, "2022-10-30 09:54:05 UTC", "HOÀNG THUY TÂm", "Quá tệ", "Quá tệ")
            + _widget_review("P", 4, "2022-10-30 09:23:37 UTC", "Phungthithu Trang", "", "Tạm ổn")
            + "</div></body></html>")
    reviews = extract_reviews(page, "https://shop.example/products/x", now=NOW)["reviews"]
    assert [(r["title"], r["body"], r["rating"]) for r in reviews] == [("Quá tệ", "Quá tệ", 1.0), (None, "Tạm ổn", 4.0)]


def _stay_card(name: str, country: str, flag: str, room: str, when: str, title: str, score: str,
               liked: str | None, disliked: str | None) -> str:
    parts = ""
    if liked:
        parts += f'<div data-testid="review-positive-text"><div><span>{liked}</span></div></div>'
    if disliked:
        parts += f'<div data-testid="review-negative-text"><div><span>{disliked}</span></div></div>'
    return (f'<div><div data-testid="review-card"><div aria-label="Review card" data-testid="review" role="group">'
            f'<div><div aria-label="Reviewer" role="group"><div data-testid="review-avatar"><div><picture>'
            f'<img alt="" role="presentation" src=""/></picture></div><div><div><h4>{name}</h4></div>'
            f'<div><img alt="{country}" src="https://cdn.example/images-flags/{flag}.png"/><span> {country}</span></div>'
            f'</div></div><ul data-testid="review-stay-info"><li><span data-testid="review-room-name">{room}</span></li>'
            f'<li><span data-testid="review-num-nights">1 night · </span><span data-testid="review-stay-date">March 2025'
            f'</span></li><li><span data-testid="review-traveler-type">Couple</span></li></ul></div></div>'
            f'<div aria-label="Review" role="group"><div><span data-testid="review-date">Reviewed: {when}</span>'
            f'<h4 data-testid="review-title">{title}</h4><div data-testid="review-score"><div>Scored {score} </div>'
            f'<div aria-hidden="true">{score}</div></div>{parts}</div></div></div></div></div>')


def test_a_stay_review_card_name_title_and_both_halves_of_the_text():
    page = ('<html lang="en-gb"><body><div data-testid="review-cards">'
            + _stay_card("Guest", "Australia", "Au", "Superior Double Room (Ensuite)", "24 March 2025", "Good", "7.0",
                         "Good mattress and pillows", "Dirty bathroom")
            + _stay_card("Maria", "United Kingdom", "Gb", "Standard Double Room", "22 March 2025", "Very good", "8.0",
                         "Location good", None)
            + _stay_card("Guest", "Australia", "Au", "Standard Double Room", "20 March 2025", "Pleasant", "6.0",
                         None, "No kitchen utensils or microwave")
            + "</div></body></html>")
    reviews = extract_reviews(page, "https://www.booking.example/hotel/au/x.en-gb.html", now=NOW)["reviews"]
    assert [r["author"] for r in reviews] == ["Guest", "Maria", "Guest"]  # not the room, nor the country by its flag
    assert [r["title"] for r in reviews] == ["Good", "Very good", "Pleasant"]  # the named title, not the name's h4
    assert [r["rating"] for r in reviews] == [3.5, 4.0, 3.0]
    assert [r["published_at"] for r in reviews] == ["2025-03-24", "2025-03-22", "2025-03-20"]
    # the reviewer's card (country, room, nights, kind of trip) is not the text; liked and
    # disliked are both
    assert [r["body"] for r in reviews] == ["Good mattress and pillows Dirty bathroom", "Location good",
                                            "No kitchen utensils or microwave"]


def _dealer_entry(when: str, stars: int, title: str, user: str, text: str, staff: str, staff_stars: int) -> str:
    subs = "".join(f'<div class="tr"><div class="small-text td">{label}</div>'
                   f'<div class="rating-static-indv rating-{s}0 td"></div></div>'
                   for label, s in (("Customer Service", stars), ("Pricing", 0), ("Overall Experience", stars)))
    return (f'<div class="review-entry col-xs-12 pad-none"><div class="col-xs-12 col-sm-3 review-date">'
            f'<div class="italic font-20">{when}</div><div class="dealership-rating">'
            f'<div class="rating-static rating-{stars}0"></div><div class="small-text">SALES VISIT - USED</div></div></div>'
            f'<div class="col-xs-12 col-sm-9 pad-none review-wrapper"><div><h3 class="no-format italic">"{title}"</h3>'
            f'<span class="italic notranslate">- {user}</span></div><div class="tr"><div class="td text-left">'
            f'<p class="font-16 review-content">{text}</p><a class="read-more-toggle">Read More</a></div></div>'
            f'<div class="review-ratings-all review-hide"><div class="table">{subs}</div></div>'
            f'<div class="employees-wrapper"><div class="small-text">Employees Worked With </div>'
            f'<div class="review-employee"><a class="tagged-emp" href="/sales/x-1/">{staff}</a>'
            f'<div class="employee-rating-badge-sm"><span>{staff_stars}.0</span>'
            f'<div class="rating-static rating-{staff_stars}0"></div></div></div></div></div></div>')


def test_an_employee_s_rating_badge_is_not_the_review_s_and_layout_classes_make_no_reply():
    page = ("<html><body>"
            + _dealer_entry("December 16, 2020", 3, "Friendly but slow paperwork", "louann326",
                            "Patrick was friendly, but the paperwork took most of the afternoon.", "Patrick Evans", 5)
            + "</body></html>")
    reviews = extract_reviews(page, "https://www.dealerrater.example/dealer/x-23685/", now=NOW)["reviews"]
    # the employee's 5.0 badge split the review in two (date and rating apart from the text);
    # the review's wrapper, sharing the entry's "pad-none", was taken for a nested reply; and
    # "review-wrapper" (all of it) won over the "review-content" it holds
    assert [(r["rating"], r["published_at"], r["author"], r["title"]) for r in reviews] == [
        (3.0, "2020-12-16", "louann326", "Friendly but slow paperwork")]
    assert reviews[0]["body"] == "Patrick was friendly, but the paperwork took most of the afternoon."


def _app_review(name: str, when: str, iso: str, stars: int, title: str, text: str) -> str:
    return (f'<div class="ember-view l-column small-4"><div class="app-review ember-view">'
            f'<div class="meta"><span class="name">{name}</span>, <time datetime="{iso}">{when}</time></div>'
            f'<h3 class="title">{title}</h3><figure class="stars ember-view" aria-label="{stars} sur 5"></figure>'
            f'<blockquote class="text ember-view"><p>{text}</p></blockquote></div></div>')


def test_a_wrapper_holding_all_of_the_review_and_sharing_a_framework_class_is_no_reply():
    page = ('<html lang="fr"><body><div class="ember-view l-row">'
            + _app_review("Pier888", "23/12/2019", "2019-12-23T00:00:00.000Z", 5, "Très belle appli",
                          "Une parfaite synthèse de l'actualité du jour.")
            + _app_review("Bertrand", "19/12/2019", "2019-12-19T10:00:00.000Z", 4, "Le meilleur",
                          "Super appli, rapide et claire.")
            + _app_review("Peppe", "13/02/2020", "2020-02-13T09:00:00.000Z", 3, "Pas de frontières",
                          "Dommage qu'elle ne soit pas disponible partout.")
            + '</div></body></html>')
    reviews = extract_reviews(page, "https://apps.example.com/fr/app/x/id1", now=NOW)["reviews"]
    # the column and the review inside it both carry "ember-view": the review was taken for a
    # nested reply of the column and nothing was left (App Store; Amazon's "a-section" alike)
    assert [(r["rating"], r["published_at"], r["author"], r["title"]) for r in reviews] == [
        (5.0, "2019-12-23", "Pier888", "Très belle appli"), (4.0, "2019-12-19", "Bertrand", "Le meilleur"),
        (3.0, "2020-02-13", "Peppe", "Pas de frontières")]
    assert [r["body"] for r in reviews] == ["Une parfaite synthèse de l'actualité du jour.",
                                            "Super appli, rapide et claire.",
                                            "Dommage qu'elle ne soit pas disponible partout."]


def _shop_review(name: str, stars: int, title: str, when: str, text: str) -> str:
    return (f'<div class="box review"><div class="box profile"><span class="profile-name">{name}</span></div>'
            f'<div class="row"><i class="icon-star"><span class="alt">{stars},0 su 5 stelle</span></i>'
            f'<span class="review-title">{title}</span></div><span class="review-date">{when}</span>'
            f'<div class="review-text"><span>{text}</span></div>'
            f'<span class="review-votes">12 persone l\'hanno trovato utile</span></div>')


def _highlight(heading: str, link: str, name: str, stars: int, title: str, when: str, text: str) -> str:
    return (f'<div class="col view-point-review"><div class="expander-content"><h4 class="view-point-title">{heading}</h4>'
            f'<div class="row"><span><a class="see-all" href="/product-reviews/X1?filterByStar=positive">{link}</a>'
            f'<span class="caret"> › </span></span></div><div class="profile"><span class="profile-name">{name}</span></div>'
            f'<i class="icon-star"><span class="alt">{stars},0 su 5 stelle</span></i>'
            f'<span class="review-title">{title}</span><span class="date">{when}</span><div class="row">'
            f'<span class="size-base"><a href="/x"><img src="v.jpg"></a> {text}<br />Consigliato.</span></div></div></div>')


def _highlights_page() -> str:
    a = ("Gianni", 5, "Migliorato ancora", "14 novembre 2018", "Ciao a tutti, lo schermo è più nitido e la batteria dura.")
    b = ("Antonello", 2, "Lentezza", "23 novembre 2018", "Dopo una settimana sono in parte deluso: è più lento del vecchio.")
    c = ("Laura", 4, "Bello e leggero", "13 novembre 2018", "Leggero, si tiene con una mano sola anche a letto.")
    return ('<html lang="it"><body><div class="row view-points">'
            + _highlight("La recensione più positiva", "Visualizza tutte le 1.958 recensioni positive", *a)
            + _highlight("La recensione più critica", "Visualizza tutte le 174 recensioni critiche", *b)
            + '</div><div id="list">' + "".join(_shop_review(*x) for x in (a, b, c)) + '</div></body></html>')


def test_a_link_to_all_the_reviews_of_a_kind_is_not_the_text():
    reviews = extract_reviews(_highlights_page(), "https://www.shop.example.it/product-reviews/X1", now=NOW)["reviews"]
    assert [r["body"] for r in reviews] == [
        "Ciao a tutti, lo schermo è più nitido e la batteria dura. Consigliato.",
        "Dopo una settimana sono in parte deluso: è più lento del vecchio. Consigliato.",
        "Leggero, si tiene con una mano sola anche a letto."]


def test_a_highlighted_review_shown_again_in_the_list_is_one_review():
    reviews = extract_reviews(_highlights_page(), "https://www.shop.example.it/product-reviews/X1", now=NOW)["reviews"]
    # "the most positive" and "the most critical" review above the list repeat two of it
    assert [(r["author"], r["rating"], r["published_at"], r["title"]) for r in reviews] == [
        ("Gianni", 5.0, "2018-11-14", "Migliorato ancora"), ("Antonello", 2.0, "2018-11-23", "Lentezza"),
        ("Laura", 4.0, "2018-11-13", "Bello e leggero")]


def _dealer_review(when: str, stars: int, title: str, user: str, text: str) -> str:
    return (f'<div class="review-entry col-xs-12"><div class="col-xs-12 col-sm-3 review-date"><div class="italic">{when}</div>'
            f'<div class="rating-static rating-{stars}0"></div></div><div class="col-xs-12 col-sm-9 review-wrapper">'
            f'<h3 class="italic">"{title}"</h3><span class="italic">- {user}</span>'
            f'<p class="font-16 review-content">{text}</p></div></div>')


def test_a_card_printing_its_rating_beside_a_review_count_is_no_review():
    page = ('<html><body><div class="col-xs-12 pad-none"><div class="col-xs-12 col-sm-9 pad-none">'
            '<div class="col-xs-12 text-left"><h1>Main Street Motors</h1><div class="rating-static rating-49"></div>'
            '<span>4.9</span> <span>1,234 Lifetime Reviews</span> <span>12 Main St, Springfield</span></div>'
            '<div class="col-xs-12 about"><p>Ask for our concierge service and let Susan or Fred know if you have any '
            'questions. We put our customers first, before everything else, and we will find the car you want.</p></div>'
            '</div><div class="absolute-right text-right"><span>Excellent</span> <span>98% Recommended</span>'
            '<div class="rating-static rating-49"></div><span>4.9</span> <span>1,234 Lifetime Reviews</span></div></div>'
            '<div class="reviews">'
            + _dealer_review("December 17, 2020", 5, "Easy purchase", "tom22",
                             "Quick and honest, the truck was ready when promised.")
            + _dealer_review("December 16, 2020", 4, "Good service", "ann_b",
                             "The oil change took an hour but they washed the car too.")
            + '</div></body></html>')
    result = extract_reviews(page, "https://www.dealers.example/dealer/main-street-motors-1/", now=NOW)
    # the dealer's card (its 4.9 widget, "4.9 1,234 Lifetime Reviews" and its "about us") and
    # the summary beside it were taken for two reviews, and the page's score was lost
    assert [(r["rating"], r["published_at"], r["author"], r["title"]) for r in result["reviews"]] == [
        (5.0, "2020-12-17", "tom22", "Easy purchase"), (4.0, "2020-12-16", "ann_b", "Good service")]
    assert result["aggregate"] == {"rating": 4.9, "count": 1234}


_BUBBLE = '<path d="M 12 0C5.4 0 0 5.4 0 12s5.4 12 12 12 12-5.4 12-12S18.6 0 12 0z"></path>'


def _travel_card(user: str, stars: int, title: str, review_id: int, text: str, written: str) -> str:
    return (f'<div class="AKyia"><div data-automation="reviewCard"><div class="LizTd"><a href="/Profile/{user.replace(" ", "")}">'
            f'<picture class="NhWcC"><img alt="" src="/avatar.jpg"></picture></a>'
            f'<div class="QIHsu"><span class="biGQs"><a href="/Profile/{user.replace(" ", "")}" class="BMQDV">{user}</a></span>'
            f'<div class="vYLts"><span class="uNVsO">5 contributions</span></div></div></div>'
            f'<div class="wjqqP"><svg role="img" viewBox="0 0 128 24" aria-labelledby="t{review_id}">'
            f'<title id="t{review_id}">{stars} of 5 bubbles</title>{_BUBBLE * 5}</svg></div>'
            f'<h3 class="biGQs"><a href="/ShowUserReviews-g1-d2-r{review_id}-Night_Market.html" class="BMQDV">'
            f'<span lang="en"><span class="yCeTE">{title}</span></span></a></h3><div class="jXCrq">Jun 2024 • Couples</div>'
            f'<div class="biGQs"><span class="JguWG"><span class="yCeTE">{text}</span></span></div>'
            f'<div class="BNelO"><div class="navcl">Written {written}</div></div></div></div>')


def _travel_page() -> str:
    return ('<html lang="en"><body><div class="LMGCx">'
            + _travel_card("kisha m", 5, "Best of the night markets", 101, "Lanterns on the water and hardly any wait.",
                           "September 22, 2024")
            + _travel_card("Rimjhim R", 5, "Awesome", 102, "Amazing vibes of a vibrant city.", "June 7, 2024")
            + _travel_card("thila2015", 4, "Safe, careful and comfortable.", 103, "Lots of souvenirs at fair prices.",
                           "June 2, 2024")
            + '</div></body></html>')


def test_a_profile_link_s_text_is_the_author_however_it_is_written():
    reviews = extract_reviews(_travel_page(), "https://www.travel.example/Attraction_Review-g1-d2.html", now=NOW)["reviews"]
    # a lower-case name or a handle is still the reviewer when it is a link to a profile
    assert [r["author"] for r in reviews] == ["kisha m", "Rimjhim R", "thila2015"]
    assert [(r["rating"], r["published_at"]) for r in reviews] == [(5.0, "2024-09-22"), (5.0, "2024-06-07"),
                                                                    (4.0, "2024-06-02")]


def test_a_one_word_title_linking_to_the_review_s_own_page_is_the_title():
    reviews = extract_reviews(_travel_page(), "https://www.travel.example/Attraction_Review-g1-d2.html", now=NOW)["reviews"]
    # "/ShowUserReviews-…" names a user, but it is the review's page, not the reviewer's
    assert [r["title"] for r in reviews] == ["Best of the night markets", "Awesome", "Safe, careful and comfortable."]


def _trust_card(initials: str, avatar_img: bool, name: str, stars: int, title: str, text: str, when: str,
                experienced: str) -> str:
    avatar = ('<div class="avatar_imageWrapper"><img alt="" src="/u/73x73.png"></div>' if avatar_img else
              f'<div class="avatar_avatar avatar_orange" data-consumer-avatar="true"><span class="avatar_avatarName">'
              f'{initials}</span></div>')
    return (f'<article class="styles_reviewCard" data-service-review-card-paper="true"><aside class="styles_consumerInfo">'
            f'<div class="styles_consumerDetailsWrapper">{avatar}<a href="/users/5f1" class="styles_consumerDetails">'
            f'<span data-consumer-name-typography="true">{name}</span><div class="styles_consumerExtraDetails">'
            f'<span>3 avis</span><span>FR</span></div></a></div></aside><section class="styles_reviewContentwrapper">'
            f'<div class="styles_reviewHeader" data-service-review-rating="{stars}"><img alt="Noté {stars} sur 5 étoiles" '
            f'src="/stars-{stars}.svg"></div><time datetime="{when}T10:00:00.000Z">{when}</time>'
            f'<div class="styles_reviewContent" data-review-content="true"><a href="/reviews/65a"><h2 '
            f'data-service-review-title-typography="true">{title}</h2></a><p data-service-review-text-typography="true">'
            f'{text}</p><p data-service-review-date-of-experience-typography="true"><b>Date de l\'expérience :</b> '
            f'{experienced}</p></div></section></article>')


def _trust_page() -> str:
    return ('<html lang="fr"><body>'
            + _trust_card("", True, "Leprince Coquelicot", 1, "Lamentable", "Quarante minutes d'attente et des frites "
                          "froides, erreur sur les menus et boissons livrées à part.", "2024-01-06", "6 janvier 2024")
            + _trust_card("CH", False, "Chloé", 2, "Livraisons", "Le livreur part à l'opposé de notre domicile.",
                          "2024-01-07", "7 janvier 2024")
            + _trust_card("SE", False, "sertaki", 4, "Pas toujours de glace", "Rarement de la glace le soir.",
                          "2014-07-25", "25 juillet 2014")
            + '</body></html>')


def test_an_avatar_s_initials_are_not_the_author():
    reviews = extract_reviews(_trust_page(), "https://fr.trustpilot.example/review/shop.example", now=NOW)["reviews"]
    # "CH" and "SE" stand in the avatar for the picture; the names follow
    assert [r["author"] for r in reviews] == ["Leprince Coquelicot", "Chloé", "sertaki"]
    assert [r["rating"] for r in reviews] == [1.0, 2.0, 4.0]


def test_a_labelled_second_date_is_not_the_text():
    reviews = extract_reviews(_trust_page(), "https://fr.trustpilot.example/review/shop.example", now=NOW)["reviews"]
    # the date of the experience, labelled, after a short text: neither the text nor the date
    assert [r["body"] for r in reviews] == [
        "Quarante minutes d'attente et des frites froides, erreur sur les menus et boissons livrées à part.",
        "Le livreur part à l'opposé de notre domicile.", "Rarement de la glace le soir."]
    assert [r["published_at"] for r in reviews] == ["2024-01-06", "2024-01-07", "2014-07-25"]


_STAR_PATH = '<g><path d="M10.2,3.7 L6.6,3.3 L5.6,0.3 L4.7,0.3 L3.7,3.3 L0.5,3.3 L2.8,6.1 L1.8,9.1 L5.1,7.8 L8.5,9.1 Z"></path></g>'


def _local_card(name: str, icons: int, when: str, text: str, title: str) -> str:
    stars = f'<svg class="_Icon_16su5_6" width="11" height="10" viewBox="0 0 11 10">{_STAR_PATH}</svg>' * icons
    return (f'<div class="_experienceReview_132mq_1"><div class="_experienceReviewHeader_132mq_21"><div class="_Avatar">'
            f'<img alt="User image" src="/u.jpg"></div><div class="_experienceReviewDetails_132mq_27"><div><span>{name}</span>'
            f'</div><div class="_experienceReviewRating_132mq_54"><div class="_Rating_16su5_1">{stars}</div></div></div>'
            f'<div class="_experienceReviewDate_132mq_50">{when}</div></div>'
            f'<div class="_experienceReviewContent_132mq_9">{text}<span class="_ReviewTitle_132mq_68">{title}</span></div></div>')


def test_star_icons_drawn_alike_in_a_rating_row_count_as_the_stars_shown():
    page = ('<html lang="en"><body><section><ul>'
            + _local_card("Matej", 5, "4 December 2024", "A wonderful evening of street food with a great guide.",
                          "In depth street food")
            + _local_card("Lawrence", 5, "2 December 2024", "Such a fun time tasting foods at a local market.",
                          "Excellent food tour")
            + _local_card("Jan", 3, "1 December 2024", "Good food but far too rushed between the stalls.", "Rushed")
            + '</ul></section></body></html>')
    reviews = extract_reviews(page, "https://www.locals.example/experience/x/reviews/", now=NOW)["reviews"]
    # no colour, no class and no label tells the icons apart: each one drawn is a star
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("Matej", 5.0, "2024-12-04"), ("Lawrence", 5.0, "2024-12-02"), ("Jan", 3.0, "2024-12-01")]


# -- batch 5: a Google-reviews widget on small businesses' sites, a film site's review list,
# a web studio's testimonials (written for the test, in the shape those pages had)

def _widget_item(name: str, when: str, text: str) -> str:
    stars = '<span class="ti-star f"></span>' * 5
    return (f'<div class="ti-review-item source-Google"><div class="ti-inner"><div class="ti-review-header">'
            f'<div class="ti-profile-img"><img src="/a.png" alt="{name}"></div><div class="ti-profile-details">'
            f'<div class="ti-name"> {name} </div><div class="ti-date">{when}</div></div></div>'
            f'<span class="ti-stars">{stars}</span><div class="ti-review-text-container ti-review-content">{text}</div>'
            f'</div></div>')


def test_a_short_text_the_site_names_the_review_s_text_is_no_title_beside_the_stars():
    page = ('<html lang="en"><body><div class="ti-reviews-container-wrapper">'
            + _widget_item("Asha Verma", "2023-06-14", "Fresh, crisp and well packed, we will order again.")
            + _widget_item("Ravi Rao", "2023-06-14", "Tasty")
            + _widget_item("Meena Iyer", "2023-06-12", "Keep growing")
            + '</div></body></html>')
    reviews = extract_reviews(page, "https://snacks.example/", now=NOW)["reviews"]
    assert [(r["author"], r["title"], r["body"]) for r in reviews] == [
        ("Asha Verma", None, "Fresh, crisp and well packed, we will order again."),
        ("Ravi Rao", None, "Tasty"), ("Meena Iyer", None, "Keep growing")]
    assert [r["rating"] for r in reviews] == [5.0, 5.0, 5.0]


def test_an_unnamed_line_beside_the_stars_with_no_other_text_is_the_text():
    def item(name, text):
        return (f'<li class="rv"><div class="hd"><b class="who">{name}</b><time datetime="2024-03-12">12 March 2024</time>'
                f'</div><div class="st" data-rating="4"></div><div>{text}</div></li>')
    page = ('<html lang="en"><body><ul>' + item("Tom Hill", "Brilliant") + item("Sue Park", "Lovely staff")
            + item("Ann Lee", "Quick and easy booking, the room was clean and quiet.") + '</ul></body></html>')
    reviews = extract_reviews(page, "https://hotel.example/reviews", now=NOW)["reviews"]
    assert [(r["title"], r["body"]) for r in reviews] == [
        (None, "Brilliant"), (None, "Lovely staff"), (None, "Quick and easy booking, the room was clean and quiet.")]


def test_a_heading_that_repeats_the_pictured_item_s_name_is_no_review_title():
    def item(film, year, slug, who, stars, value, text):
        return (f'<li class="film-detail"><div class="poster film-poster"><img src="/p.png" alt="{film}"></div>'
                f'<div class="film-detail-content"><h2 class="headline-2"><a href="/{who}/film/{slug}/">{film}</a> '
                f'<small class="metadata"><a href="/films/year/{year}/">{year}</a></small></h2>'
                f'<div class="attribution-block"><a class="avatar" href="/{who}/"><img src="/u.png" alt="{who}"></a>'
                f'<p class="attribution"><strong class="name"><a href="/{who}/">{who}</a></strong>'
                f'<span itemscope itemtype="http://schema.org/Rating" class="rating rated-{value}"> {stars}'
                f'<meta itemprop="ratingValue" content="{value}"><meta itemprop="worstRating" content="1">'
                f'<meta itemprop="bestRating" content="10"></span></p></div>'
                f'<div class="body-text"><p>{text}</p></div></div></li>')
    page = ('<html lang="en"><body><section id="popular-reviews"><ul class="film-list">'
            + item("Paddington 2", 2017, "paddington-2", "maya", "★★★★½", 9, "The warmest film of the decade, a bear in a hat.")
            + item("The Shining", 1980, "the-shining", "omar", "★★★", 6, "Beautiful and cold, I admired it more than I liked it.")
            + item("Heat", 1995, "heat", "li", "★★★★★", 10, "Every scene is a masterclass in tension and in restraint.")
            + '</ul></section></body></html>')
    reviews = extract_reviews(page, "https://films.example/", now=NOW)["reviews"]
    assert [(r["author"], r["title"], r["rating"]) for r in reviews] == [
        ("maya", None, 4.5), ("omar", None, 3.0), ("li", None, 5.0)]


def test_a_client_company_named_with_its_legal_form_and_quotes_is_the_author():
    def item(company, text):
        return (f'<div class="front-reviews__item"><div class="front-reviews__company">'
                f'<span class="front-reviews__company-name">{company}</span></div>'
                f'<div class="review-content__text"><p>{text}</p></div></div>')
    page = ('<html lang="ru"><body><section class="front-reviews"><div class="slider">'
            + item("ООО «Сфера Сервиса»", "Благодарим студию за быструю и аккуратную работу над нашим сайтом и за поддержку.")
            + item("АО «Северный Ветер»", "Сайт запустили в срок, все пожелания по интеграции с CRM были учтены полностью.")
            + item("ЛЕСТНИЦА", "Спасибо команде за терпение, консультации и за отличный результат нашей совместной работы.")
            + '</div></section></body></html>')
    reviews = extract_reviews(page, "https://studio.example/", now=NOW)["reviews"]
    assert [r["author"] for r in reviews] == ["ООО «Сфера Сервиса»", "АО «Северный Ветер»", "ЛЕСТНИЦА"]
    assert [r["rating"] for r in reviews] == [None, None, None]


def test_a_japanese_summary_with_a_whole_score_out_of_five_and_a_review_count():
    page = ('<html lang="ja"><body><div class="ti-widget"><div class="ti-reviews-container-wrapper">'
            + _widget_item("山田", "2023-04-19", "トレーナーさんが丁寧に教えてくれるので毎回楽しく通えています。")
            + _widget_item("佐藤", "2023-04-18", "食事の指導もあり、三か月で体重が五キロ落ちました。おすすめです。")
            + '</div><div class="ti-footer"><div class="ti-rating-text"><span><strong>Google</strong> 評価スコア: </span>'
            '<span><strong>5</strong>/5, </span><span><strong>132 レビューに基づく</strong></span></div></div>'
            '</div></body></html>')
    result = extract_reviews(page, "https://gym.example/", now=NOW)
    assert result["aggregate"] == {"rating": 5.0, "count": 132}
    assert [r["rating"] for r in result["reviews"]] == [5.0, 5.0]


# -- batch 6 (after batch 5's fixes): a law firm's reviews, a shop's testimonial carousel

def test_a_name_heading_right_above_the_stars_in_a_block_of_name_stars_and_text_is_the_reviewer():
    def item(name, text):
        return (f'<div class="home-item"><div class="home-item-box"><h3>{name}</h3><div class="rating">'
                f'<div class="stars_base"><div class="stars_average" style="width:100%;"></div></div></div>'
                f'<div style="clear:both;"></div> <span>{text}</span></div></div>')
    page = ('<html lang="ru"><body><section><h2>Отзывы о нашей работе</h2><div class="reviews_holder">'
            + item("Ольга", "Спасибо адвокату за внимательное отношение и за быстрое решение нашего дела в суде.")
            + item("Ирина К.", "Два года длился процесс, и только благодаря защите дело закончилось оправданием.")
            + item("Вера", "Очень пунктуальна, всегда на связи, объясняет всё простыми словами. Рекомендую.")
            + '</div></section></body></html>')
    reviews = extract_reviews(page, "https://law.example/", now=NOW)["reviews"]
    assert [(r["author"], r["title"], r["rating"]) for r in reviews] == [
        ("Ольга", None, 5.0), ("Ирина К.", None, 5.0), ("Вера", None, 5.0)]


def _slide(text: str, name: str, role: str) -> str:
    return (f'<div class="swiper-slide"><div class="xy-testimonial"><div class="xy-testimonial__content">'
            f'<div class="xy-testimonial__text">“{text}”</div><cite class="xy-testimonial__cite">'
            f'<span class="xy-testimonial__name">{name}</span><span class="xy-testimonial__title">{role}</span>'
            f'</cite></div><div class="xy-testimonial__footer"><img src="/{name[:2]}.jpg" alt="{name}"></div></div></div>')


def test_testimonials_one_to_a_slide_without_stars_or_dates_are_reviews_and_the_role_is_no_title():
    page = ('<html lang="ms"><body><section><h2>TESTIMONIAL</h2><div class="widget-testimonial-carousel">'
            '<div class="swiper-container"><div class="swiper-wrapper">'
            + _slide("Dulu saya selalu penat, sekarang badan makin bertenaga dan kulit makin licin.", "Pn yusnita",
                     "manager, ipoh")
            + _slide("Sejak amalkan produk ini berat badan pun turun dan badan semakin sihat.", "pn ramla",
                     "manager, melaka")
            + _slide("Tumit saya dah tak sakit dan kulit makin cerah sekata, terima kasih.", "pn june",
                     "leader, sarawak")
            + '</div></div></div></section></body></html>')
    reviews = extract_reviews(page, "https://shop.example/", now=NOW)["reviews"]
    assert [(r["author"], r["title"], r["rating"]) for r in reviews] == [
        ("Pn yusnita", None, None), ("pn ramla", None, None), ("pn june", None, None)]
    assert reviews[1]["body"] == "Sejak amalkan produk ini berat badan pun turun dan badan semakin sihat."
