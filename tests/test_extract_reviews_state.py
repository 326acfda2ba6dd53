"""Reviews a client-rendered page carries only in its scripts' data (reviews_state): Next.js'
__NEXT_DATA__, a state assigned to window, Apollo's cache, JSON.parse("…"), a JSON script; read
only when the markup shows no review, never from a list of products, never a reply as a review."""
import json
import time
from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2025, 6, 1, tzinfo=timezone.utc)
REVIEWS = [
    ("Jane Doe", 4, "Great service overall",
     "The delivery came two days early and the support team answered every question I had.", "2024-03-05"),
    ("Tom K.", 2, "Not what I expected", "Setup took hours and the manual skipped half the steps.", "2024-02-17"),
    ("Maria Lopez", 5, "Love it", "Works perfectly with my phone and the battery lasts all week.", "2024-01-09"),
]


def page(script: str, body: str = '<div id="__next"><h1>Acme</h1><p>Loading…</p></div>') -> str:
    return f"<html><head><title>Acme</title></head><body>{body}{script}</body></html>"


def next_data() -> str:
    state = {"props": {"pageProps": {"businessUnit": {"displayName": "Acme", "numberOfReviews": 1234,
                                                                     "trustScore": 4.1, "stars": 4},
             "reviews": [{"id": f"65e{i}", "text": b, "rating": s, "title": t, "likes": i,
                          "dates": {"experiencedDate": "2023-12-01T00:00:00.000Z", "publishedDate": f"{d}T14:22:11.000Z"},
                          "consumer": {"id": f"c{i}", "displayName": a, "countryCode": "GB"},
                          "reply": {"message": "Thank you for taking the time to write to us!",
                                    "publishedDate": f"{d}T18:00:00.000Z"} if i == 0 else None}
                         for i, (a, s, t, b, d) in enumerate(REVIEWS)]}}}
    return page(f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>')


def bazaarvoice() -> str:
    data = {"Includes": {"Products": {"P1": {"ReviewStatistics": {"AverageOverallRating": 4.6, "TotalReviewCount": 128}}}},
            "TotalResults": 128, "Results": [
        {"Id": f"12{i}", "UserNickname": a, "Rating": s, "RatingRange": 5, "Title": t, "ReviewText": b,
         "SubmissionTime": f"{d}T10:12:00.000+00:00", "TotalPositiveFeedbackCount": 12 + i, "IsRecommended": True}
        for i, (a, s, t, b, d) in enumerate(REVIEWS)]}
    return page(f"<script>window.__BV_DATA__ = {json.dumps(data)};</script>", '<div id="BVRRContainer"></div>')


def apollo() -> str:
    cache = {f"Review:{i}": {"__typename": "Review", "id": str(i), "body": b, "rating": 2 * s, "headline": t,
                             "createdAt": f"{d}T10:00:00Z", "author": {"__ref": f"User:{i}"}}
             for i, (a, s, t, b, d) in enumerate(REVIEWS)}
    cache.update({f"User:{i}": {"__typename": "User", "name": a} for i, (a, *_rest) in enumerate(REVIEWS)})
    return page(f"<script>window.__APOLLO_STATE__={json.dumps(cache)};</script>", '<div id="root"></div>')


def deferred_state() -> str:
    reviews = [{"id": f"9{i}", "comments": b, "createdAt": f"{d}T10:00:00Z", "rating": s, "reviewer": {"firstName": a.split()[0]},
                "response": "Thanks for staying with us!" if i == 1 else None} for i, (a, s, t, b, d) in enumerate(REVIEWS)]
    state = {"clientData": [["PdpSections", {"data": {"sections": [{"section": {"reviews": reviews}}]}}]]}
    return page(f'<script id="data-deferred-state-0" type="application/json">{json.dumps(state)}</script>',
                '<div id="site-content"></div>')


def json_parse() -> str:
    data = {"reviews": [{"author": a, "score": 2 * s, "text": b, "date": d} for a, s, t, b, d in REVIEWS]}
    return page(f"<script>var state = JSON.parse({json.dumps(json.dumps(data))});</script>", '<div id="app"></div>')


@pytest.mark.parametrize("build, titled, votes", [(next_data, True, [0, 1, 2]), (bazaarvoice, True, [12, 13, 14]),
                                                  (apollo, True, [None] * 3), (json_parse, False, [None] * 3)])
def test_reviews_from_script_data(build, titled, votes):
    reviews = extract_reviews(build(), "https://www.acme.example/reviews", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["body"], r["published_at"]) for r in reviews] == [
        (a, float(s), t if titled else None, b, d) for a, s, t, b, d in REVIEWS]
    assert [r["helpful_votes"] for r in reviews] == votes


@pytest.mark.parametrize("build, aggregate", [(next_data, {"rating": 4.1, "count": 1234}),
                                              (bazaarvoice, {"rating": 4.6, "count": 128}), (apollo, None)])
def test_the_pages_summary_from_script_data(build, aggregate):
    assert extract_reviews(build(), "https://www.acme.example/reviews", now=NOW)["aggregate"] == aggregate


def test_nested_state_and_first_names():
    reviews = extract_reviews(deferred_state(), "https://stays.example/rooms/1", now=NOW)["reviews"]
    assert [(r["site_id"], r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        ("90", "Jane", 4.0, "2024-03-05"), ("91", "Tom", 2.0, "2024-02-17"), ("92", "Maria", 5.0, "2024-01-09")]


def test_replies_inside_reviews_are_no_reviews():
    bodies = [r["body"] for r in extract_reviews(next_data(), "https://www.acme.example/reviews", now=NOW)["reviews"]]
    assert not any(b.startswith("Thank you") for b in bodies) and len(bodies) == 3


def test_no_reviews_from_products_or_other_lists():
    products = {"summary": {"averageRating": 4.5, "reviewCount": 60}, "products": [{"name": f"Speaker {i}", "rating": 4.5, "reviewCount": 12, "price": 99,
                              "description": "A speaker with deep bass and a battery that lasts a week."} for i in range(5)],
                "faq": [{"question": "Does it float?", "text": "No, keep it away from the pool please."}]}
    html = page(f"<script>window.__INITIAL_STATE__ = {json.dumps(products)};</script>", '<div id="app"></div>')
    assert extract_reviews(html, "https://shop.example/c/speakers", now=NOW) == {"reviews": [], "aggregate": None,
                                                                               "next_url": None}


def test_markup_reviews_win_over_script_data():
    shown = "".join(f'<div class="review"><span class="rating" data-rating="{s}"></span><p class="author">{a}</p>'
                    f'<p class="text">{b}</p></div>' for a, s, t, b, d in REVIEWS[:2])
    state = {"reviews": [{"author": "Someone Else", "rating": 1, "text": "A review only in the data, never shown."}]}
    html = page(f"<script>window.__STATE__ = {json.dumps(state)};</script>", shown)
    assert [r["author"] for r in extract_reviews(html, "https://shop.example/p/1", now=NOW)["reviews"]] == ["Jane Doe", "Tom K."]


def test_big_scripts_stay_quick():
    # megabytes of script: JavaScript literals are not tried as JSON, few failed tries per script
    js = "".join(f'var a{i} = {{x: {i}}}; window.s{i} = {{"k": {i}, "v": [{{"name": "n"}}]}}; b{i} = {{"bad": }};\n'
                 for i in range(20000))
    html = page(f"<script>{js}</script>", "<p>No reviews here.</p>")
    started = time.perf_counter()
    assert extract_reviews(html, "https://x.example/")["reviews"] == []
    assert time.perf_counter() - started < 10  # (quadratic before: 25 s)


def test_no_aggregate_from_a_scripts_text():
    html = page('<script>var label = "4.5 out of 5 (1,234 reviews)";</script>', "<p>Welcome to Acme</p>")
    assert extract_reviews(html, "https://acme.example/")["aggregate"] is None
