"""Review extraction: the rules parts U (eBay, PowerReviews, Udemy, eKomi, Kaup24, Mimovrste,
Myntra), V (Trip.com, Lazada Malaysia, Jumia, Indeed, a Swiper carousel, Elfsight, Vivino)
W (App Store Taiwan, Google Play Japan, Gmarket, jeuxvideo.com, Capterra Brazil, Feedaty,
Kaspi), X (Yandex Market, Tripadvisor Japan, Loox, Amazon.sa, Expedia Germany, Zillow, Reco)
Y (Rakuten France, Letterboxd, Gjirafa50, Trustpilot Denmark, Coursera) and Z (Fnac, Target,
Setec, Abacus, Apple Podcasts) of the corpus taught, each on a small page or a single normaliser besides the saved
pages of test_extract_reviews.py."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import _count_in, count_value
from crawlers.extract.reviews_body import VERIFIED
from crawlers.extract.reviews_dates import find_date_text, parse_date
from crawlers.extract.reviews_authors import name_like
from crawlers.extract.reviews_normalize import rating_from_text
from crawlers.extract.reviews_votes import helpful_votes

TEXT = "A long enough review text about the earbuds, the case and the battery life, number {i}."
NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def _votes(text: str) -> int | None:
    return helpful_votes(lxml.html.fromstring(f"<div><p>Text.</p><div>{text}</div></div>"))


def _reviews(body: str, lang: str = "en") -> list[dict]:
    page = f'<html lang="{lang}"><body><main>{body}</main></body></html>'
    return extract_reviews(page, "https://u.example/", now=NOW)["reviews"]


def test_part_u_estonian_slovenian_and_hindi_dates():
    for text, lang, iso in [("12. märts 2024", "et", "2024-03-12"), ("9. aprill 2024", "et", "2024-04-09"),
                            ("12. 3. 2024", "sl", "2024-03-12"), ("5. 1. 2024", "sl", "2024-01-05"),
                            ("12. marca 2024", "sl", "2024-03-12"), ("12 मार्च 2024", "hi", "2024-03-12"),
                            ("14 फ़रवरी 2024", "hi", "2024-02-14")]:
        assert parse_date(text, lang=lang, now=NOW) == iso, text
    # a name in a caseless script runs into the day when spans are joined
    assert find_date_text("अमित2 अप्रैल 2024") == "2 अप्रैल 2024"
    # the date found, a name and a date in one header row are no title
    got = _reviews("".join(
        f'<div class="c-review"><div class="head"><span class="c-review__author">{name}</span><span>{d}. märts 2024</span></div>'
        f'<div class="c-rating" title="Hinnang: {n}/5"></div><div class="c-review__text">{TEXT.format(i=i)}</div></div>'
        for i, (name, d, n) in enumerate([("Kristjan T.", 12, 5), ("Mari L.", 3, 3)])), "et")
    assert [(r["author"], r["title"], r["published_at"], r["rating"]) for r in got] == [
        ("Kristjan T.", None, "2024-03-12", 5.0), ("Mari L.", None, "2024-03-03", 3.0)]


def test_part_u_user_names_by_labels_and_avatar_initials():
    # eBay: "by sarahk-84" (a user name with figures); PowerReviews: "By" in a span of its own
    got = _reviews("".join(
        f'<div class="rv"><div class="st" aria-label="{n} out of 5 stars"></div><span class="review-item-author">by '
        f'<a href="/usr/{user}">{user}</a></span><p class="content">{TEXT.format(i=i)}</p></div>'
        for i, (n, user) in enumerate([(5, "sarahk-84"), (4, "anna_1987")])))
    assert [(r["author"], r["rating"]) for r in got] == [("sarahk-84", 5.0), ("anna_1987", 4.0)]
    got = _reviews("".join(
        f'<div class="pr-review"><div role="img" aria-label="Rated {n}.0 out of 5 stars"></div>'
        f'<p class="pr-rd-description-text">{TEXT.format(i=i)}</p><p class="pr-rd-author-nickname">'
        f'<span class="pr-rd-bold">By</span> <span>{name}</span></p></div>'
        for i, (n, name) in enumerate([(5, "Emma W."), (2, "Daniel")])))
    assert [(r["author"], r["rating"]) for r in got] == [("Emma W.", 5.0), ("Daniel", 2.0)]
    # Udemy: the initials in an avatar, styled as a heading, are no title
    got = _reviews("".join(
        f'<div class="review"><div class="user-avatar"><span class="ud-heading-md">{initials}</span></div>'
        f'<div class="review--name">{name}</div><span class="sr">Rating: {n} out of 5</span><p>{TEXT.format(i=i)}</p></div>'
        for i, (initials, name, n) in enumerate([("SK", "Sarah K.", 4.5), ("EW", "Emma W.", 5.0)])))
    assert [(r["title"], r["author"], r["rating"]) for r in got] == [(None, "Sarah K.", 4.5), (None, "Emma W.", 5.0)]


def test_part_u_counts_scales_and_labels():
    # "rating" before a count is no rating label: "4.6 course rating 12,345 ratings"
    assert rating_from_text("rating 12,345") is None and rating_from_text("Rating 4,5") == 4.5
    assert rating_from_text("Ocena: 4 od 5") == 4.0 and rating_from_text("4,3 od 5") == 4.3
    assert _count_in("based on 1,234 product ratings") == 1234 and _count_in("(86 arvustust)") == 86
    assert _count_in("12.3k रेटिंग") == 12300 and _count_in("Na podlagi 57 ocen") == 57
    page = ('<html lang="en"><body><main><div class="t"><span>4.6 course rating</span> <span>12,345 ratings</span></div>'
            + "".join(f'<div class="review"><div class="review--name">{name}</div><span class="sr">Rating: {n} out of 5</span>'
                      f'<p>{TEXT.format(i=i)}</p></div>' for i, (name, n) in enumerate([("Sarah K.", 4.5), ("Emma W.", 5.0)]))
            + '</main></body></html>')
    assert extract_reviews(page, "https://u.example/", now=NOW)["aggregate"] == {"rating": 4.6, "count": 12345}


def test_part_u_verified_words_and_helpful_buttons():
    assert VERIFIED.search("Ostetud toode") and VERIFIED.search("Preverjen nakup")
    got = _reviews("".join(
        f'<div class="rv"><div class="st" aria-label="{n} out of 5 stars"></div><p class="content">{TEXT.format(i=i)}</p>'
        f'<p class="attr"><span>Verified purchase: {yes}</span> | <span>Condition: New</span></p>'
        f'<button aria-label="Helpful">{up}</button><button aria-label="Not helpful">{down}</button></div>'
        for i, (n, yes, up, down) in enumerate([(5, "Yes", 12, 1), (4, "No", 0, 2)])))
    assert [(r["verified"], r["helpful_votes"]) for r in got] == [(True, 12), (None, 0)]
    assert _votes('<button aria-label="Not helpful">3</button>') is None
    assert _votes("Kas see arvustus oli kasulik? <button>Jah (4)</button> <button>Ei (0)</button>") == 4
    assert _votes("Ali vam je bila ocena v pomoč? <button>Da 2</button> <button>Ne 0</button>") == 2


# -- part V: Trip.com, Lazada Malaysia, Jumia, Indeed, a Swiper carousel, Elfsight, Vivino ------

def test_part_v_malay_months_and_a_date_after_a_word():
    # (found in a line: the date of a header row, not its title)
    assert find_date_text("12 Mac 2024 oleh Aisyah R.") == "12 Mac 2024" and find_date_text("Hafiz 2 Ogo 2023") == "2 Ogo 2023"
    assert parse_date("12 Mac 2024", lang="ms", now=NOW) == "2024-03-12"
    assert parse_date("2 Ogo 2023", lang="ms", now=NOW) == "2023-08-02"
    assert find_date_text("发布于2024年3月12日") == "2024年3月12日"
    assert VERIFIED.search("Pembelian Disahkan")


def test_part_v_employer_reviews():
    # Indeed: the rating is a button, the job line is no author, "Pros" / "Cons" after the
    # text belong to it, "Yes 12 No 3" are bare counts on the buttons
    page = "".join(
        f'<div class="card"><button aria-label="{n}.0 out of 5 stars."><span>{n}.0</span></button>'
        f'<h2><span>{title}</span></h2><span data-testid="review-author-info">{job} - March 1{i}, 2024</span>'
        f'<div class="t"><span>{TEXT.format(i=i)}</span></div>'
        f'<div class="p"><h2>Pros</h2><span>Friendly coworkers.</span></div><div class="c"><h2>Cons</h2><span>Pay raises are rare.</span></div>'
        f'<div><span>Was this review helpful?</span><button><span>Yes</span><span>{up}</span></button>'
        f'<button><span>No</span><span>3</span></button></div></div>'
        for i, (n, title, job, up) in enumerate([(4, "Good place", "Cashier (Current Employee) - Austin, TX", 12),
                                                 (2, "Too busy", "Sales Associate (Former Employee) - Chicago, IL", 0)]))
    got = _reviews(page)
    assert [(r["rating"], r["title"], r["author"], r["published_at"], r["helpful_votes"]) for r in got] == [
        (4.0, "Good place", None, "2024-03-10", 12), (2.0, "Too busy", None, "2024-03-11", 0)]
    assert got[0]["body"] == TEXT.format(i=0) + " Pros Friendly coworkers. Cons Pay raises are rare."
    # a short sentence is no name; names with particles and initials are
    assert not name_like("Pay raises are rare.") and name_like("Maria de la Cruz") and name_like("Tom B.")


def test_part_v_carousel_clones_once():
    def slide(k, clone):
        return (f'<div class="swiper-slide{" swiper-slide-duplicate" if clone else ""}"><div class="card">'
                f'<div class="stars">{"★" * (5 - k)}{"☆" * k}</div><blockquote>{TEXT.format(i=k)}</blockquote>'
                f'<strong>{["Maria G.", "Tom B."][k]}</strong></div></div>')
    page = '<div class="swiper"><div class="swiper-wrapper">' + slide(1, True) + slide(0, False) + slide(1, False) \
        + slide(0, True) + '</div></div>'
    got = _reviews(page)
    assert [(r["author"], r["rating"]) for r in got] == [("Maria G.", 5.0), ("Tom B.", 4.0)]


# -- part W: App Store Taiwan, Google Play Japan, Gmarket, jeuxvideo.com, Capterra Brazil, Feedaty,
# Kaspi --------------------------------------------------------------------------------------------

def test_part_w_east_asian_scales_and_counts():
    assert rating_from_text("5つ星中4つ星の評価を付けました。") == 4.0 and rating_from_text("평점 5점 만점에 4점") == 4.0
    assert rating_from_text("5つ星のうち3.5") == 3.5
    assert count_value("1.2萬") == 12000 and _count_in("1.2万件のレビュー") == 12000 and _count_in("1.2萬 則評分") == 12000
    assert _count_in("(리뷰 1,234건)") == 1234 and _count_in("(1 234 пікір)") == 1234
    assert _votes("12人がこのレビューが役立つと評価しました") == 12
    assert _votes("Пікір пайдалы болды ма? <button>Иә (3)</button> <button>Жоқ (0)</button>") == 3
    assert parse_date("12 наурыз 2024", lang="kk", now=NOW) == "2024-03-12" and find_date_text("Дана 6 ақпан 2024") == "6 ақпан 2024"
    assert VERIFIED.search("Recensione verificata")


def test_part_w_names_beside_avatars_pseudonyms_and_posting_verbs():
    # Google Play: the name in the element after an unnamed avatar image; Kaspi: the rating
    # only as a class beside "rating"
    got = _reviews("".join(
        f'<div class="r"><header><div><img src="/a/{i}.png" alt=""><div class="x">{name}</div></div>'
        f'<div class="rating _small _{n}"></div></header><div class="t">{TEXT.format(i=i)}</div></div>'
        for i, (name, n) in enumerate([("さくら", 4), ("たろう", 2)])), "ja")
    assert [(r["author"], r["rating"]) for r in got] == [("さくら", 4.0), ("たろう", 2.0)]
    # jeuxvideo.com: marks out of 20, "Publié le …" is no author, the name in a "pseudo" link
    page = ('<div class="note-lecteurs"><span>Note moyenne</span> <span>15.2/20</span> <span>(1 234 avis)</span></div>'
            + "".join(f'<div class="bloc-avis"><div class="note-avis"><strong>{m}</strong>/20</div>'
                      f'<div class="date">Publié le 1{i} mars 2024 à 14:03</div><div class="pseudo"><a href="/p/{p}">{p}</a></div>'
                      f'<div class="txt"><p>{TEXT.format(i=i)}</p></div></div>'
                      for i, (m, p) in enumerate([(17, "CamilleD"), (6, "julien_m")])))
    result = extract_reviews(f'<html lang="fr"><body><main>{page}</main></body></html>', "https://u.example/", now=NOW)
    assert [(r["author"], r["rating"], r["title"], r["published_at"]) for r in result["reviews"]] == [
        ("CamilleD", 4.25, None, "2024-03-10"), ("julien_m", 1.5, None, "2024-03-11")]
    assert result["aggregate"] == {"rating": 3.8, "count": 1234}


def test_part_w_labelled_rating_rows_and_portuguese_pros_and_cons():
    got = _reviews("".join(
        f'<div class="review-card"><span class="reviewer-name">{name}</span><h3 class="review-title">{title}</h3>'
        f'<div class="rating-row"><span>Avaliação geral</span><span class="star-rating" data-rating="{n}"></span>'
        f'<span>{str(n).replace(".", ",")}</span></div>'
        f'<p><span>Comentários:</span> {TEXT.format(i=i)}</p><p><span>Prós:</span> Fácil.</p><p><span>Contras:</span> Caro.</p></div>'
        for i, (name, title, n) in enumerate([("Ana P.", "Ótimo", 4.5), ("Rafael S.", "Bom", 3.5)])), "pt")
    assert [(r["author"], r["rating"], r["body"]) for r in got] == [
        ("Ana P.", 4.5, TEXT.format(i=0) + " Prós: Fácil. Contras: Caro."),
        ("Rafael S.", 3.5, TEXT.format(i=1) + " Prós: Fácil. Contras: Caro.")]


# -- part X: Yandex Market, Tripadvisor Japan, Loox, Amazon.sa, Expedia Germany, Zillow, Reco -----

def test_part_x_scales_votes_and_badges_in_more_languages():
    assert rating_from_text("4.0 من 5 نجوم") == 4.0 and rating_from_text("バブル評価 5 段階中 4") == 4.0
    assert _votes("أعجب 12 شخصًا بهذا") == 12 and _votes("3件の「役立った」投票") == 3
    assert _votes("Полезен ли отзыв? <button>Да 12</button> <button>Нет 1</button>") == 12
    assert VERIFIED.search("عملية شراء معتمدة")
    # a Tripadvisor-style svg titled in Japanese is the rating
    got = _reviews("".join(
        f'<div class="rc"><div class="m">{name}</div><svg viewBox="0 0 128 24" aria-labelledby="r{i}"><title id="r{i}">'
        f'バブル評価 5 段階中 {n}</title><path d="M0 0"></path></svg><p>{TEXT.format(i=i)}</p></div>'
        for i, (name, n) in enumerate([("さくら", 4), ("たろう", 2)])), "ja")
    assert [r["rating"] for r in got] == [4.0, 2.0]


def test_part_x_widgets_icons_by_reference_and_a_figure_beside_screen_reader_text():
    # Loox: stars told apart only by the symbol they <use>; the name in a "title" before a badge
    use = '<svg class="loox-icon"><use href="#looxicons-rating-{k}"></use></svg>'
    got = _reviews("".join(
        f'<div class="item"><div class="title-wrap"><div class="title">{name}</div><div class="badge"><span>Verified purchase</span></div></div>'
        f'<div class="stars">{use.format(k="full") * n}{use.format(k="empty") * (5 - n)}</div><div class="text">{TEXT.format(i=i)}</div></div>'
        for i, (name, n) in enumerate([("Linda", 5), ("Mike Thompson", 3)])))
    assert [(r["author"], r["title"], r["rating"], r["verified"]) for r in got] == [
        ("Linda", None, 5.0, True), ("Mike Thompson", None, 3.0, True)]
    # Zillow: "4.0" shown and "4.0 out of 5 stars" for screen readers, run together in the text
    got = _reviews("".join(
        f'<li class="review"><div class="review-rating"><span aria-hidden="true">{n:.1f}</span><span class="sr-only">'
        f'{n:.1f} out of 5 stars</span></div><p class="review-text">{TEXT.format(i=i)}</p></li>'
        for i, n in enumerate([4.0, 2.0, 5.0])))
    assert [r["rating"] for r in got] == [4.0, 2.0, 5.0]


def test_part_x_summaries_with_verdicts_and_labelled_comment_sections():
    # Expedia: "9,2/10 Hervorragend 1.234 verifizierte Bewertungen" is the page's score, no review
    page = ('<div class="s"><span class="h">9,2/10 Hervorragend</span><span>1.234 verifizierte Bewertungen</span></div>'
            + "".join(f'<article class="c"><h4 class="h5">{v}</h4><h4 class="h7">{name}</h4><div>1{i}. März 2024</div>'
                      f'<div class="p"><span>{TEXT.format(i=i)}</span></div></article>'
                      for i, (v, name) in enumerate([("10/10 Hervorragend", "Markus"), ("8/10 Sehr gut", "Julia")])))
    result = extract_reviews(f'<html lang="de"><body><main>{page}</main></body></html>', "https://u.example/", now=NOW)
    assert [(r["rating"], r["author"]) for r in result["reviews"]] == [(5.0, "Markus"), (4.0, "Julia")]
    assert result["aggregate"] == {"rating": 4.6, "count": 1234}
    # Yandex Market: pros, cons and the comment, each labelled, all kept
    got = _reviews("".join(
        f'<div class="r"><div class="n">{name}</div><div data-rate="{n}"><span class="visually-hidden">Оценка {n} из 5</span></div>'
        f'<div class="t"><div><span>Достоинства:</span> Быстро.</div><div><span>Недостатки:</span> Нет.</div>'
        f'<div><span>Комментарий:</span> {TEXT.format(i=i)}</div></div></div>'
        for i, (name, n) in enumerate([("Ольга", 5), ("Сергей", 2)])), "ru")
    assert [(r["rating"], r["body"]) for r in got] == [
        (5.0, f"Достоинства: Быстро. Недостатки: Нет. Комментарий: {TEXT.format(i=0)}"),
        (2.0, f"Достоинства: Быстро. Недостатки: Нет. Комментарий: {TEXT.format(i=1)}")]


# -- part Y: Rakuten France, Letterboxd, Gjirafa50, Trustpilot Denmark, Coursera ------------------

def test_part_y_purchase_dates_initials_and_albanian():
    # Rakuten: "Acheté le 02/03/2024" (the purchase) before "Avis déposé le 12/03/2024"
    got = _reviews("".join(
        f'<div class="ri"><span class="rating" aria-label="Note : {n}/5"></span><div class="a">Par <strong>{name}</strong> - '
        f'Acheté le 0{i + 1}/03/2024</div><p class="t">{TEXT.format(i=i)}</p><div class="d">Avis déposé le 1{i}/03/2024</div></div>'
        for i, (name, n) in enumerate([("Camille D.", 4), ("Julien M.", 2)])), "fr")
    assert [(r["author"], r["rating"], r["published_at"]) for r in got] == [
        ("Camille D.", 4.0, "2024-03-10"), ("Julien M.", 2.0, "2024-03-11")]
    # ... but a purchase date alone is better than none
    got = _reviews("".join(
        f'<div class="ri"><span class="rating" aria-label="Note : {n}/5"></span><div class="a">Acheté le 0{i + 1}/03/2024</div>'
        f'<p class="t">{TEXT.format(i=i)}</p></div>' for i, n in enumerate([4, 2])), "fr")
    assert [r["published_at"] for r in got] == ["2024-03-01", "2024-03-02"]
    # Coursera: the initials in an element named for the reviewer are not the name
    got = _reviews("".join(
        f'<div class="review"><p class="reviewerInitials">{ini}</p><p class="reviewerName">By {name}</p>'
        f'<div role="img" aria-label="Rated {n} out of 5 stars"></div><div class="reviewText"><p>{TEXT.format(i=i)}</p></div></div>'
        for i, (ini, name, n) in enumerate([("SK", "Sarah K.", 5), ("MT", "Mike Thompson", 4)])))
    assert [(r["author"], r["rating"]) for r in got] == [("Sarah K.", 5.0), ("Mike Thompson", 4.0)]
    assert parse_date("8 shkurt 2024", lang="sq", now=NOW) == "2024-02-08" and find_date_text("Elira 23 prill 2024") == "23 prill 2024"
    assert rating_from_text("Vlerësimi 4 nga 5") == 4.0 and _count_in("(86 vlerësime)") == 86
    assert VERIFIED.search("Blerje e verifikuar")


def test_part_y_count_in_a_tooltip():
    page = ('<section class="hist"><span class="average-rating"><a title="Weighted average of 3.9 based on 12,345 ratings">3.9</a>'
            '</span></section>' + "".join(
                f'<li class="fd"><a class="context">Review by <strong class="name">{name}</strong></a> '
                f'<span class="rating rated-{2 * n}">{"★" * n}</span><div class="body-text"><p>{TEXT.format(i=i)}</p></div></li>'
                for i, (name, n) in enumerate([("Sarah K.", 4), ("Tom B.", 2)])))
    result = extract_reviews(f'<html lang="en"><body><main><ul>{page}</ul></main></body></html>', "https://u.example/", now=NOW)
    assert result["aggregate"] == {"rating": 3.9, "count": 12345}


# -- part Z: Fnac, Target, Setec, Abacus, Apple Podcasts -------------------------------------------

def test_part_z_catalan_macedonian_and_french_lines():
    assert parse_date("12 de març de 2024", lang="ca", now=NOW) == "2024-03-12"
    assert find_date_text("Montse5 de febrer de 2024") == "5 de febrer de 2024"
    assert parse_date("24 јануари 2024", lang="mk", now=NOW) == "2024-01-24"
    assert find_date_text("Ана С.24 јануари 2024") == "24 јануари 2024"
    assert _count_in("86 valoracions") == 86 and _count_in("(57 рецензии)") == 57 and _count_in("1,234 star ratings") == 1234
    assert VERIFIED.search("Потврдена купувина")
    assert _votes("4 personnes sur 5 ont trouvé cet avis utile") == 4
    # "par Camille D. (Paris)": the town in brackets is not part of the name; an employee's
    # status in brackets still makes no author
    got = _reviews("".join(
        f'<div class="it"><span class="f-rating__label">Note : {n}/5</span><p class="customerReview__author">par {name} (Paris)</p>'
        f'<div class="customerReview__text">{TEXT.format(i=i)}</div></div>'
        for i, (name, n) in enumerate([("Camille D.", 4), ("Julien M.", 2)])), "fr")
    assert [(r["author"], r["rating"]) for r in got] == [("Camille D.", 4.0), ("Julien M.", 2.0)]


def test_part_z_a_score_out_of_5_and_an_abbreviated_count_is_the_page_score():
    page = ('<div class="we-customer-ratings"><span>4.7</span><span>out of 5</span><div>2.3K Ratings</div></div>' + "".join(
        f'<div class="we-customer-review"><figure class="we-star-rating" aria-label="{n} out of 5"></figure>'
        f'<h3 class="we-customer-review__title">{title}</h3><span class="we-customer-review__user">{user}</span>'
        f'<blockquote><p>{TEXT.format(i=i)}</p></blockquote></div>'
        for i, (n, title, user) in enumerate([(5, "Great show", "sarahk84"), (3, "Too long", "mike_t_pod")])))
    result = extract_reviews(f'<html lang="en"><body><main>{page}</main></body></html>', "https://u.example/", now=NOW)
    assert [(r["rating"], r["title"], r["author"]) for r in result["reviews"]] == [
        (5.0, "Great show", "sarahk84"), (3.0, "Too long", "mike_t_pod")]
    assert result["aggregate"] == {"rating": 4.7, "count": 2300}
