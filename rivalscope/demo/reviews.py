"""Deterministic, realistic demo reviews: each is built from hand-written sentences about the
themes a customer cares about, and its star rating follows from what the text says."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

THEMES = ("price", "support", "ease_of_use", "reliability", "performance", "integrations", "onboarding")

SENTENCES = {
    ("price", True): [
        "For what it does, the price is very fair.",
        "The Team plan is good value compared to what we paid before.",
        "Pricing is transparent and we never got a surprise invoice.",
        "Honestly it pays for itself within a month.",
        "The free tier was generous enough to prove the value to our CFO.",
    ],
    ("price", False): [
        "It is overpriced for a small team once you add seats.",
        "The per-seat pricing gets expensive very quickly.",
        "Our renewal came with a 30% price hike and no warning.",
        "Too expensive for what you get compared to the alternatives.",
        "Billing charged us twice in March and the refund took weeks.",
    ],
    ("support", True): [
        "Support answered within an hour and actually solved the problem.",
        "Their customer support team is friendly and knows the product inside out.",
        "Whenever we open a ticket, support gets back the same day.",
        "The support engineer even jumped on a call to fix our tracking plan.",
    ],
    ("support", False): [
        "Support is slow; we waited five days for a reply to a critical ticket.",
        "Customer service kept sending us canned answers that did not help.",
        "Getting hold of a human in support is nearly impossible.",
        "Our support tickets were closed without a real answer.",
    ],
    ("ease_of_use", True): [
        "The interface is clean and intuitive, even our sales team builds reports.",
        "It is really easy to use; building a funnel takes a couple of clicks.",
        "Dashboards are simple to set up and easy to share.",
        "Non-technical colleagues picked it up without any training.",
    ],
    ("ease_of_use", False): [
        "The UI is clunky and confusing, with settings hidden in odd places.",
        "It is hard to use unless you already know SQL.",
        "Building a simple report takes far too many clicks.",
        "The interface feels cluttered and the navigation is confusing.",
    ],
    ("reliability", True): [
        "In a year we have not had a single outage.",
        "It is rock solid and the numbers always match our database.",
        "Data has been accurate and reliable since day one.",
    ],
    ("reliability", False): [
        "The app is buggy and dashboards crash at least once a week.",
        "We lost two days of events during an outage last month.",
        "Numbers sometimes disagree with our own database, which kills trust.",
        "Every release seems to introduce a new bug in the charts.",
    ],
    ("performance", True): [
        "Queries are fast, even on our largest event tables.",
        "Dashboards load in a second or two, which is impressive.",
        "It stays quick even with hundreds of millions of events.",
    ],
    ("performance", False): [
        "Reports are painfully slow and often time out.",
        "The dashboards are laggy once you add more than a few charts.",
        "Queries over more than a month of data take minutes to load.",
    ],
    ("integrations", True): [
        "The Segment and Salesforce integrations worked out of the box.",
        "Syncing with our data warehouse was painless.",
        "The Slack integration keeps the whole team in the loop.",
    ],
    ("integrations", False): [
        "The HubSpot integration is unreliable and drops fields.",
        "There is no native integration with our warehouse, so we built our own pipeline.",
        "The API is poorly documented and the webhooks fail silently.",
    ],
    ("onboarding", True): [
        "Onboarding was smooth; we were live in an afternoon.",
        "The setup guide walked us through instrumentation step by step.",
        "Getting started was quick thanks to the templates.",
    ],
    ("onboarding", False): [
        "Onboarding took weeks and the setup documentation is out of date.",
        "The initial setup was confusing and nobody helped us get started.",
        "Instrumenting our app was a long and frustrating process.",
    ],
}

OPENERS = [
    "We have used {v} for about {n} months across two product squads.",
    "I run growth at a {size} company and we moved to {v} last year.",
    "Our team switched to {v} from spreadsheets and a homegrown tool.",
    "I manage analytics for a {size} e-commerce business.",
    "We evaluated three tools before picking {v}.",
    "",
    "",
]
CLOSERS = {
    5: ["Highly recommended.", "Could not be happier with it.", "Would recommend to any product team."],
    4: ["Overall a solid choice.", "Recommended, with small caveats.", "Happy with it so far."],
    3: ["It does the job, but there is room to improve.", "Mixed feelings overall.", "Decent, not great."],
    2: ["We are considering alternatives.", "Disappointing overall.", "Would not renew at this price."],
    1: ["Avoid.", "We are cancelling at the end of the contract.", "Worst tool we have paid for."],
}
TITLES = {
    5: ["Exactly what we needed", "Great product and great people", "Best analytics tool we've used"],
    4: ["Solid analytics tool", "Very good, a few rough edges", "Does what it promises"],
    3: ["Good but not great", "Mixed experience", "Okay for the price"],
    2: ["Frustrating experience", "Not worth the money", "Expected more"],
    1: ["Terrible experience", "Stay away", "Broken and unsupported"],
}
FIRST = ["Anna", "Ben", "Carla", "David", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi",
         "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
         "Wen", "Yara", "Zoe", "Liam", "Maya", "Noah", "Olivia", "Pablo"]
LAST = "ABCDEFGHJKLMNPRSTVW"
SIZES = ["20-person", "50-person", "200-person", "small", "mid-sized", "fast-growing"]


@dataclass(frozen=True)
class DemoReview:
    id: str
    author: str
    rating: int
    title: str
    body: str
    date: str           # ISO date
    themes: tuple[tuple[str, bool], ...]   # (theme, praised)


def _rating(praised: list[bool], rng: random.Random) -> int:
    share = sum(praised) / len(praised)
    if share == 1:
        return rng.choice([4, 5, 5])
    if share == 0:
        return rng.choice([1, 2, 2])
    return 3 if 0.34 < share < 0.67 else (4 if share > 0.5 else 2)


def generate_reviews(vendor: str, count: int, praise: dict[str, float], *, seed: int, start: str,
                     end: str, language: str = "en", id_offset: int = 0) -> list[DemoReview]:
    """`count` reviews dated between start and end, newest first."""
    rng = random.Random(seed)
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    span = (last - first).days
    days = sorted((rng.randint(0, span) for _ in range(count)), reverse=True)
    out = []
    for i, offset in enumerate(days):
        themes = rng.sample(THEMES, rng.choice([1, 2, 2, 3]))
        praised = [rng.random() < praise[t] for t in themes]
        rating = _rating(praised, rng)
        parts = []
        opener = rng.choice(OPENERS)
        if opener:
            parts.append(opener.format(v=vendor, n=rng.randint(3, 30), size=rng.choice(SIZES)))
        for theme, good in zip(themes, praised):
            parts.append(rng.choice(SENTENCES[(theme, good)]))
        parts.append(rng.choice(CLOSERS[rating]))
        slug = vendor.lower()
        out.append(DemoReview(
            id=f"{slug}-r{id_offset + count - i:04d}",
            author=f"{rng.choice(FIRST)} {rng.choice(LAST)}.",
            rating=rating,
            title=rng.choice(TITLES[rating]),
            body=" ".join(parts),
            date=(first + timedelta(days=offset)).isoformat(),
            themes=tuple(zip(themes, praised)),
        ))
    return out
