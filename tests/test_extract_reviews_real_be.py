"""Batch 62 of real pages (app, software and extension stores and software directories: Google Play's
2022+ app page as served in 2025 and 2026, a TrustRadius review of 2017): the general rules they
needed, on synthetic markup (invented names, apps and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2026, 7, 1, tzinfo=timezone.utc)


def _stars(n: int) -> str:
    return "".join(f'<span class="st" data-number="{i}"><span class="{"on" if i <= n else "off"}"></span></span>'
                   for i in range(1, 6))


def _card(name: str, n: int, date: str, text: str, reply: tuple | None) -> str:
    answer = (f'<div class="qa1"><div class="qa2"><div class="qa3">{reply[0]}</div><div class="qa4">{reply[1]}</div></div>'
              f'<div class="qa5"><div>{reply[2]}</div></div></div>') if reply else ""
    return (f'<div class="k1"><header class="k2"><div class="k3"><div class="k4"><img src="/a.png" alt="">'
            f'<div class="k5">{name}</div></div><div><button aria-label="More review actions">more_vert</button></div></div>'
            f'<div class="k6"><div aria-label="Rated {n} stars out of five stars" role="img" class="k7">{_stars(n)}</div>'
            f'<span class="k8">{date}</span></div></header><div class="k9">{text}</div>'
            f'<div class="k10"><div class="k11">3 people found this review helpful</div><footer class="k12">'
            f'<div class="k13">Did you find this helpful?</div><div role="button">Yes</div><div role="button">No</div>'
            f'</footer></div>{answer}</div>')


def test_an_unlabelled_answer_with_its_own_name_and_date_after_the_text_is_no_part_of_it():
    # the developer's answer, longer than the short review it follows: its name and date over it, no label
    page = ('<html lang="en"><body><section><h2>Ratings and reviews</h2>'
            + _card("Mira Holt", 5, "March 3, 2026", "Lovely puzzle app, calm music and clever levels.",
                    ("Pebble Apps", "March 5, 2026", "Thank you so much for the kind words! We are adding forty new "
                     "levels next month and a night theme many players asked for. Enjoy the puzzles and tell your friends!"))
            + _card("Tom Reyes", 2, "April 9, 2026", "The last update keeps freezing on level twelve and the hint button "
                    "does nothing at all for me now.", None)
            + _card("Ada Lin", 4, "May 1, 2026", "Good fun on the train, a bit too many adverts between the rounds though.",
                    ("Pebble Apps", "May 2, 2026", "Thanks! You can switch the adverts off in the settings."))
            + '</section></body></html>')
    reviews = extract_reviews(page, "https://apps.example.com/details?id=pebble", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["body"]) for r in reviews] == [
        ("Mira Holt", 5.0, "2026-03-03", "Lovely puzzle app, calm music and clever levels."),
        ("Tom Reyes", 2.0, "2026-04-09", "The last update keeps freezing on level twelve and the hint button does "
                                         "nothing at all for me now."),
        ("Ada Lin", 4.0, "2026-05-01", "Good fun on the train, a bit too many adverts between the rounds though.")]


def test_a_review_whose_own_name_and_date_head_its_text_keeps_the_text():
    # the review's by-line is such a header too, but nothing of the review comes before it
    page = ('<html lang="en"><body>' + "".join(
        f'<div class="c"><div class="s" aria-label="Rated {n} out of 5">{"★" * n}</div><div class="w"><div class="h">'
        f'<span class="n">{who}</span><span class="d">{when}</span></div><p class="t">{text}</p></div></div>'
        for who, n, when, text in (
            ("Ben Aldo", 4, "June 2, 2026", "Sturdy little app that does what it says, and the sync works well."),
            ("Kim Vos", 3, "June 5, 2026", "Fine for notes, though the search could be quicker on an older phone.")))
        + '</body></html>')
    reviews = extract_reviews(page, "https://apps.example.com/notes", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["body"]) for r in reviews] == [
        ("Ben Aldo", 4.0, "Sturdy little app that does what it says, and the sync works well."),
        ("Kim Vos", 3.0, "Fine for notes, though the search could be quicker on an older phone.")]


def test_a_review_count_in_millions_with_two_decimals_is_the_count():
    # "3.27M reviews" under the score, the histogram rows' own counts beside it
    rows = "".join(f'<div class="r" role="img" aria-label="{c} reviews for star rating {n}"><div class="n">{n}</div>'
                   f'<div class="bar" title="{c}"></div></div>'
                   for n, c in ((5, "2,410,332"), (4, "402,118"), (3, "170,540"), (2, "90,221"), (1, "196,903")))
    page = ('<html lang="en"><body><section><h2>Ratings and reviews</h2><div class="sum"><div class="sc">4.4</div>'
            '<div aria-label="Rated 4.4 stars out of five stars" role="img" class="st"></div>'
            f'<div class="cnt">3.27M reviews</div></div><div>{rows}</div>'
            + _card("Mira Holt", 5, "March 3, 2026", "Lovely puzzle app, calm music and clever levels to relax with.", None)
            + _card("Tom Reyes", 2, "April 9, 2026", "The last update keeps freezing on level twelve for me.", None)
            + '</section></body></html>')
    result = extract_reviews(page, "https://apps.example.com/details?id=pebble", now=NOW)
    assert result["aggregate"] == {"rating": 4.4, "count": 3270000}
    assert [r["rating"] for r in result["reviews"]] == [5.0, 2.0]


def test_a_review_in_headed_boxes_is_every_boxs_answer_without_the_headings():
    # a B2B review site: each question's answer in a box of its own under its heading, one with a score
    def box(heading: str, answer: str, score: str = "") -> str:
        figure = f'<div class="col-4"><h4 class="ugc score">{score}</h4></div>' if score else ""
        return (f'<div class="qbox show"><div class="question"><div class="row"><div class="col-8"><div><h4>'
                f'<a href="/products/acme/reviews/q">{heading}</a></h4></div></div>{figure}</div></div><div class="response">'
                f'<div class="row"><div class="col-12"><div class="body"><div class="ugc">{answer}</div></div></div></div>'
                f'</div></div>')
    page = ('<html lang="en"><body><div class="serp-row"><div class="serp-result"><div class="side"><div class="serp-author">'
            '<span class="name"><a href="/users/77" class="url fn">Nora Quill</a></span><span class="position">Office '
            'Manager</span></div></div><div class="main"><h4 class="review-title"><a href="/reviews/acme-1"><strong '
            'class="summary">"Acme review"</strong></a></h4><div class="rating-box"><span title="8 out of 10" '
            'class="rating-stars"></span><span class="rating-stars-text"><span>8 of 10</span> | 3/9/2017</span></div>'
            + box("Acme Use Cases and Deployment Scope", "We book every meeting room and track the visitors with it.")
            + box("Acme Pros", "<ul><li>Quick to learn for new staff</li><li>Clear weekly reports</li></ul>")
            + box("Acme Cons", "<ul><li>The phone app logs out too often</li></ul>")
            + box("Likelihood to Recommend Acme", "Right for a small office that wants one calendar.", "8.0")
            + '</div></div></div></body></html>')
    reviews = extract_reviews(page, "https://ratings.example.com/products/acme/reviews", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["published_at"]) for r in reviews] == [
        ("Nora Quill", 4.0, "Acme review", "2017-03-09")]
    assert " ".join(reviews[0]["body"].split()) == (
        "We book every meeting room and track the visitors with it. Quick to learn for new staff Clear weekly reports "
        "The phone app logs out too often Right for a small office that wants one calendar.")
