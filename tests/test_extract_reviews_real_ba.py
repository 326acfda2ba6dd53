"""Batch 58 of real pages (app stores and game stores, second pass: other years and locales of
designs the corpus had): the general rules they needed, on synthetic markup (invented names and
texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_body import strip_leftovers
from crawlers.extract.reviews_votes import helpful_votes
from lxml import html as lxml_html

NOW = datetime(2016, 5, 2, tzinfo=timezone.utc)


def _card(name: str | None, date: str, stars: int, title: str, text: str) -> str:
    shown = f' <a href="/people/{len(text)}">{name}</a> ' if name else ' A Store Users '
    return (f'<div class="single-review"><div class="review-header"><div class="review-info">'
            f'<span class="author-name">{shown}</span> <span class="review-date">{date}</span>'
            f'<div class="review-info-star-rating"><div class="tiny-star" aria-label="5つ星のうち{stars}つ星で評価しました">'
            f'<div class="current-rating" style="width: {stars * 20}%;"></div></div></div></div></div>'
            f'<div class="review-body"> <span class="review-title">{title}</span> {text} '
            f'<div class="review-link" style="display:none"> <a class="id-no-nav play-button tiny" href="#">全文を表示</a>'
            f' </div> </div></div>')


def _page(cards: str) -> str:
    return f'<html lang="ja"><body><div class="reviews">{cards}</div></body></html>'


def test_hidden_japanese_full_review_link_is_no_part_of_the_text():
    # a store's hidden "全文を表示" (show the full review) link after each text, its Japanese
    # "Full Review": an action, not words of the review
    page = _page(_card("山田花子", "2016年4月3日", 4, "便利", "毎日使っています。動作も軽くて満足です。")
                 + _card("佐藤一郎", "2016年4月2日", 2, "", "最近の更新で起動が遅くなりました。")
                 + _card("鈴木", "2016年4月1日", 5, "最高", "なぜ？"))
    got = extract_reviews(page, url="https://store.example/app?id=1", now=NOW)["reviews"]
    assert [(r["rating"], r["body"]) for r in got] == [
        (4.0, "毎日使っています。動作も軽くて満足です。"), (2.0, "最近の更新で起動が遅くなりました。"), (5.0, "なぜ？")]


def test_a_stand_in_name_printed_in_the_plural_is_no_author():
    # "A Store Users": the store's stand-in for a reviewer who hides the name, its noun
    # printed in the plural; no name, as "A Google User"
    page = _page(_card("山田花子", "2016年4月3日", 4, "便利", "毎日使っています。動作も軽くて満足です。")
                 + _card(None, "2016年4月2日", 3, "", "広告が多いのが残念ですが、機能は十分です。"))
    got = extract_reviews(page, url="https://store.example/app?id=1", now=NOW)["reviews"]
    assert [(r["author"], r["rating"]) for r in got] == [("山田花子", 4.0), (None, 3.0)]


def _hub_card(helpful: str, verdict: str, name: str, date: str, text: str) -> str:
    return (f'<div class="hub-card"><div class="hub-card-main"><div class="found-helpful">{helpful}</div>'
            f'<div class="vote-header"><div class="title">{verdict}</div><div class="hours">12.5 h en tout</div></div>'
            f'<div class="hub-card-text"><div class="date-posted">Évaluation publiée le {date}</div>{text}</div></div>'
            f'<div class="hub-card-author"><a href="/u/{name}">{name}</a></div></div>')


def test_french_helpful_line_of_one_or_nobody_is_no_text():
    # "Personne n'a trouvé cette évaluation utile" (nobody found this review helpful) and
    # "1 personne a trouvé cette évaluation utile": the site's vote line, not the reviewer's words
    page = ('<html lang="fr"><body><div class="hub-cards">'
            + _hub_card("Personne n'a trouvé cette évaluation utile", "Recommandé", "Lumen",
                        "3 mars 2016", "Un jeu de plateforme court mais très soigné, la musique est superbe et "
                        "les niveaux se renouvellent sans cesse.")
            + _hub_card("1 personne a trouvé cette évaluation utile<br>1 personne a trouvé cette évaluation amusante",
                        "Non recommandé", "Orvane", "1 mars 2016",
                        "Les contrôles sont imprécis et deux niveaux sont impossibles à terminer sans bug.")
            + '</div></body></html>')
    got = extract_reviews(page, url="https://hub.example/app/1/reviews", now=NOW)["reviews"]
    assert [(r["author"], r["published_at"], r["body"][:24]) for r in got] == [
        ("Lumen", "2016-03-03", "Un jeu de plateforme cou"), ("Orvane", "2016-03-01", "Les contrôles sont impré")]


def test_french_vote_line_of_one_or_nobody_is_left_out_as_a_leftover():
    # the same lines read as a block's leftover text (a card whose own words are a word or two):
    # nothing of the reviewer's remains
    assert strip_leftovers("Personne n'a trouvé cette évaluation utile") is None
    assert strip_leftovers("1 personne a trouvé cette évaluation utile 1 personne a trouvé cette évaluation amusante") is None
    assert strip_leftovers("Une personne ordinaire trouvera ce jeu utile.") == "Une personne ordinaire trouvera ce jeu utile."


def test_french_helpful_count_on_an_evaluation():
    # "3 personnes ont trouvé cette évaluation utile": three helpful votes ("évaluation" as
    # well as "avis")
    block = lxml_html.fromstring('<div><div class="found-helpful">3 personnes ont trouvé cette évaluation utile</div>'
                                 '<p>Très bon jeu.</p></div>')
    assert helpful_votes(block) == 3


def _voted_card(helpful: str, name: str, date: str, text: str) -> str:
    return (f'<div class="hub-card"><div class="hub-card-main"><div class="found_helpful">{helpful}</div>'
            f'<div class="vote-header"><div class="title">Recommended</div><div class="hours">8.5 hrs on record</div></div>'
            f'<div class="hub_CardTextContent"><div class="date-posted">Posted: {date}</div>{text}</div></div>'
            f'<div class="hub-card-author"><a href="/u/{name}">{name}</a></div></div>')


def test_a_long_block_of_vote_lines_is_left_out_however_long():
    # the helpful, funny and award counts stacked in the element named for them run past a
    # line (80 characters): still only the site's counts, so a card whose one word of text sits
    # in an element not named as text keeps that word, not the counts
    page = ('<html><body><div class="hub-cards">'
            + _voted_card("1,204 people found this review helpful<br>38 people found this review funny<br>"
                          "5 people gave this review an award", "Kestrel", "March 3, 2016", "Superb")
            + _voted_card("No one has rated this review as helpful yet", "Marlow", "March 1, 2016",
                          "A short puzzle game with clever levels, though the last chapter drags on.")
            + '</div></body></html>')
    got = extract_reviews(page, url="https://hub.example/app/2/reviews", now=NOW)["reviews"]
    assert [(r["author"], r["body"]) for r in got][:1] == [("Kestrel", "Superb")]
