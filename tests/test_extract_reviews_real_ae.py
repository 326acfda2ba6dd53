"""Batch 36 of real pages (doctors', dentists' and care homes' review sites, 2018: home pages
listing the latest reviews): a reviewer's name written in lower case in the slot where the
other cards carry theirs, a heading that links to the page of the person reviewed (a doctor)
pictured beside it, a heading that only says whose review it is ("Review for NAME, TOWN"), one
patient's quote named for the person, with the name as a heading under it. The general rules
they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_parts import review_for

NOW = datetime(2018, 3, 17, 12, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://clinics.example/", lang: str = "en") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body><h1>Find a doctor</h1>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a lower-case name in the slot where the other cards carry theirs ------------------------------

def _card(doctor, slug, score, text, patient):
    return (f'<figure class="item"><div class="clearfix"><h6 class="one-line">Dr. <a href="/dr/{slug}" title="{doctor}">'
            f'{doctor}</a></h6><div class="stars pull-right" data-readonly="true" data-score="{score}"></div></div>'
            f'<div class="clearfix"><a class="image" href="/dr/{slug}"><img src="/p/{slug}.png" alt="Dr. {doctor}"></a>'
            f'<p class="text"><a href="/dr/{slug}">{text}</a><em class="text-muted">{patient}</em></p></div></figure>')


def test_a_lower_case_name_in_the_slot_of_the_other_cards_names_is_the_reviewer():
    """Three cards sign with capitalised names in an em after the text; the fourth's em holds a
    name in lower case: its reviewer too, and no part of the text."""
    body = ('<div class="latest">'
            + _card("Alma Vint", "alma-vint", 5, "Listened carefully and explained every step of the treatment...", "Oskar Lind")
            + _card("Bruno Falk", "bruno-falk", 4, "Short wait, friendly nurses, a clear plan for the next visit.", "Mira T.")
            + _card("Cora Wendt", "cora-wendt", 2, "The appointment was rushed and my questions were left open...", "pavel dorn")
            + _card("Dana Roos", "dana-roos", 5, "Best dentist I have had, painless and quick as promised.", "Ines Kahl")
            + '</div>')
    got = _run(body)["reviews"]
    assert [(r["author"], r["rating"]) for r in got] == [("Oskar Lind", 5.0), ("Mira T.", 4.0), ("pavel dorn", 2.0),
                                                         ("Ines Kahl", 5.0)]
    assert got[2]["body"] == "The appointment was rushed and my questions were left open..."


# -- the linked heading names the doctor pictured beside it ----------------------------------------

def _opinion(doctor, slug, text, patient):
    return (f'<figure class="col-xs-12"><div class="media"><div class="media-left">'
            f'<span class="avatar avatar-sm" data-id="js-link" data-href="https://clinics.example/{slug}/gp/town">'
            f'<img data-src="/img/{slug}_140.jpg" alt="{doctor}"></span></div>'
            f'<div class="media-body"><h3 class="h4 clearfix"><a href="https://clinics.example/{slug}/gp/town" title="{doctor}">'
            f'{doctor}</a><span class="small pull-right" data-score="5" data-lazyload-class="rating rating--md"></span></h3>'
            f'<figcaption><div data-id="js-link" data-href="https://clinics.example/{slug}/gp/town">'
            f'<p class="offset-bottom-0">{text}</p><em class="text-muted">{patient}</em></div></figcaption></div></div></figure>')


def test_a_heading_linking_to_the_page_of_the_person_pictured_beside_it_is_no_title():
    """Each card shows a doctor's portrait (its alt the doctor's name) that a script links to the
    doctor's page, and a heading linking there with the same name: the person reviewed, not a
    title the patient wrote (the patient signs below the text)."""
    body = ('<section id="latest"><div class="row"><h2>Latest opinions</h2>'
            + _opinion("Hana Kovar", "hana-kovar", "Very patient with my son and we felt at ease from the first minute.", "JK")
            + _opinion("Ivo Brandt", "ivo-brandt", "Thorough examination and a kind word for everyone in the waiting room.", "Lena")
            + _opinion("Jana Pohl", "jana-pohl", "Explained the results calmly and took all the time we needed...", "Petr S.")
            + '</div></section>')
    got = _run(body, lang="cs")["reviews"]
    assert [(r["title"], r["author"], r["rating"]) for r in got] == [(None, "JK", 5.0), (None, "Lena", 5.0),
                                                                     (None, "Petr S.", 5.0)]


# -- "Review for NAME, TOWN" ----------------------------------------------------------------------

def _slide(home, score, text):
    return (f'<div class="slide"><h4 class="review-title">Review for {home}</h4><div class="rating_box">'
            f'<span><span> {score}</span> / 5</span></div><div class="date text-right">16 March 2018</div>'
            f'<p class="review-text">{text}</p><a href="/home/1#reviews" class="readmore">Read Full Review</a></div>')


def test_a_heading_that_only_says_whose_review_it_is_is_no_title():
    """'Review for Maple Court, Eastfield' names the care home reviewed, not the reviewer's title."""
    body = ('<div class="reviews-slider">'
            + _slide("Maple Court, Eastfield", "5", "Warm staff and a garden my mother loves, visits are always welcome.")
            + _slide("Rowan House Care Home & Day Unit", "4.5", "Clean rooms, good food and a lively activities board...")
            + _slide("The Elms, Walton-on-Sea, Kent", "3.8", "Care is fine but the laundry often goes missing for days.")
            + '</div>')
    got = _run(body)["reviews"]
    assert [(r["title"], r["rating"], r["published_at"]) for r in got] == [
        (None, 5.0, "2018-03-16"), (None, 4.5, "2018-03-16"), (None, 3.8, "2018-03-16")]


def test_review_for_reads_only_a_name_after_the_word():
    assert review_for("Review for Maple Court, Eastfield")
    assert review_for("Bewertung für Praxis Dr. Lang")
    assert not review_for("Review of my stay in March")
    assert not review_for("Review of the Week")
    assert not review_for("Great care, friendly staff")


# -- one patient's quote, the name as a heading under it -----------------------------------------

def test_one_persons_quote_named_so_is_a_review_signed_by_the_heading_under_it():
    """A landing page's only review: div.patient-quote with the quote (broken by <br>s), the
    patient's name as a heading under it and the town below: one review by that name, no title."""
    body = ('<div class="features"><h3>Only vetted dentists</h3><p>We check every practice before it joins.</p></div>'
            '<div class="bg-grey"><div class="container"><div class="patient-quote-container">'
            '<img src="/img/landing/quote-photo.png" class="user-photo"><div class="patient-quote">'
            '<p class="patient-quote-body">Booking was simple and the clinic answered my questions before the visit.<br><br>'
            'The dentist took time to explain the treatment and the bill matched the estimate exactly.</p>'
            '<h2 class="mb-0">Runa</h2><div class="text-secondary">Halifax</div></div></div></div></div>')
    got = _run(body)["reviews"]
    assert len(got) == 1
    assert (got[0]["author"], got[0]["title"], got[0]["rating"]) == ("Runa", None, None)
    assert got[0]["body"].startswith("Booking was simple") and got[0]["body"].endswith("matched the estimate exactly.")
