"""Rules found on real review pages of 2007-2010 (batch 13: pages kept by a web-extraction
data set), each on a synthetic page."""
from __future__ import annotations

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_authors import anonymous, section_heading
from crawlers.extract.reviews_scores import counts_of_a_total
from crawlers.extract.reviews_votes import helpful_line

URL = "https://reviews.example/place/1"


def _page(inner: str) -> str:
    return f"<html><body><div id='main'>{inner}</div></body></html>"


# -- a by-line printing its date as bare text beside inline markup ----------------------

def _byline_unit(name: str, date: str, since: str, text: str) -> str:
    return (f"<div class='unit'><h4>Reviewed by <strong><a href='/u/{name}'>{name}</a></strong> on {date}.<br />"
            f"<small>Member since {since}, Total Reviews: 12 (Springfield, ZZ)</small></h4>"
            f"<p>{text}</p><div class='query'><span>Was this review helpful to you?</span></div></div>")


def test_byline_date_in_a_heading_beside_a_long_small():
    units = [
        _byline_unit("tealkettle", "11/22/2009", "March 2009", "The soup came quickly and the bread was still warm from the oven."),
        _byline_unit("quietowl", "11/19/2009", "April 2008", "Hard to find a seat at noon, but the staff cleared a table for us fast."),
        _byline_unit("bluefern", "11/16/2009", "July 2007", "Portions are generous and the prices have not changed in years."),
    ]
    result = extract_reviews(_page(f"<div class='units'>{''.join(units)}</div>"), URL)
    got = [(r["author"], r["published_at"], r["rating"]) for r in result["reviews"]]
    assert got == [("tealkettle", "2009-11-22", None), ("quietowl", "2009-11-19", None),
                   ("bluefern", "2009-11-16", None)]
    assert result["reviews"][0]["title"] is None


# -- bare scores out of 100 beside bare scores out of 10, and a distribution's rows ------

def _critic(source: str, name: str, score: int, text: str) -> str:
    return (f"<li class='review critic_review'><div class='review_stats'><div class='review_critic'>"
            f"<div class='author'>Reviewed by: <a href='/critic/{name.lower()}'>{name}</a></div></div>"
            f"<div class='review_grade critscore'>{score}</div></div><div class='review_body'>{text}</div></li>")


def _user(name: str, score: int, text: str) -> str:
    return (f"<li class='review user_review'><div class='review_stats'><div class='review_critic'>"
            f"<div class='name'><span>{name}</span></div></div>"
            f"<div class='review_grade userscore'>{score}</div></div><div class='review_body'>{text}</div></li>")


def _distribution(total: int, counts: list[int]) -> str:
    rows = "".join(f"<li class='score_count'><span class='label'>{label}:</span> <span class='count'>{n}</span>"
                   f"<span class='distribution'> out of {total}</span></li>"
                   for label, n in zip(("Positive", "Mixed", "Negative"), counts))
    return f"<div class='score_distribution'><ol class='score_counts'>{rows}</ol></div>"


def test_bare_scores_out_of_100_and_out_of_10_on_one_page():
    critics = "".join([
        _critic("Daily Example", "Ann Critic", 100, "A sweeping picture that earns every one of its many minutes on screen."),
        _critic("Weekly Sample", "Bo Reviewer", 80, "Handsome and patient, though the middle hour drags more than it should."),
    ])
    users = "".join([
        _user("filmfan9", 9, "Saw it twice in one week and noticed new details the second time round."),
        _user("couchcritic", 4, "Too long for me, and the music drowned out half of the dialogue."),
        _user("reelquiet", 10, "The desert scenes alone are worth the price of a ticket, truly."),
    ])
    critics += _critic("Monthly Model", "Cy Writer", 90, "A restored print that makes the old colours glow again; see it big.")
    page = _page(f"<div class='critics'>{_distribution(3, [3, 0, 0])}<ol class='reviews critic_reviews'>{critics}</ol></div>"
                 f"<div class='users'><ol class='reviews user_reviews'>{users}</ol></div>")
    result = extract_reviews(page, URL)
    got = [(r["author"], r["rating"]) for r in result["reviews"]]
    assert got == [("Ann Critic", 5.0), ("Bo Reviewer", 4.0), ("Cy Writer", 4.5), ("filmfan9", 4.5),
                   ("couchcritic", 2.0), ("reelquiet", 5.0)]
    assert result["aggregate"] is None  # "Positive: 3 out of 3" is a count of critics, not a score


def test_counts_of_a_total():
    assert counts_of_a_total(["Positive: 7 out of 7", "Mixed: 0 out of 7"])
    assert counts_of_a_total(["Positive: 22 out of 24", "Mixed: 1 out of 24", "Negative: 1 out of 24"])
    assert not counts_of_a_total(["2 out of 5", "3 out of 5"])  # two reviews' ratings on a 5 scale
    assert not counts_of_a_total(["Positive: 7 out of 7"])
    assert not counts_of_a_total(["6 out of 7", "5 out of 7"])  # more than the total: scores, not counts


# -- the same rating rows on every review, and a rating row's verdict word ---------------

_STAR = "<div class='starRating starMini{n}'><span>{n}.0 stars</span></div>"


def _boxed(i: int, name: str, overall: int, sub: int, text: str) -> str:
    rows = "".join(f"<li class='{a.lower()}'>{a}\n{_STAR.format(n=sub)}</li>" for a in ("Food", "Service", "Value"))
    return (f"<div class='reviewBox' id='review-{i}'><span class='time'>2008/04/1{i}</span>"
            f"<ul><li class='byLine'>Reviewed by {name}</li>"
            f"<li class='userRating'><div class='overall'><span class='title'>Overall</span>{_STAR.format(n=overall)}</div>"
            f"<ul>{rows}</ul></li><li class='review'><p>{text}</p></li></ul></div>")


def test_identical_rating_rows_on_every_review_are_their_ratings():
    boxes = [
        _boxed(1, "mapleleaf", 5, 5, "Friendly counter staff and the ribs fell off the bone, as promised."),
        _boxed(2, "stonebridge", 5, 5, "We took the peach cobbler home and it was still good the next day."),
        _boxed(3, "harbourlight", 5, 5, "A small place with a short menu, but everything on it is done well."),
    ]
    result = extract_reviews(_page(f"<div id='restaurantReviews'>{''.join(boxes)}</div>"), URL)
    assert [r["rating"] for r in result["reviews"]] == [5.0, 5.0, 5.0]
    assert [r["author"] for r in result["reviews"]] == ["mapleleaf", "stonebridge", "harbourlight"]


_WORDS = {5: "Outstanding", 4: "Very Good", 3: "Good", 2: "Fair", 1: "Poor"}


def _bv_row(aspect: str, n: int) -> str:
    return (f"<tr class='BVRatingRow BVRatingRow{aspect}'><td class='BVcustomerRatingItem'>{aspect}</td>"
            f"<td class='BVcustomerRating'><img class='' src='/r/{n}_0/5/ratingSecondary.gif' alt='{n}.0 out of 5'></td>"
            f"<td class='BVcustomerRatingScore'><span class='BVratingSummaryFinal'>({_WORDS[n]})</span></td></tr>")


def _bv_review(n: int, subs: tuple[int, int, int], text: str, dined: str, written: str) -> str:
    rows = "".join(_bv_row(a, s) for a, s in zip(("Food", "Ambiance", "Service"), subs))
    return (f"<tr><td class='BVReviewSectionReview hreview'><table class='BVReviewDisplay'><tr><td>"
            f"<div class='BVPrimaryRatings'><table><tr class='BVRatingRow BVRatingRowlabelOverall'>"
            f"<td class='BVcustomerRatingItem'>Overall Rating</td><td class='BVcustomerRating'>"
            f"<img class=' rating' src='/r/{n}_0/5/rating.gif' alt='{n}.0 out of 5'></td>"
            f"<td class='BVcustomerRatingScore'><span class='BVratingSummaryFinal'>({_WORDS[n]})</span></td></tr></table></div>"
            f"<span class='BVContentReviewText'>\"<span class='description'>{text}</span>\"</span>"
            f"<div class='BVProConTagsContainer'><span class='BVProsTitle'>Special Features: </span>quiet, patio<br></div>"
            f"<div class='BVSecondaryRatings'><table>{rows}</table></div>"
            f"<div class='BVReviewerData'><span class='BVReviewer'>By an Example.com user</span>"
            f"<div class='dined'><span class='title'>who dined on</span> <span class='when'>{dined}</span></div>"
            f"<span class='BVdateCreated'>(review submitted <span class=' dtreviewed'>{written}</span>)</span></div>"
            f"</td></tr></table></td></tr>")


def _bv_page() -> str:
    aggregate = ("<div id='BVRatingWrapper' class=' hreview-aggregate'><div class=' item' style='display:none'>"
                 "<span class=' fn'>Example Grill</span></div><table class='BVRatingSummary'><tr><td>Average Diner Rating</td>"
                 "<td><img class=' rating' src='/r/3_5/5/rating.gif' alt='3.5 out of 5'></td></tr></table>"
                 "<span class=' count' style='display:none'>33</span><span class=' description' style='display:none'>"
                 "A grill on the corner of two quiet streets, open for lunch and dinner every day of the week "
                 "with a long bar, a patio and a menu of grilled fish, meat and vegetables.</span></div>")
    reviews = "".join([
        _bv_review(5, (5, 5, 5), "Great as always, we make a point of eating here whenever we are in town.", "04/03/2010", "04/10/2010"),
        _bv_review(2, (2, 4, 2), "The room is lovely but the tacos fell apart and the waiter forgot our drinks twice.", "03/28/2010", "04/04/2010"),
        _bv_review(4, (4, 5, 3), "Service was slow, which gave us time to take in the building; the food was very good.", "03/19/2010", "03/24/2010"),
    ])
    return _page(f"<div class='BVReviewsBody'>{aggregate}<table id='reviews' class='BVReviewTable'>{reviews}</table></div>")


def test_hreview_list_rows_with_verdict_words_aggregate_and_reviewed_date():
    result = extract_reviews(_bv_page(), URL)
    got = [(r["rating"], r["published_at"], r["author"]) for r in result["reviews"]]
    assert got == [(5.0, "2010-04-10", None), (2.0, "2010-04-04", None), (4.0, "2010-03-24", None)]
    assert result["reviews"][0]["body"].startswith("Great as always")
    assert result["aggregate"] == {"rating": 3.5, "count": 33}
    # neither the score's word "(Fair)" beside the stars nor a field's label is a title
    assert [r["title"] for r in result["reviews"]] == [None, None, None]


def test_anonymous_bylines():
    assert anonymous("By an Example.com user")
    assert anonymous("an Example.com user who dined on 04/03/2010 (review submitted 04/10/2010)")
    assert anonymous("Anonymous")
    assert anonymous("A verified buyer")
    assert not anonymous("anonymous_five")  # a user name that starts so
    assert not anonymous("Customer")


# -- a helpful line is no title; a toggle after a cut text is no text -------------------

def _teaser(i: int, title: str, stars: int, text: str, helpful: bool, toggle: str) -> str:
    votes = ("<div class='fndhlp'><div class='hlpNmbr'>1</div> <div class='hlpTxt'>person found this review helpful</div></div> "
             if helpful else "")
    return (f"<div class='review'><div class='quote'><a href='/r/{i}' id='r{i}'>{title}</a></div>"
            f"<div class='profile'><div class='rating'><span class='rate s{stars}0'>"
            f"<img class='sprite-ratings' src='/x.gif' alt='{stars} of 5 stars'/></span></div>"
            f"<div class='username'><span class='scrname'>member{i}</span></div><div class='date'>\nAug {i}, 2010\n</div></div>"
            f"<div class='summary'>{votes}<div class='entry'><p>\n{text}\n{toggle}\n</p></div></div></div>")


def test_helpful_line_is_no_title_and_more_toggle_is_no_text():
    more = "<span class='fkLnk' onclick='open()'>more</span>"
    cards = [
        _teaser(1, "Worth the trip", 5, "We came for the pasta and stayed for the desserts, which were...", True, more),
        _teaser(2, "Just fine", 3, "Nothing wrong with the food, but nothing memorable either, and the room...", False, more),
        _teaser(3, "Loved the terrace", 4, "Sat outside on a warm evening and the service was quick and kind...", True, more),
    ]
    result = extract_reviews(_page("".join(cards)), URL)
    assert [r["title"] for r in result["reviews"]] == ["Worth the trip", "Just fine", "Loved the terrace"]
    assert result["reviews"][0]["body"] == "We came for the pasta and stayed for the desserts, which were..."
    assert [r["helpful_votes"] for r in result["reviews"]] == [1, None, 1]


def test_expand_toggle_and_its_ellipsis_are_no_text():
    def blurb(i, name, score, head, rest):
        return (f"<li id='user_review_{i}' class='review user_review'><div class='review_stats'>"
                f"<div class='name'><a href='/user/{name}'>{name}</a></div><div class='review_grade userscore'>{score}</div></div>"
                f"<div class='review_body'><span class='inline_expand_collapse'><span class='blurb blurb_collapsed'>{head}</span>"
                f"<span class='blurb blurb_expanded'>{rest}</span><span class='blurb_etc'>&hellip;</span> "
                f"<a class='toggle_expand' href='/film?user_review_id={i}'>Expand</a></span></div></li>")
    items = [
        blurb(1, "nightowl", 8, "The first half is slow and I nearly left, but ", "the last hour makes up for all of it."),
        blurb(2, "matinee", 3, "Pretty to look at, yet I could not care about ", "any of the people on the screen."),
        blurb(3, "popcorn", 6, "Good but not the masterpiece I was told about, ", "though the score is wonderful."),
    ]
    result = extract_reviews(_page(f"<ol class='reviews user_reviews'>{''.join(items)}</ol>"), URL)
    assert [r["body"] for r in result["reviews"]] == [
        "The first half is slow and I nearly left, but the last hour makes up for all of it.",
        "Pretty to look at, yet I could not care about any of the people on the screen.",
        "Good but not the masterpiece I was told about, though the score is wonderful.",
    ]
    assert [r["rating"] for r in result["reviews"]] == [4.0, 1.5, 3.0]


def test_helpful_line_without_its_count():
    assert helpful_line("person found this review helpful")
    assert helpful_line("3 people found this review helpful")
    assert not helpful_line("Helpful staff and a quiet room")


# -- a section's heading, a critic's publication, a row of action links, a score's verdict --

def test_section_heading_is_no_author_or_title():
    assert section_heading("Member Reviews and Ratings")
    assert section_heading("Customer reviews for Example Grill")
    assert not section_heading("Honest review")  # one review's title
    details = "".join(f"<span class='ratings-cat'>{c}:</span> <span class='ratings-value'>{v}</span> "
                      for c, v in (("Food", "2.0"), ("Service", "3.0"), ("Value", "3.0")))
    page = ("<html><body><div id='entity-member-reviews'><h3 id='member-reviews'>Member Reviews and Ratings</h3>"
            "<div id='individual-review'><p><span class='member-info'>Reviewed by "
            "<a href='/community/profile/sandpiper'>sandpiper</a> from Lakeside on 5/10/07</span><br />"
            "Fine for a quick bite, though there are better choices nearby for dinner.</p>"
            "<span class='ratings-cat'>Member Rating:</span> <span class='ratings-overall'>2.6</span><br />"
            f"<span class='ratings-cat'>Ratings details:</span> {details}</div></div></body></html>")
    r = extract_reviews(page, URL)["reviews"]
    assert [(x["author"], x["title"], x["rating"], x["published_at"]) for x in r] == [("sandpiper", None, 2.6, "2007-05-10")]


def _bubble(i: int, score: str, text: str, critic: str, source: str, links: str) -> str:
    return (f"<div class='quoteBubble'><div class='content'><div class='rating'>"
            f"<a href='/articles/{i}/' title='{score}'><span class='iconset fresh'></span></a></div>"
            f"<p>{text}</p><div class='toolsContainer'><div class='tools'>{links}</div>"
            f"<div class='date'>Oct {i}, 2004</div></div></div><div class='bottom'><div class='criticContent'>"
            f"<div class='author'><a href='/critic/c{i}/'>{critic}</a></div>"
            f"<div class='source'><a href='/source-{i}/'>{source}</a></div></div></div></div>")


def test_critic_source_is_no_title_and_action_links_are_no_text():
    full = "<a href='https://paper.example/r' target='_blank'>Full Review</a> | "
    comment = "<a href='/comments?id=1'><img src='/c.png' alt='comment'/> Comment</a>"
    bubbles = [
        _bubble(1, "5/5", "A warm and funny portrait that never once talks down to its audience.", "Ada Lane", "Morning Example", full + comment),
        _bubble(2, "4/5", "Two strong lead performances carry a story we have seen many times before.", "Ben Ray", "Evening Sample", comment),
        _bubble(3, "3/5", "Pleasant enough, if a little long, and the songs are the best part of it.", "Cara Fox", "Weekly Model", full + comment),
    ]
    result = extract_reviews(_page(f"<div class='movie_reviews_column'>{''.join(bubbles)}</div>"), URL)
    got = [(r["author"], r["rating"], r["title"], r["body"]) for r in result["reviews"]]
    assert got == [
        ("Ada Lane", 5.0, None, "A warm and funny portrait that never once talks down to its audience."),
        ("Ben Ray", 4.0, None, "Two strong lead performances carry a story we have seen many times before."),
        ("Cara Fox", 3.0, None, "Pleasant enough, if a little long, and the songs are the best part of it."),
    ]


def test_a_score_verdict_is_no_author():
    def card(i, title, verdict, text):
        return (f"<tr><td><div id='c{i}'><span class='com-container'><span class='com-header'>"
                f"<span class='com-title'>{title}</span><br/><span class='com-date'>June 0{i}, 2010</span> - "
                f"<span class='review-score'>{verdict}</span></span><div class='com-body'>{text}</div></span></div></td></tr>")
    rows = [card(1, "Cheap and cheerful", "Likes it", "Big plates, small prices and a line that moves quickly at lunch."),
            card(2, "Not for me", "Doesn't like it", "The chile was mild and the tortillas were cold by the time we sat."),
            card(3, "A local habit", "Likes it", "Been coming here for years; the sweet rolls are still the reason.")]
    result = extract_reviews(_page(f"<table>{''.join(rows)}</table>"), URL)
    assert [(r["author"], r["title"], r["published_at"]) for r in result["reviews"]] == [
        (None, "Cheap and cheerful", "2010-06-01"), (None, "Not for me", "2010-06-02"), (None, "A local habit", "2010-06-03")]



def _rated_card(i: int, stars: int, extra: str, text: str) -> str:
    return (f"<div class='review'><div class='stars' title='{stars} out of 5'>{'★' * stars}{'☆' * (5 - stars)}</div>"
            f"{extra}<p class='text'>{text}</p><div class='when'>March {i}, 2010</div></div>")


_TEXTS = ("Crisp pages and a sturdy binding; the maps are a joy to study.",
          "The plot wanders and the ending arrives long after I stopped caring.",
          "Read it in two sittings and went straight back to the first page.")


def _titles(extras: list[str]) -> list:
    cards = [_rated_card(i + 1, s, e, t) for i, (s, e, t) in enumerate(zip((4, 2, 5), extras, _TEXTS))]
    return [(r["rating"], r["title"]) for r in extract_reviews(_page("".join(cards)), URL)["reviews"]]


def test_a_score_word_beside_the_stars_is_no_title():
    words = [f"<span class='ratingSummary'>({w})</span>" for w in ("Very Good", "Fair", "Outstanding")]
    assert _titles(words) == [(4.0, None), (2.0, None), (5.0, None)]


def test_a_publication_before_the_text_is_no_title():
    sources = [f"<div class='source'><a href='/publication/p{i}'>{s}</a></div>"
               for i, s in enumerate(("The Morning Example", "Evening Sample", "Weekly Model"))]
    assert _titles(sources) == [(4.0, None), (2.0, None), (5.0, None)]


def test_a_label_is_no_title():
    labels = [f"<span class='review-title'>{t}</span>" for t in ("Good for:", "Pros:", "Best with:")]
    assert _titles(labels) == [(4.0, None), (2.0, None), (5.0, None)]
