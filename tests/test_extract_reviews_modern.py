"""The big platforms' review markup as they drew it in 2023-2025 (Google Play, the App Store's
two designs, Trustpilot, Yelp, Amazon, Tripadvisor, Booking.com, Google Maps, Etsy, Walmart; the
Yotpo, Okendo and Stamped shop widgets; IMDb, Best Buy, Target),
rebuilt from their class names, attributes and structure with invented reviews: each page must
give every review's author, rating, title, text, date and, where shown, helpful votes."""
from datetime import datetime, timezone

import pytest

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2025, 6, 1, tzinfo=timezone.utc)
REVIEWS = [
    ("Jane Doe", 4, "Great service overall",
     "The delivery came two days early and the support team answered every question I had about setup.",
     "2024-03-05"),
    ("Tom K.", 2, "Not what I expected",
     "Setup took hours and the manual skipped half the steps, so I had to call twice before it worked.",
     "2024-02-17"),
    ("Maria Lopez", 5, "Love it",
     "Works perfectly with my phone and the battery lasts all week even with daily use.", "2024-01-09"),
]
MONTHS = "January February March April May June July August September October November December".split()


def long_date(d: str) -> str:
    y, m, day = d.split("-")
    return f"{MONTHS[int(m) - 1]} {int(day)}, {y}"


def short_date(d: str) -> str:
    y, m, day = d.split("-")
    return f"{MONTHS[int(m) - 1][:3]} {int(day)}, {y}"


def icons(n: int, html: str) -> str:
    return html * n


def google_play() -> str:
    cards = "".join(f'''<div class="RHo1pe"><header class="c1bOId" data-review-id="gp:AOqpTO{i}"><div class="YNR7H">
<div class="gSGphe"><img src="https://play-lh.googleusercontent.com/a-/x{i}" class="abYEib" alt="" aria-hidden="true">
<div class="X5PpBb">{a}</div></div><div><button aria-label="More review actions" class="VfPpkd-Bz112c-LgbsSe">
<i class="google-material-icons">more_vert</i></button></div></div><div class="Jx4nYe">
<div class="iXRFPc" aria-label="Rated {s} stars out of five stars" role="img">{icons(5, '<span class="F7XJmb"><svg class="Jl7xNe"></svg></span>')}</div>
<span class="bp9Aid">{long_date(d)}</span></div></header><div class="h3YV2d">{b}</div>
<div class="AJTPZc">{7 + i} people found this review helpful</div><footer class="Anv9nf"><div class="IkKWCc">Did you find this helpful?</div>
<div role="button">Yes</div><div role="button">No</div></footer></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f"<html><body><h1>Acme Notes</h1><section><h2>Ratings and reviews</h2>{cards}</section></body></html>"


def app_store_2023() -> str:
    cards = "".join(f'''<div class="l-column small-12 medium-6 large-4"><div class="we-customer-review lockup ember-view">
<figure class="we-star-rating ember-view we-customer-review__rating we-star-rating--large" aria-label="{s} out of 5">
<span class="we-star-rating-stars-outlines"><span class="we-star-rating-stars we-star-rating-stars-{s}"></span></span></figure>
<div class="we-customer-review__header we-customer-review__header--user"><span class="we-truncate we-customer-review__user">  {a}  </span>
<span class="we-customer-review__separator">, </span><time datetime="{d}T00:00:00.000Z" aria-label="{long_date(d)}"
class="we-customer-review__date">{d[5:7]}/{d[8:]}/{d[:4]}</time></div>
<h3 class="we-truncate we-truncate--single-line ember-view we-customer-review__title">  {t}  </h3>
<blockquote class="we-truncate we-truncate--multi-line ember-view we-customer-review__body"><div class="we-clamp ember-view">
<p data-test-bidi>{b}</p></div><button class="we-truncate__button link">more</button></blockquote></div></div>'''
                    for a, s, t, b, d in REVIEWS)
    return f'''<html><body><h1 class="product-header__title">Acme Notes</h1><div class="we-customer-ratings lockup">
<span class="we-customer-ratings__averages__display">4.6</span> out of 5
<div class="we-customer-ratings__count">2.1K Ratings</div></div><div class="l-row l-row--peek">{cards}</div></body></html>'''


def app_store_2025() -> str:
    cards = "".join(f'''<li class="svelte-1x"><article class="review svelte-7c0" aria-labelledby="review-{i}-title">
<div class="header svelte-7c0"><div class="title-and-rating svelte-7c0"><h3 id="review-{i}-title" class="title svelte-7c0">{t}</h3>
<ol class="stars svelte-1p" aria-label="{s} Stars">{icons(5, '<li class="star svelte-1p"><svg></svg></li>')}</ol></div>
<div class="author svelte-7c0"><time datetime="{d}T12:00:00.000Z" class="date svelte-7c0">{d[5:7]}/{d[8:]}/{d[:4]}</time>
<p class="author svelte-7c0">{a}</p></div></div><p class="content svelte-7c0" data-testid="truncate-text">{b}</p></article></li>'''
                    for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f"<html><body><h1>Acme Notes</h1><section><h2>Ratings &amp; Reviews</h2><ul>{cards}</ul></section></body></html>"


def trustpilot() -> str:
    cards = "".join(f'''<div class="styles_cardWrapper__LcCPA"><article class="paper_paper__1PY90 card_card__lQWDv styles_reviewCard__hcAvl"
data-service-review-card-paper="true"><div class="styles_reviewCardInner__EwDq2"><aside aria-label="Info for {a}">
<div class="avatar_avatar__ZyG3X"><span class="typography_heading-xxs__QKBS8 avatar_avatarName__l_S1P">{''.join(w[0] for w in a.split())}</span></div>
<a href="/users/6{i}" name="consumer-profile" data-consumer-profile-link="true"><span class="typography_heading-xxs__QKBS8"
data-consumer-name-typography="true">{a}</span><div data-consumer-reviews-count="{i + 1}"><span>{i + 1} reviews</span>
<div data-consumer-country-typography="true"><span>GB</span></div></div></a></aside><section>
<div class="styles_reviewHeader__iU9Px" data-service-review-rating="{s}"><div class="star-rating_starRating__4rrcf">
<img src="https://cdn.trustpilot.net/brand-assets/4.1.0/stars/stars-{s}.svg" alt="Rated {s} out of 5 stars"></div>
<div class="styles_datesWrapper__RCEKH"><time datetime="{d}T14:22:11.000Z">{short_date(d)}</time></div></div>
<div class="styles_reviewContent__0Q2Tg" data-review-content="true"><a href="/reviews/65e{i}" data-review-title-typography="true">
<h2 class="typography_heading-s__f7029" data-service-review-title-typography="true">{t}</h2></a>
<p class="typography_body-l__KUYFJ" data-service-review-text-typography="true">{b}</p>
<p data-service-review-date-of-experience-typography="true"><b>Date of experience:</b> {long_date(d)}</p></div></section>
<div><button data-review-useful-button="true"><span>Useful</span></button><button><span>Share</span></button></div></div>
</article></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1><span class="title_displayName__TtDDM">Acme</span></h1><p data-rating-typography="true">4.1</p>
<span>Reviews 1,234</span><section class="styles_reviewsContainer__3_GQw">{cards}</section></body></html>'''


def yelp() -> str:
    cards = "".join(f'''<li class=" css-1q2nwpv"><div class=" css-1qn0b6x"><div class="user-passport-section css-1qn0b6x">
<div class=" arrange__09f24__LDfbs"><div class=" arrange-unit__09f24__rqHTg"><a href="/user_details?userid=a{i}">
<img class=" css-1pz4y59" src="https://s3-media0.fl.yelpcdn.com/photo/x{i}/60s.jpg" alt="Photo of {a}" height="40" width="40"></a></div>
<div class=" arrange-unit__09f24__rqHTg"><div class=" user-passport-info css-1qn0b6x"><span class=" fs-block css-ux5mu6" data-font-weight="bold">
<a href="/user_details?userid=a{i}" class="css-19v1rkv" role="link">{a}</a></span><div><span class=" css-qgunke">San Francisco, CA</span></div>
<div class=" css-174a15u"><div aria-label="Friends"><span class=" icon--16-friends-v2"><svg></svg></span><span>1{i}</span></div>
<div aria-label="Reviews"><span>3{i}</span></div><div aria-label="Photos"><span>{i}</span></div></div></div></div></div></div>
<div class=" css-10n911v"><div class=" arrange__09f24__LDfbs"><div class=" arrange-unit__09f24__rqHTg"><span class=" display--inline__09f24__c6N_k">
<div class=" five-stars__09f24__mBKym css-1jq1ouh" aria-label="{s} star rating" role="img">{icons(5, '<div class=" star__09f24__Ty7pq"><svg></svg></div>')}</div>
</span></div><div class=" arrange-unit__09f24__rqHTg"><span class=" css-chan6m">{short_date(d)}</span></div></div></div>
<div class=" css-9ul5p9"><p class="comment__09f24__D0cxf css-qgunke"><span class=" raw__09f24__T4Ezm" lang="en">{b}</span></p></div>
<div class=" css-1lxq87s"><div class=" arrange__09f24__LDfbs"><div><button type="submit" class=" css-1u8sjr1"><span class=" css-1enow5j">
<span class=" css-1ha1j8d">Helpful {i + 3}</span></span></button></div><div><button><span>Thanks 0</span></button></div>
<div><button><span>Love this 1</span></button></div><div><button><span>Oh no 0</span></button></div></div></div></div></li>'''
                    for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1 class="css-1se8maq">Acme Cafe</h1><div><span class=" css-1fdy0l5">4.2</span>
<span class=" css-1evauet"><a href="#reviews">(312 reviews)</a></span></div><section aria-label="Recommended Reviews">
<h2>Recommended Reviews</h2><div id="reviews"><ul class=" list__09f24__ynIEd">{cards}</ul></div></section></body></html>'''


def amazon() -> str:
    cards = "".join(f'''<li data-hook="review" class="review aok-relative" id="R1AB{i}"><div id="customer_review-R1AB{i}" class="a-section celwidget">
<div data-hook="genome-widget" class="a-row a-spacing-mini"><a href="/gp/profile/amzn1.account.X{i}" class="a-profile" data-a-size="small">
<div aria-hidden="true" class="a-profile-avatar-wrapper"><div class="a-profile-avatar">
<img src="https://m.media-amazon.com/images/G/01/x-locale/common/grey-pixel.gif" data-src="https://m.media-amazon.com/images/S/amazon-avatars-global/default.png"></div></div>
<div class="a-profile-content"><span class="a-profile-name">{a}</span></div></a></div><div class="a-row">
<a class="a-link-normal" title="{s}.0 out of 5 stars" href="/gp/customer-reviews/R1AB{i}"><i data-hook="review-star-rating"
class="a-icon a-icon-star a-star-{s} review-rating"><span class="a-icon-alt">{s}.0 out of 5 stars</span></i></a>
<span class="a-letter-space"></span><a data-hook="review-title" class="a-size-base a-link-normal review-title a-color-base review-title-content a-text-bold"
href="/gp/customer-reviews/R1AB{i}"><span class="a-letter-space"></span><span>{t}</span></a></div>
<span data-hook="review-date" class="a-size-base a-color-secondary review-date">Reviewed in the United States on {long_date(d)}</span>
<div class="a-row a-spacing-mini review-data review-format-strip"><a data-hook="format-strip" class="a-size-mini a-link-normal" href="/x">Color: Black</a>
<i class="a-icon a-icon-text-separator"></i><a href="/y"><span data-hook="avp-badge" class="a-size-mini a-color-state a-text-bold">Verified Purchase</span></a></div>
<div class="a-row a-spacing-small review-data"><span data-hook="review-body" class="a-size-base review-text">
<div data-a-expander-name="review_text_read_more" class="a-expander-collapsed-height a-row a-expander-container" style="max-height:300px">
<div data-hook="review-collapsed" aria-expanded="false" class="a-expander-content reviewText review-text-content"><span>{b}</span></div>
<div class="a-expander-header"><div class="a-expander-content-fade"></div><a href="javascript:void(0)" data-hook="expand-collapse-read-more-less"
aria-label="Toggle full review text" aria-expanded="false" role="button" class="a-declarative"><span class="a-expander-prompt">Read more</span></a></div>
</div></span></div><div class="a-row review-comments cr-vote-action-bar"><span class="cr-vote"><div class="a-row a-spacing-none">
<span data-hook="helpful-vote-statement" class="a-size-base a-color-tertiary cr-vote-text">{12 + i} people found this helpful</span></div>
<span class="a-button a-button-base"><span class="a-button-inner"><a class="a-button-text" role="button">Helpful</a></span></span>
<span>|</span><a class="a-link-normal a-color-secondary report-abuse-link" href="/r">Report</a></span></div></div></li>'''
                    for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><span id="productTitle">Acme Speaker</span><div id="averageCustomerReviews"><span class="a-icon-alt">4.4 out of 5 stars</span>
<span id="acrCustomerReviewText">2,345 ratings</span></div><div id="cm-cr-dp-review-list"><h3>Top reviews from the United States</h3>
<ul>{cards}</ul></div></body></html>'''


def tripadvisor() -> str:
    cards = "".join(f'''<div data-automation="reviewCard" class="_c"><div class="mwPje f M k"><div class="XExLl f u o"><div class="kTVdY">
<a href="/Profile/u{i}" class="ukgoS"><img src="https://dynamic-media-cdn.tripadvisor.com/media/photo-l/u{i}.jpg" width="40" alt=""></a></div>
<div class="zpDvc Zb"><span class="biGQs _P fiohW fOtGX"><a class="BMQDV _F Gv wSSLS SwZTJ FGwzt ukgoS" href="/Profile/u{i}">{a}</a></span>
<div class="JINyA"><div class="biGQs _P pZUbB osNWb"><span>London, UK</span><span class="IugUm">•</span><span>{12 + i} contributions</span></div></div>
</div></div><button aria-label="Click the to open more options"><svg></svg></button></div><div class="VVbkp">
<svg class="UctUV d H0" viewBox="0 0 128 24" width="88" height="16" aria-labelledby=":lithium-r{i}:"><title id=":lithium-r{i}:">{s}.0 of 5 bubbles</title>
<path d="M 12 0C5.388 0 0 5.388 0 12s5.388 12 12 12 12-5.38 12-12c0-6.612-5.375-12-12-12z"></path></svg></div>
<div class="biGQs _P fiohW qWPrE ncFvv fOtGX"><a href="/ShowUserReviews-g1-d2-r3{i}" class="BMQDV _F Gv wSSLS SwZTJ FGwzt ukgoS">
<span class="yCeTE">{t}</span></a></div><div class="RpeCd">{short_date(d)[:3]} {d[:4]} • Couples</div><div class="_T FKffI">
<div class="fIrGe _T bgMZj" style="line-break: normal; cursor: auto;"><div class="biGQs _P pZUbB KxBGd"><span class="JguWG"><span class="yCeTE">{b}</span>
</span></div></div><div class="lszDU"><button class="UikNM _G B- _S _W _T c G_ wSSLS ACvVd"><span class="biGQs _P XWJSj Wb">Read more</span></button></div></div>
<div class="TreSq"><div class="biGQs _P pZUbB ncFvv osNWb">Written {long_date(d)}</div><div class="biGQs _P pZUbB xUqsL ncFvv osNWb">This review
is the subjective opinion of a Tripadvisor member and not of Tripadvisor LLC. Tripadvisor performs checks on reviews as part of our
industry-leading trust &amp; safety standards.</div></div></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Hotel</h1><div><span>4.5</span><span>1,024 reviews</span></div>
<div data-automation="reviewsTab">{cards}</div></body></html>'''


def booking() -> str:
    cards = "".join(f'''<div data-testid="review-card" class="d799cd346c"><div class="c624d7469d"><div data-testid="review-avatar">
<div class="b817090550"><div class="e1eebb6a1e e6208ee469">{a}</div><div class="b817090550 c44c37515e"><span class="d6b1e2a1e2">
<img class="b8d1620349" src="https://cf.bstatic.com/static/img/flags/new/48-squared/gb.png" alt="" loading="lazy"></span>
<span class="afac1f68d9 a1ad95c055">United Kingdom</span></div></div></div><ul data-testid="review-room-name"><li><span>Deluxe Double Room</span></li></ul>
<ul data-testid="review-num-nights"><li><span>3 nights ·</span> <span>{MONTHS[int(d[5:7]) - 1]} {d[:4]}</span></li></ul>
<ul data-testid="review-traveler-type"><li>Couple</li></ul></div><div class="c624d7469d"><span data-testid="review-date">Reviewed: {long_date(d)}</span>
<h3 data-testid="review-title" class="f6431b446c">{t}</h3><div data-testid="review-score"><div class="a3b8729ab1 e6208ee469">Scored {2 * s}</div>
<div aria-hidden="true" class="a3b8729ab1 d86cee9b25">{2 * s}</div></div><div data-testid="review-positive-text"><div class="a53cbfa6de b5726afd0b">
<span class="a53cbfa6de f45d8e4c32">{b}</span></div></div><div><button type="button" class="a83ed08757"><span>Helpful</span></button>
<button><span>Not helpful</span></button></div></div></div>''' for a, s, t, b, d in REVIEWS)
    return f'<html><body><h2>Acme Hotel</h2><div data-testid="review-list">{cards}</div></body></html>'


GOOGLE_MAPS_AGO = ("a year ago", "3 months ago", "2 weeks ago")


def google_maps() -> str:
    cards = "".join(f'''<div class="jftiEf fontBodyMedium" aria-label="{a}" data-review-id="Ci9DQUlR{i}" jsaction="mouseover:pane.review.in">
<div class="GHT2ce"><div class="WNxzHc qLhwHc"><button class="al6Kxe" aria-label="Photo of {a}" data-href="https://www.google.com/maps/contrib/1{i}">
<img class="NBa7we" src="https://lh3.googleusercontent.com/a-/x{i}=w36-h36" alt=""></button><div>
<button class="al6Kxe" data-href="https://www.google.com/maps/contrib/1{i}"><div class="d4r55 fontTitleMedium">{a}</div>
<div class="RfnDt">Local Guide · {40 + i} reviews · 120 photos</div></button></div></div><div class="WNxzHc">
<button class="PP3Y3d S1qRNe" aria-label="Actions for {a}'s review"><span class="google-symbols"></span></button></div></div>
<div class="GHT2ce"><div class="DU9Pgb"><span class="kvMYJc" role="img" aria-label="{s} stars">{icons(5, '<span class="hCCjke google-symbols NhBTye elGi1d"></span>')}</span>
<span class="rsqaWe">{GOOGLE_MAPS_AGO[i]}</span></div><div class="MyEned" id="Ci9D{i}" lang="en"><span class="wiI7pd">{b}</span></div>
<div class="k8MTF"><button class="GBkF3d" aria-label="Like" data-review-id="x{i}"><span class="pkWtMe">{i + 2}</span></button>
<button aria-label="Share"><span class="google-symbols"></span></button></div></div><div class="CDe7pd"><div class="nM6d2c">
<span class="fontTitleSmall">Response from the owner</span> <span class="DZSIDd">{GOOGLE_MAPS_AGO[i]}</span></div>
<div class="wiI7pd">Thank you so much for visiting us!</div></div></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1 class="DUwDvf">Acme Cafe</h1><div class="F7nice"><span aria-hidden="true">4.6</span>
<span role="img" aria-label="4.6 stars"></span><span aria-label="1,234 reviews">(1,234)</span></div>
<div class="m6QErb" aria-label="Acme Cafe">{cards}</div></body></html>'''


def etsy() -> str:
    cards = "".join(f'''<div class="wt-grid wt-grid--block wt-mb-xs-0 review-card" data-review-region="r{i}"><div class="wt-grid__item-xs-12">
<div class="wt-display-flex-xs wt-align-items-center wt-mb-xs-1"><span class="wt-display-inline-block wt-mr-xs-1">
<input type="hidden" name="initial-rating" value="{s}"><span class="wt-screen-reader-only">{s} out of 5 stars</span>
<span class="stars-svg stars-smaller" data-rating="{s}">{icons(5, '<span class="wt-icon wt-nudge-b-1 wt-icon--smaller-xs"><svg></svg></span>')}</span></span></div>
<div class="wt-content-toggle--truncated-inline-multi wt-content-toggle"><p id="review-preview-toggle-{i}" class="wt-text-truncate--multi-line wt-break-word wt-text-body">{b}</p>
<button class="wt-content-toggle__trigger wt-btn wt-btn--small wt-btn--transparent" aria-label="Show full review">Read more</button></div>
<div class="wt-display-flex-xs wt-align-items-center wt-pt-xs-1"><a href="https://www.etsy.com/people/u{i}" class="wt-display-inline-block wt-mr-xs-1">
<img src="https://i.etsystatic.com/iusa/a{i}.jpg" class="wt-circle" alt=""></a><p class="wt-text-caption wt-text-gray">
<a href="https://www.etsy.com/people/u{i}" class="wt-text-link">{a}</a> {short_date(d)}</p></div></div></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Mug</h1><div><span class="wt-screen-reader-only">4.9 out of 5 stars</span>
<h2 class="wt-text-body-larger">1,234 reviews</h2></div><div id="same-listing-reviews-panel">{cards}</div></body></html>'''


def walmart(label: bool = True) -> str:
    def row(s: int) -> str:
        said = f'<span class="w_iUH7">{s} out of 5 stars review</span>' if label else ""
        return (f'<div class="w_ExHd w_y6ym w_zmyz" aria-hidden="false">{said}'
                + icons(s, '<i class="ld ld-StarFill" style="font-size:12px"></i>')
                + icons(5 - s, '<i class="ld ld-Star" style="font-size:12px"></i>') + "</div>")
    cards = "".join(f'''<li class="dib w-100 mb3"><div class="overflow-visible b--none mt3-l ma0 dark-gray"><div class="flex flex-start items-center">
{row(s)}<div class="f7 gray mt1 ml2">{int(d[5:7])}/{int(d[8:])}/{d[:4]}</div></div><span class="b w_V_DM f7 green">Verified Purchase</span>
<h3 class="w_kV33 w_Sl3f w_mvVb f5 b">{t}</h3><div><span class="tl-m mb3 db-m">{b}</span></div><div class="flex items-center mt3">
<div class="f7 b mv0">{a}</div></div><div class="flex mt3"><button aria-label="Upvote {a} review" type="button"><i class="ld ld-ThumbUp"></i>
<span class="ml1 f7 dark-gray">({i + 1})</span></button><button aria-label="Downvote {a} review"><i class="ld ld-ThumbDown"></i><span>(0)</span></button>
<button class="f7 underline">Report</button></div></div></li>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Speaker</h1><div><span class="f-headline b">4.4</span><span>out of 5</span><a>2,345 ratings</a></div>
<section><h2>Customer reviews &amp; ratings</h2><ul class="cc-3 cg-4 pl0 mt4">{cards}</ul></section></body></html>'''


def mdy(d: str, short_year: bool = False) -> str:
    y, m, day = d.split("-")
    return f"{m}/{day}/{y[2:] if short_year else y}"


def yotpo() -> str:
    cards = "".join(f'''<div class="yotpo-review yotpo-regular-box" data-review-id="12{i}"><div class="yotpo-header yotpo-verified-user">
<span class="yotpo-icon-profile yotpo-header-element pull-left"><span class="yotpo-user-letter">{a[0]}</span>
<span class="yotpo-icon yotpo-icon-circle-checkmark yotpo-action-hover" data-type="toggleFade" data-target="yotpo-tool-tip"></span></span>
<div class="yotpo-header-element"><span class="y-label yotpo-user-name yotpo-font-bold pull-left" aria-level="3">{a}</span>
<div class="label-with-tooltip pull-left"><span class="y-label yotpo-user-title yotpo-action-hover" data-type="toggleFade">Verified Buyer</span></div>
<div class="yotpo-clr"></div><div class="yotpo-review-stars">{icons(s, '<span class="yotpo-icon yotpo-icon-star rating-star pull-left"></span>')}
{icons(5 - s, '<span class="yotpo-icon yotpo-icon-empty-star rating-star pull-left"></span>')}<span class="sr-only">{s}.0 star rating</span></div></div>
<div class="yotpo-header-element yotpo-header-actions pull-right"><span class="y-label yotpo-review-date">{mdy(d, True)}</span></div></div>
<div class="yotpo-main"><div class="content-title yotpo-font-bold">{t}</div><div class="yotpo-clr"></div><div class="yotpo-review-wrapper">
<div class="content-review">{b}</div></div></div><div class="yotpo-footer"><div class="footer-actions"><span class="y-label yotpo-helpful-label">Was this review helpful?</span>
<a class="vote-btn" data-type="up"><span class="yotpo-icon yotpo-icon-thumbs-up"></span></a><span class="y-label yotpo-sum vote-sum" data-type="up">{i + 3}</span>
<a class="vote-btn" data-type="down"><span class="yotpo-icon yotpo-icon-thumbs-down"></span></a><span class="y-label yotpo-sum vote-sum" data-type="down">0</span>
</div></div></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Serum</h1><div class="yotpo yotpo-main-widget"><div class="yotpo-bottomline"><span class="sr-only">4.6 star rating</span>
<a class="text-m">128 Reviews</a></div><div class="yotpo-reviews">{cards}</div></div></body></html>'''


def okendo() -> str:
    cards = "".join(f'''<li class="oke-w-reviews-list-item"><div class="oke-w-review oke-is-clickable" data-oke-review-id="r{i}"><div class="oke-w-review-side">
<div class="oke-w-reviewer"><div class="oke-w-reviewer-avatar oke-avatar">{a[0]}</div><div class="oke-w-reviewer-name-container">
<div class="oke-w-reviewer-name">{a}</div><div class="oke-w-reviewer-verified"><span>Verified Buyer</span></div></div></div></div>
<div class="oke-w-review-main"><div class="oke-w-review-main-header"><div class="oke-stars"><div class="oke-sr-only">Rated {s} out of 5 stars</div>
<div aria-hidden="true" class="oke-stars-background"><svg height="12" viewBox="0 0 80 14" width="80"><use href="#oke-star-empty"></use></svg></div>
<div aria-hidden="true" class="oke-stars-foreground" style="width: {s * 20}%"><svg height="12" viewBox="0 0 80 14" width="80"><use href="#oke-star-filled"></use></svg></div>
</div><div class="oke-reviewContent-date"><span>{mdy(d)}</span></div></div><div class="oke-reviewContent"><h3 class="oke-reviewContent-title oke-title">{t}</h3>
<div class="oke-reviewContent-body"><p>{b}</p></div></div><div class="oke-w-review-footer"><div class="oke-helpful"><span class="oke-helpful-label">Was this helpful?</span>
<button class="oke-helpful-vote-button" aria-label="Yes, this review was helpful. {i + 3} people voted yes"><span class="oke-helpful-vote-counter">{i + 3}</span></button>
<button class="oke-helpful-vote-button" aria-label="No, this review was not helpful. 0 people voted no"><span class="oke-helpful-vote-counter">0</span></button>
</div></div></div></div></li>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Serum</h1><div class="okeReviews oke-w"><div class="oke-w-reviews-head"><div class="oke-stars">
<div class="oke-sr-only">Rated 4.6 out of 5 stars</div></div><div class="oke-w-navBar-item">Based on 128 reviews</div></div>
<ul class="oke-w-reviews-list">{cards}</ul></div></body></html>'''


def stamped() -> str:
    cards = "".join(f'''<div id="stamped-review-12{i}" class="stamped-review" data-id="12{i}" data-verified-label="Verified Buyer">
<div class="stamped-review-header"><div class="stamped-review-avatar"><div class="stamped-review-avatar-content">{a[0]}</div></div>
<div class="created">{mdy(d)}</div><strong class="author" data-verified-label="Verified Buyer">{a}</strong><div class="review-location">
<i class="stamped-fa stamped-fa-flag"></i> <span>United States</span></div></div><div class="stamped-review-content">
<span class="stamped-starratings stamped-review-header-starratings" data-rating="{s}" aria-label="Review by {a}. {s} star rating" role="img">
{icons(s, '<i class="stamped-fa stamped-fa-star"></i>')}{icons(5 - s, '<i class="stamped-fa stamped-fa-star-o"></i>')}</span>
<h3 class="stamped-review-header-title">{t}</h3><p class="stamped-review-content-body">{b}</p></div><div class="stamped-review-footer">
<div class="stamped-review-vote"><div class="stamped-review-vote-text">Was this helpful?</div><a class="stamped-fa stamped-fa-thumbs-up" data-rating="up">
<span class="stamped-review-vote-up">{i + 3}</span></a><a class="stamped-fa stamped-fa-thumbs-down" data-rating="down"><span class="stamped-review-vote-down">0</span></a>
</div></div></div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Serum</h1><div id="stamped-main-widget"><div class="stamped-summary"><span class="stamped-summary-text-1">4.6</span>
<span class="stamped-starratings" data-rating="4.6"></span><span class="stamped-summary-caption">Based on 128 Reviews</span></div>
<div class="stamped-reviews">{cards}</div></div></body></html>'''


def imdb() -> str:
    cards = "".join(f'''<article class="sc-d99cd751-1 kzUfxa user-review-item"><div class="ipc-list-card--border-speech ipc-list-card sc-d99cd751-0" role="presentation">
<div class="ipc-list-card__content"><div class="sc-d99cd751-2"><div class="sc-d99cd751-3"><span aria-label="IMDb rating: {2 * s}"
class="ipc-rating-star ipc-rating-star--base ipc-rating-star--otherUserAlt review-rating" data-testid="review-rating"><svg class="ipc-icon ipc-icon--star-inline"></svg>
<span class="ipc-rating-star--rating">{2 * s}</span><span class="ipc-rating-star--maxRating">/10</span></span></div>
<div class="ipc-title ipc-title--base ipc-title--title sc-d99cd751-7" data-testid="review-summary"><a href="/review/rw{i}/" class="ipc-title-link-wrapper">
<h3 class="ipc-title__text">{t}</h3></a></div></div><div class="ipc-html-content ipc-html-content--base sc-d99cd751-5" role="presentation" data-testid="review-overflow">
<div class="ipc-html-content-inner-div" role="presentation">{b}</div></div></div><div class="ipc-list-card__actions"><div class="sc-d99cd751-6">
<ul class="ipc-inline-list ipc-inline-list--show-dividers sc-d99cd751-8 base" role="presentation"><li role="presentation" class="ipc-inline-list__item">
<a class="ipc-link ipc-link--base" data-testid="author-link" href="/user/ur{i}/">{a}</a></li><li role="presentation" class="ipc-inline-list__item review-date">{short_date(d)}</li>
<li role="presentation" class="ipc-inline-list__item"><a class="ipc-link ipc-link--base" href="/review/rw{i}/">Permalink</a></li></ul></div>
<div class="sc-d99cd751-4"><div class="ipc-voting"><button aria-label="Helpful" class="ipc-btn"><svg></svg><span class="ipc-voting__label__count ipc-voting__label__count--up">{12 + i}</span></button>
<button aria-label="Not helpful" class="ipc-btn"><svg></svg><span class="ipc-voting__label__count ipc-voting__label__count--down">3</span></button></div></div></div></div></article>'''
                    for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Movie</h1><section><div data-testid="tturv-total-reviews">1.2K reviews</div>{cards}</section></body></html>'''


def best_buy() -> str:
    cards = "".join(f'''<li class="review-item"><div class="review-item-content"><div class="review-heading"><div class="review-rating">
<div class="c-ratings-reviews flex c-ratings-reviews-small align-items-center gap-50"><p class="visually-hidden">Rated {s} out of 5 stars</p>
<div class="c-stars c-stars-small">{icons(5, '<svg class="c-star-icon"></svg>')}</div></div></div>
<h4 class="c-section-title review-title heading-5 v-fw-medium">{t}</h4></div><div class="review-meta"><div class="flex posted-date-ownership body-copy-sm">
<time class="submission-date" title="{short_date(d)} 10:12 AM">{3 + i} months ago</time><p class="body-copy-sm pl-50 v-fw-regular">Owned for 1 month when reviewed.</p>
</div></div><div class="ugc-review-body"><p class="pre-white-space">{b}</p></div><div class="ugc-author v-fw-medium body-copy-lg"><span>{a}</span>
<span class="ugc-badge">Verified Purchaser</span></div><div class="ugc-review-feedback"><button class="btn btn-outline btn-sm helpfulness-button">Helpful ({12 + i})</button>
<button class="btn btn-outline btn-sm helpfulness-button">Unhelpful (0)</button></div></div></li>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Speaker</h1><div class="ugc-c-review-average">4.7</div><span class="c-total-reviews">(1,234 Reviews)</span>
<ul class="reviews-list">{cards}</ul></body></html>'''


def target() -> str:
    cards = "".join(f'''<div data-test="review-card--wrapper" class="styles_wrapper__x"><div class="styles_ratingAndTitle__x">
<span class="h-sr-only">{s} out of 5 stars</span><div class="RatingStars__RatingStarsContainer-sc-1x">{icons(5, '<svg viewBox="0 0 24 24" class="RatingStars__StyledStar-sc-1x"><path d="M12 2"></path></svg>')}</div>
<h4 data-test="review-card--title" class="h-text-bold">{t}</h4></div><div class="h-text-sm"><span data-test="review-card--username">{a}</span> -
<span data-test="review-card--reviewTime">{3 + i} months ago</span></div><div class="h-margin-t-default"><span data-test="review-card--text">{b}</span></div>
<div><button data-test="review-card--helpfulness-yes-button" class="styles_button">Helpful ({12 + i})</button><button data-test="review-card--report-button">Report</button></div>
</div>''' for i, (a, s, t, b, d) in enumerate(REVIEWS))
    return f'''<html><body><h1>Acme Speaker</h1><div data-test="rating-count">4.7 out of 5 stars with 1,234 reviews</div>
<div data-test="reviews-list">{cards}</div></body></html>'''


# (page, address, shows titles, published dates when not the reviews' own)
PAGES = {
    "google_play": (google_play, "https://play.google.com/store/apps/details?id=com.acme.notes", False, None),
    "app_store_2023": (app_store_2023, "https://apps.apple.com/us/app/acme-notes/id123", True, None),
    "app_store_2025": (app_store_2025, "https://apps.apple.com/us/app/acme-notes/id123", True, None),
    "trustpilot": (trustpilot, "https://www.trustpilot.com/review/acme.com", True, None),
    "yelp": (yelp, "https://www.yelp.com/biz/acme-cafe-san-francisco", False, None),
    "amazon": (amazon, "https://www.amazon.com/dp/B0TEST", True, None),
    "tripadvisor": (tripadvisor, "https://www.tripadvisor.com/Hotel_Review-g1-d2-Reviews-Acme_Hotel.html", True, None),
    "booking": (booking, "https://www.booking.com/hotel/gb/acme.html", True, None),
    "google_maps": (google_maps, "https://www.google.com/maps/place/Acme+Cafe", False, ["2024-06-01", "2025-03-01", "2025-05-18"]),
    "etsy": (etsy, "https://www.etsy.com/listing/123/acme-mug", False, None),
    "walmart": (walmart, "https://www.walmart.com/ip/acme-speaker/123", True, None),
    "walmart_icons_only": (lambda: walmart(label=False), "https://www.walmart.com/ip/acme-speaker/123", True, None),
    "yotpo": (yotpo, "https://shop.example/products/acme-serum", True, None),
    "okendo": (okendo, "https://shop.example/products/acme-serum", True, None),
    "stamped": (stamped, "https://shop.example/products/acme-serum", True, None),
    "imdb": (imdb, "https://www.imdb.com/title/tt0000001/reviews/", True, None),
    "best_buy": (best_buy, "https://www.bestbuy.com/site/reviews/acme-speaker/123", True, None),
    "target": (target, "https://www.target.com/p/acme-speaker/-/A-123", True, ["2025-03-01", "2025-02-01", "2025-01-01"]),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_field_of_a_modern_platform_page(name):
    build, url, titled, dates = PAGES[name]
    reviews = extract_reviews(build(), url, now=NOW)["reviews"]
    got = [(r["author"], r["rating"], r["title"], r["body"], r["published_at"]) for r in reviews]
    want = [(a, float(s), t if titled else None, b, (dates or {})[i] if dates else d)
            for i, (a, s, t, b, d) in enumerate(REVIEWS)]
    assert got == want


@pytest.mark.parametrize("name, votes", [("google_play", [7, 8, 9]), ("amazon", [12, 13, 14]),
                                         ("yelp", [3, 4, 5]), ("google_maps", [2, 3, 4]), ("yotpo", [3, 4, 5]),
                                         ("okendo", [3, 4, 5]), ("stamped", [3, 4, 5]), ("imdb", [12, 13, 14]),
                                         ("best_buy", [12, 13, 14]), ("target", [12, 13, 14])])
def test_helpful_votes(name, votes):
    build, url, _, _ = PAGES[name]
    assert [r["helpful_votes"] for r in extract_reviews(build(), url, now=NOW)["reviews"]] == votes


def test_aggregates():
    for name, agg in [("app_store_2023", {"rating": 4.6, "count": 2100}), ("trustpilot", {"rating": 4.1, "count": 1234}),
                      ("yelp", {"rating": 4.2, "count": 312}), ("amazon", {"rating": 4.4, "count": 2345}),
                      ("google_maps", {"rating": 4.6, "count": 1234}), ("etsy", {"rating": 4.9, "count": 1234})]:
        build, url, _, _ = PAGES[name]
        assert extract_reviews(build(), url, now=NOW)["aggregate"] == agg, name


# Amazon's other stores: the date line, the stars' label, the helpful line and the badge in the
# store's language (month names as each store prints them)
AMAZON_STORES = {
    "de": ("amazon.de", "Rezension aus Deutschland vom {d}. {m} {y}", "{s},0 von 5 Sternen",
           "{n} Personen fanden diese Informationen hilfreich", "Verifizierter Kauf",
           "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    "fr": ("amazon.fr", "Commenté en France le {d} {m} {y}", "{s},0 sur 5 étoiles", "{n} personnes ont trouvé cela utile",
           "Achat vérifié", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    "es": ("amazon.es", "Calificado en España el {d} de {m} de {y}", "{s},0 de 5 estrellas",
           "A {n} personas les ha parecido esto útil", "Compra verificada",
           "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "it": ("amazon.it", "Recensito in Italia il {d} {m} {y}", "{s},0 su 5 stelle", "{n} persone l'hanno trovato utile",
           "Acquisto verificato", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    "pt": ("amazon.com.br", "Avaliado no Brasil em {d} de {m} de {y}", "{s},0 de 5 estrelas", "{n} pessoas acharam isso útil",
           "Compra verificada", "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    "nl": ("amazon.nl", "Beoordeeld in Nederland op {d} {m} {y}", "{s},0 van 5 sterren", "{n} mensen vonden dit nuttig",
           "Geverifieerde aankoop", "januari februari maart april mei juni juli augustus september oktober november december"),
    "pl": ("amazon.pl", "Zrecenzowano w Polsce dnia {d} {m} {y}", "{s},0 na 5 gwiazdek", "{n} osób uznało to za pomocne",
           "Zakup zweryfikowany",
           "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"),
    "sv": ("amazon.se", "Recenserad i Sverige den {d} {m} {y}", "{s},0 av 5 stjärnor",
           "{n} personer tyckte att detta var till hjälp", "Verifierat köp",
           "januari februari mars april maj juni juli augusti september oktober november december"),
    "tr": ("amazon.com.tr", "Türkiye'de {d} {m} {y} tarihinde değerlendirildi", "5 yıldız üzerinden {s},0",
           "{n} kişi bunu faydalı buldu", "Doğrulanmış Alışveriş",
           "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"),
    "ja": ("amazon.co.jp", "{y}年{mn}月{d}日に日本でレビュー済み", "5つ星のうち{s}.0", "{n}人のお客様がこれが役に立ったと考えています",
           "Amazonで購入", " ".join("-" * 12)),
}


@pytest.mark.parametrize("lang", sorted(AMAZON_STORES))
def test_amazon_in_other_stores(lang):
    host, dated, stars, helpful, badge, months = AMAZON_STORES[lang]
    html = amazon().replace("<html>", f'<html lang="{lang}">').replace("Verified Purchase", badge)
    for i, (a, s, t, b, d) in enumerate(REVIEWS):
        y, mo, day = d.split("-")
        html = html.replace(f"Reviewed in the United States on {long_date(d)}",
                            dated.format(d=int(day), m=months.split()[int(mo) - 1], y=y, mn=int(mo)))
        html = html.replace(f"{s}.0 out of 5 stars", stars.format(s=s)).replace(
            f"{12 + i} people found this helpful", helpful.format(n=12 + i))
    reviews = extract_reviews(html, f"https://www.{host}/product-reviews/B0TEST", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["published_at"], r["helpful_votes"], r["verified"]) for r in reviews] \
        == [(a, float(s), t, d, 12 + i, True) for i, (a, s, t, b, d) in enumerate(REVIEWS)]


@pytest.mark.parametrize("label, rating", [
    ("Mit 4 von fünf Sternen bewertet", 4.0), ("4 su cinque stelle", 4.0), ("4 van vijf sterren", 4.0),
    ("Oceniono na 4 z pięciu gwiazdek", 4.0), ("beş yıldız üzerinden 4", 4.0), ("4 av fem stjärnor", 4.0),
    ("Rated 4.5 out of five", 4.5), ("8 of ten", 4.0), ("five stars", None), ("two of ten people", None)])
def test_a_scale_written_as_a_word(label, rating):
    from crawlers.extract.reviews_normalize import rating_from_text
    assert rating_from_text(label) == rating


MONTH_NAMES = {lang: names for lang, (*_, names) in AMAZON_STORES.items() if lang in ("de", "fr", "es", "it", "pt", "nl")}
TRIPADVISOR_LOCALES = {"de": ("Verfasst am {d}. {m} {y}", "{s},0 von 5 Kreisen"), "fr": ("Écrit le {d} {m} {y}", "{s},0 sur 5 bulles"),
                       "es": ("Escrita el {d} de {m} de {y}", "{s},0 de 5 burbujas"),
                       "it": ("Scritta in data {d} {m} {y}", "{s},0 su 5 pallini"),
                       "pt": ("Escrita em {d} de {m} de {y}", "{s},0 de 5 círculos"),
                       "nl": ("Geschreven op {d} {m} {y}", "{s},0 van 5 bolletjes"), "ja": ("{y}年{mn}月{d}日に投稿しました", "5段階中{s}.0の評価")}
GOOGLE_PLAY_LOCALES = {
    "de": ("Mit {s} von fünf Sternen bewertet", "{d}. {m} {y}", "{n} Personen fanden diese Rezension hilfreich"),
    "fr": ("A reçu la note de {s} étoiles sur cinq", "{d} {m} {y}", "{n} personnes ont trouvé cet avis utile"),
    "es": ("Valoración: {s} de cinco estrellas", "{d} de {m} de {y}", "A {n} personas les ha parecido útil esta reseña"),
    "it": ("Valutazione: {s} stelle su cinque", "{d} {m} {y}", "{n} persone hanno trovato utile questa recensione"),
    "pt": ("Avaliado com {s} de 5 estrelas", "{d} de {m} de {y}", "{n} pessoas acharam esta avaliação útil"),
    "nl": ("Beoordeeld met {s} van de vijf sterren", "{d} {m} {y}", "{n} mensen vonden deze review nuttig"),
    "ja": ("5 つ星のうち {s} つ星の評価", "{y}年{mn}月{d}日", "{n} 人がこのレビューが役立つと評価しました")}


def _local(template: str, d: str, lang: str) -> str:
    y, mo, day = d.split("-")
    month = MONTH_NAMES[lang].split()[int(mo) - 1] if lang in MONTH_NAMES else ""
    return template.format(d=int(day), m=month, y=y, mn=int(mo))


@pytest.mark.parametrize("lang", sorted(TRIPADVISOR_LOCALES))
def test_tripadvisor_in_other_languages(lang):
    written, bubbles = TRIPADVISOR_LOCALES[lang]
    html = tripadvisor().replace("<html>", f'<html lang="{lang}">')
    for a, s, t, b, d in REVIEWS:
        html = html.replace(f"Written {long_date(d)}", _local(written, d, lang)).replace(
            f"{s}.0 of 5 bubbles", bubbles.format(s=s))
    reviews = extract_reviews(html, "https://www.tripadvisor.de/Hotel_Review-g1-d2.html", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["published_at"]) for r in reviews] == [
        (a, float(s), t, d) for a, s, t, b, d in REVIEWS]


@pytest.mark.parametrize("lang", sorted(GOOGLE_PLAY_LOCALES))
def test_google_play_in_other_languages(lang):
    label, dated, helpful = GOOGLE_PLAY_LOCALES[lang]
    html = google_play().replace("<html>", f'<html lang="{lang}">')
    for i, (a, s, t, b, d) in enumerate(REVIEWS):
        html = html.replace(f"Rated {s} stars out of five stars", label.format(s=s)).replace(
            f">{long_date(d)}<", f">{_local(dated, d, lang)}<").replace(
            f"{7 + i} people found this review helpful", helpful.format(n=7 + i))
    reviews = extract_reviews(html, f"https://play.google.com/store/apps/details?id=x&hl={lang}", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["helpful_votes"]) for r in reviews] == [
        (a, float(s), d, 7 + i) for i, (a, s, t, b, d) in enumerate(REVIEWS)]


BOOKING_LOCALES = {"de": ("Bewertet: {d}. {m} {y}", "Mit {x} bewertet"), "fr": ("Commentaire envoyé le {d} {m} {y}", "Note : {x}"),
                   "es": ("Comentó: {d} de {m} de {y}", "Puntuación: {x}"), "it": ("Recensione del: {d} {m} {y}", "Punteggio: {x}"),
                   "nl": ("Beoordeeld op: {d} {m} {y}", "Scoorde {x}"),
                   "pt": ("Comentário feito em: {d} de {m} de {y}", "Pontuação: {x}")}


@pytest.mark.parametrize("lang", sorted(BOOKING_LOCALES))
def test_booking_in_other_languages(lang):
    # a score's label before or after its figure, on a page whose other scores show the 10-point scale
    dated, scored = BOOKING_LOCALES[lang]
    html = booking().replace("<html>", f'<html lang="{lang}">')
    for a, s, t, b, d in REVIEWS:
        figure = f"{2 * s},0"
        html = html.replace(f"Reviewed: {long_date(d)}", _local(dated, d, lang)).replace(
            f"Scored {2 * s}<", scored.format(x=figure) + "<").replace(f'd86cee9b25">{2 * s}<', f'd86cee9b25">{figure}<')
    reviews = extract_reviews(html, "https://www.booking.com/hotel/gb/acme.html", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["title"], r["published_at"]) for r in reviews] == [
        (a, float(s), t, d) for a, s, t, b, d in REVIEWS]


YELP_LOCALES = {"de": ("{s} Sterne Bewertung", "{d}. {m} {y}", "Hilfreich {n}"), "fr": ("Note de {s} étoiles", "{d} {m} {y}", "Utile {n}"),
                "es": ("Puntuación de {s} estrellas", "{d} de {m} de {y}", "Útil {n}"),
                "it": ("Valutazione di {s} stelle", "{d} {m} {y}", "Utile {n}"),
                "nl": ("Beoordeling van {s} sterren", "{d} {m} {y}", "Nuttig {n}"),
                "pt": ("Classificação de {s} estrelas", "{d} de {m} de {y}", "Útil {n}")}


@pytest.mark.parametrize("lang", sorted(YELP_LOCALES))
def test_yelp_in_other_languages(lang):
    label, dated, helpful = YELP_LOCALES[lang]
    html = yelp().replace("<html>", f'<html lang="{lang}">')
    for i, (a, s, t, b, d) in enumerate(REVIEWS):
        html = html.replace(f'aria-label="{s} star rating"', f'aria-label="{label.format(s=s)}"').replace(
            f">{short_date(d)}<", f">{_local(dated, d, lang)}<").replace(f">Helpful {i + 3}<", f">{helpful.format(n=i + 3)}<")
    reviews = extract_reviews(html, "https://www.yelp.de/biz/acme", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"], r["helpful_votes"]) for r in reviews] == [
        (a, float(s), d, i + 3) for i, (a, s, t, b, d) in enumerate(REVIEWS)]


@pytest.mark.parametrize("label", ["{s} von 5", "{s} sur 5", "{s} de 5", "{s} su 5", "{s} van 5", "5つ星のうち{s}"])
def test_app_store_in_other_languages(label):
    html = app_store_2023()
    for a, s, t, b, d in REVIEWS:
        html = html.replace(f'aria-label="{s} out of 5"', f'aria-label="{label.format(s=s)}"')
    reviews = extract_reviews(html, "https://apps.apple.com/de/app/x/id1", now=NOW)["reviews"]
    assert [r["rating"] for r in reviews] == [float(s) for a, s, t, b, d in REVIEWS]


GOOGLE_MAPS_LOCALES = {
    "de": ("{s} Sterne", ["vor einem Jahr", "vor 3 Monaten", "vor 2 Wochen"]),
    "fr": ("{s} étoiles", ["il y a un an", "il y a 3 mois", "il y a 2 semaines"]),
    "es": ("{s} estrellas", ["hace un año", "hace 3 meses", "hace 2 semanas"]),
    "it": ("{s} stelle", ["un anno fa", "3 mesi fa", "2 settimane fa"]),
    "nl": ("{s} sterren", ["een jaar geleden", "3 maanden geleden", "2 weken geleden"]),
    "pt": ("{s} estrelas", ["há um ano", "há 3 meses", "há 2 semanas"]),
    "pl": ("{s} gwiazdki", ["rok temu", "3 miesiące temu", "2 tygodnie temu"]),
    "ru": ("{s} звезды", ["год назад", "3 месяца назад", "2 недели назад"]),
    "tr": ("{s} yıldız", ["bir yıl önce", "3 ay önce", "2 hafta önce"]),
    "ja": ("星 {s} つ", ["1 年前", "3 か月前", "2 週間前"]),
    "ko": ("별표 {s}개", ["1년 전", "3개월 전", "2주 전"])}


@pytest.mark.parametrize("lang", sorted(GOOGLE_MAPS_LOCALES))
def test_google_maps_in_other_languages(lang):
    label, ago = GOOGLE_MAPS_LOCALES[lang]
    html = google_maps().replace("<html>", f'<html lang="{lang}">')
    for i, (a, s, t, b, d) in enumerate(REVIEWS):
        html = html.replace(f'aria-label="{s} stars"', f'aria-label="{label.format(s=s)}"').replace(
            f">{GOOGLE_MAPS_AGO[i]}<", f">{ago[i]}<")
    reviews = extract_reviews(html, f"https://www.google.com/maps/place/Acme?hl={lang}", now=NOW)["reviews"]
    assert [(r["author"], r["rating"], r["published_at"]) for r in reviews] == [
        (a, float(s), day) for (a, s, t, b, d), day in zip(REVIEWS, PAGES["google_maps"][3])]
