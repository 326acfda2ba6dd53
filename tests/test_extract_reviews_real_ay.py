"""Batch 56 of real pages (review platforms and their widgets, a second pass: a review
platform's company page as served in 2022, pretty-printed by the saver): the general rules it
needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_highlights import more_reviews_links, reviewer_tally

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://reviews.example/company/lantern-tea") -> dict:
    html = f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a profile link "NAME 6 reviews GB" is the reviewer's by-line, not a link to more reviews --

def _card(name: str, user: str, count: int, country: str, stars: int, when: str, title: str, text: str) -> str:
    # laid out on lines as a pretty-printing saver writes it: the name, the tally and the
    # country each end with a line break, so the link's text reads "NAME 6 reviews GB"
    word = "review" if count == 1 else "reviews"
    return f'''
<div class="card-wrapper">
  <article class="card review-card" data-review-card="true">
    <aside class="consumer-info" aria-label="Info for {name}">
      <div class="avatar">{name[:2].upper()}
      </div>
      <a href="/users/{user}" rel="nofollow" class="consumer-details" data-consumer-profile-link="true">
        <span class="heading" data-consumer-name="true">{name}
        </span>
        <div class="consumer-extra" data-consumer-reviews-count="{count}">
          <span class="subtle">{count}
            <!-- --> {word}
          </span>
          <div class="subtle country">
            <span>{country}
            </span>
          </div>
        </div>
      </a>
    </aside>
    <section class="review-content-wrapper">
      <div class="review-header" data-review-rating="{stars}">
        <div class="star-rating"><img alt="Rated {stars} out of 5 stars" src="/stars-{stars}.svg"/></div>
        <div class="dates"><time datetime="{when}T10:00:00.000Z">2 days ago
          </time></div>
      </div>
      <div class="review-content">
        <a href="/reviews/{user}r" class="link"><h2 class="heading-s">{title}
          </h2></a>
        <p class="body-l" data-review-text="true">{text}
        </p>
      </div>
    </section>
  </article>
</div>'''


_CARDS = [
    ("Orla Brennick", "a11", 6, "GB", 1, "2024-05-29", "Charged twice",
     "The driver never came and the card was still charged twice for the same trip."),
    ("Teodor Vlk", "b22", 1, "CZ", 4, "2024-05-28", "Mostly fine",
     "Cars arrive on time in the centre, a little late in the suburbs at night."),
    ("Sunniva", "c33", 2, "NO", 5, "2024-05-27", "Quick and friendly",
     "Booked at the station, the car was there in four minutes and the driver helped with bags."),
]


def test_profile_link_with_the_reviewer_tally_gives_the_author():
    result = _run('<div class="reviews-list">' + "".join(_card(*c) for c in _CARDS) + "</div>")
    got = [(r["author"], r["rating"], r["title"], r["published_at"]) for r in result["reviews"]]
    assert got == [(c[0], float(c[4]), c[6], c[5]) for c in _CARDS]


def test_profile_link_is_no_more_reviews_link_but_a_see_all_link_is():
    import lxml.html
    block = lxml.html.fromstring(
        '<div><a href="/users/a11"><span>Orla Brennick\n</span><span>6\n reviews\n</span><span>GB\n</span></a>'
        '<a href="/users/a11/reviews">See all 6 reviews\n</a>'
        '<a href="/company/lantern-tea?page=2">12 reviews\n</a></div>')
    profile, see_all, more = block.findall("a")
    assert reviewer_tally(profile)
    assert not reviewer_tally(see_all) and not reviewer_tally(more)
    assert more_reviews_links(block) == [see_all, more]
