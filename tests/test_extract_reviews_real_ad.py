"""Batch 35 of real pages (employer-review sites' home pages, 2018, ru/zh/ja: feeds of reviews of
many companies): the general rules they needed, each on synthetic markup (invented names and
texts): a figure with decimals printed beside the half-star icons that round it; a table of the
reviewer's facts (age, sex, job) is no name; a company's stars "from N reviews" heading each
review are its average, not the review's; cards named in a transliterated review word
("kuchikomi") and told apart only by BEM modifiers are one list; a heading link to the page the
review's own link sits under, or a heading named for the company, is the item reviewed; a year
or a span of years is no title; Japanese/Chinese "read more" toggles."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_aggregate import item_averages
from crawlers.extract.reviews_dates import year_only
from crawlers.extract.reviews_definitions import facts_list
from crawlers.extract.reviews_icons import printed_figure
from crawlers.extract.reviews_parts import item_href, item_named
from lxml import html as lxml_html

NOW = datetime(2018, 3, 25, tzinfo=timezone.utc)


def _run(body: str, url: str = "https://jobs.example/", lang: str = "ja") -> dict:
    html = f"<html lang='{lang}'><head><meta charset='utf-8'></head><body>{body}</body></html>"
    return extract_reviews(html, url, now=NOW)


# -- a printed figure beside half-star icons; the reviewer's facts table ------------------------------

def _icons(code: str) -> str:
    kinds = {"f": "icon-star", "h": "icon-star-half", "e": "icon-star-empty"}
    return "\n".join(f'<i class="{kinds[c]}"></i>' for c in code)


def _post(cid, company, icons, figure, age, text, kid, date):
    return (f'<section class="box"><h3>Reviews by region</h3><div class="post">'
            f'<h4><a href="https://jobs.example/review/{cid}/">{company}</a></h4>'
            f'<div class="postmeta"><div class="rating_data">{_icons(icons)}'
            f'<span class="rating_data_value">{figure}</span></div>'
            f'<dl class="post_profile"><dt>年齢</dt><dd>{age}</dd><dt>性別</dt><dd>男性</dd>'
            f'<dt>職種</dt><dd>営業</dd></dl><div class="theme">東京</div></div>'
            f'<p class="post_comment">{text}<a href="https://jobs.example/review/{cid}/kutikomi/{kid}.html">'
            f'<span>続きを見る</span></a></p><p class="post_date">投稿日時: {date}</p></div></section>')


_POSTS = ('<section class="reviews_section"><h2>口コミを探す</h2>'
          + _post(101, "株式会社サンプル", "fheee", "1.2", "50代前半",
                  "駅から近いので通勤はとても楽でした。休みは取りやすいと思います。残業は月に...", 90001, "2018-03-24")
          + _post(202, "テスト商事株式会社", "ffhee", "2.3", "20代後半",
                  "研修はほとんどなく、現場で覚えるしかありませんでした。上司によって評価が...", 90002, "2018-03-23")
          + _post(303, "例示工業株式会社", "ffffe", "4.0", "30代前半",
                  "若手にも大きな仕事を任せてもらえる社風です。評価制度も分かりやすく...", 90003, "2018-03-22")
          + '</section>')


def test_a_figure_with_decimals_beside_the_icons_that_round_it_is_the_rating():
    """One lit and one half-lit icon of five beside "1.2": 1.2, not the 1.5 the icons draw;
    "2.3" beside two and a half: 2.3."""
    got = [r["rating"] for r in _run(_POSTS)["reviews"]]
    assert got == [1.2, 2.3, 4.0]
    row = lxml_html.fromstring(f'<div class="rating">{_icons("fheee")}<span>1.2</span></div>')
    assert printed_figure(list(row), 1.5) == 1.2
    row = lxml_html.fromstring(f'<div class="rating">{_icons("fffee")}<span>(12)</span></div>')
    assert printed_figure(list(row), 3.0) == 3.0  # a count in brackets is no figure of the rating
    row = lxml_html.fromstring(f'<div class="rating">{_icons("fffee")}<span>4.5</span></div>')
    assert printed_figure(list(row), 3.0) == 3.0  # a figure the icons do not round to: not theirs


def test_a_table_of_the_reviewers_facts_is_no_name():
    """A <dl> of short terms and values (age, sex, job) named "profile": its first term is no
    reviewer's name; the cards name none."""
    assert [r["author"] for r in _run(_POSTS)["reviews"]] == [None, None, None]
    dl = lxml_html.fromstring('<dl><dt>年齢</dt><dd>20代</dd><dt>性別</dt><dd>女性</dd></dl>')
    assert facts_list(dl)
    entry = lxml_html.fromstring('<dl><dt>Anna Berg</dt><dd>' + "A long review text. " * 5 + '</dd></dl>')
    assert not facts_list(entry)


def test_the_heading_link_above_the_reviews_own_page_is_the_company_and_toggles_go():
    """The h4 link "/review/101/" over the review's own "/review/101/kutikomi/90001.html": the
    company's page, no title; the "続きを見る" link after the cut text is no part of it."""
    reviews = _run(_POSTS)["reviews"]
    assert [r["title"] for r in reviews] == [None, None, None]
    assert reviews[0]["body"].endswith("残業は月に...")
    assert [r["published_at"] for r in reviews] == ["2018-03-24", "2018-03-23", "2018-03-22"]
    card = lxml_html.fromstring(_post(7, "X社", "fffee", "3.0", "20代", "本文です...", 12345, "2018-01-01"))
    h4 = card.xpath("//h4")[0]
    assert item_href(card, h4)
    own = lxml_html.fromstring('<div><h4><a href="/review/7/">A headline</a></h4>'
                               '<a href="/review/7/helpful">Helpful</a></div>')
    assert not item_href(own, own.xpath("//h4")[0])  # (an action below the review's own page: no item)


# -- a company's stars "from N reviews" over each review ---------------------------------------------

def _company_card(n, name, width, count, title, text):
    return (f'<li><a class="logo" href="/gso{n}.html"><img src="/logo/{n}.jpg" alt="{name}logo"></a>'
            f'<div><h3><a href="/gso{n}.html">{name}</a></h3>'
            f'<span class="grade_star"><i style="width:{width}%;"></i></span><br>'
            f'<em class="grey">来自{count}条点评</em></div>'
            f'<dl><dt class="mb10"><a href="/pl{n}1.html">{title}</a></dt><dd>{text}</dd>'
            f'<dd class="laizi"><em class="grey"></em></dd></dl></li>')


def test_stars_from_many_reviews_heading_a_review_are_the_companys_average():
    """"来自136条点评" (from 136 reviews) beside the stars: the company's average over them, not
    the rating of the review below."""
    body = ('<ul class="command">'
            + _company_card(11, "示例科技", "82.0", 136, "适合新人的公司", "培训计划很好，同事之间关系融洽，技术在行业内领先。")
            + _company_card(22, "测试通信", "74.0", 50, "环境宽松", "年假充足，不需要考勤，比同行的环境更宽松一些。")
            + '</ul>')
    reviews = _run(body, url="https://kz.example/", lang="zh")["reviews"]
    assert len(reviews) == 2 and [r["rating"] for r in reviews] == [None, None]
    card = lxml_html.fromstring(_company_card(33, "某公司", "60.0", 12, "标题", "正文内容很长一些。"))
    assert len(item_averages(card)) == 1
    plain = lxml_html.fromstring('<li><div><b>Anna</b> <span class="stars" data-rating="4"></span>'
                                 ' 12 reviews written</div><p>Good place to work.</p></li>')
    assert item_averages(plain) == []  # (a reviewer's own count of reviews: no "from")


# -- cards named "kuchikomi", told apart by BEM modifiers; a year line; a company-named heading ------

def _kuchikomi(kind, label, company, cid, year, text, kid, sex="man"):
    return (f'<div class="kuchikomi kuchikomi--{kind} kuchikomi--{sex}"><div class="box">'
            f'<a href="/company/{cid}/" class="company">{company}</a><div class="subject">'
            f'<div class="label"><div class="icon">{label}</div>教育・研修</div><div class="year">{year}</div></div>'
            f'<div class="comment">{text}<a href="/company/{cid}/kuchikomi/{kid}/">もっと見る</a></div>'
            f'<div class="status">30代 / 男性 / 元社員(正社員) / 営業系</div></div></div>')


def test_cards_named_kuchikomi_and_told_apart_by_modifiers_are_one_list_with_no_year_titles():
    """Unrated, undated cards named "kuchikomi" (口コミ), "--good"/"--bad" variants mixed: all
    are reviews (a lone "--bad --woman" card too); the "2017年頃" (about 2017) line above the
    text is no title."""
    body = ('<div class="list">'
            + _kuchikomi("good", "良い点", "サンプル株式会社", 1001, "2017年頃", "外部の研修に参加しやすい環境です。ただし仕事量は...", 501)
            + _kuchikomi("bad", "気になる点", "サンプル株式会社", 1001, "2018年頃", "評価の基準がはっきりしておらず、上司次第の面が...", 502)
            + _kuchikomi("good", "良い点", "例示物産", 1002, "2001年～<br>2005年頃", "休日は多く、有給も取りやすい職場でした。福利厚生も...", 503)
            + _kuchikomi("bad", "気になる点", "例示物産", 1002, "2009年頃", "給与の上がり幅が小さく、長く勤めるには不安が...", 504, "woman")
            + '</div>')
    reviews = _run(body)["reviews"]
    assert [r["body"][:6] for r in reviews] == ["外部の研修に", "評価の基準が", "休日は多く、", "給与の上がり"]
    assert all(not (r["title"] or "").endswith("頃") for r in reviews)
    assert year_only("2017年頃") and year_only("2001年～ 2005年頃") and year_only("2015 - 2018")
    assert not year_only("2017年3月") and not year_only("Top 2018 employer")


def test_a_heading_named_for_the_company_is_no_title():
    """"<h4 class="kuchikomi-company-name">" over each review of a feed of many companies: the
    company reviewed, no title of the review."""
    def card(cid, name, r, text):
        return (f'<li class="kuchikomi-article"><h4 class="kuchikomi-company-name">'
                f'<a href="/company/{cid}?source=home">{name}</a></h4><div class="kuchikomi-content">'
                f'<div class="kuchikomi-content-header"><div class="emotional-rating rating-{r}"></div>'
                f'<h5 class="kuchikomi-category-title">仕事のやりがい</h5></div><p>{text}</p></div>'
                f'<a class="kuchikomi-article-link" href="/company/{cid}?source=home"></a></li>')
    body = ('<ul class="kuchikomi-examples">'
            + card(1, "株式会社テスト", 4, "【良い点】\n若手でも裁量が大きく、成長を実感できる職場です。\n【気になること】\n残業が...")
            + card(2, "例示商事", 2, "【良い点】\n同僚は穏やかな人が多く、人間関係のストレスは少ないです。\n【気になること】\n給与が...")
            + '</ul>')
    reviews = _run(body)["reviews"]
    assert [r["rating"] for r in reviews] == [4.0, 2.0]
    assert all(r["title"] not in ("株式会社テスト", "例示商事") for r in reviews)
    h4 = lxml_html.fromstring('<h4 class="kuchikomi-company-name"><a href="/c/1">X</a></h4>')
    assert item_named(h4)
    assert not item_named(lxml_html.fromstring('<h4 class="review-title"><a href="/r/1">X</a></h4>'))
    assert not item_named(lxml_html.fromstring('<h4 class="store-review-title">X</h4>'))


# -- an employer-review list with hReview parts: value-title, status lights, hidden item and date ----

def _emp_review(rid, title, value, job, leds, pros, cons, advice, day):
    lights = "".join(f"<div class='col'><div class='middle'><div class='cell'><i class='sqLed middle sm green'></i></div>"
                     f"<div class='cell'><span class='middle'>{t}</span></div></div></div>" for t in leds)
    star = "<i><i></i><i class='star'><span>Star</span></i></i>"
    return (f"<li class='empReview cf' id='empReview_{rid}'><div class='hreview'>"
            f"<div class='cf'><time class='date subtle small' datetime='{day}'>{day}</time></div>"
            f"<h2 class='h2 summary'><a href='/Reviews/Employee-Review-Firm-RVW{rid}.htm' class='reviewLink'>"
            f"<span class='summary'>&#034;{title}&#034;</span></a></h2>"
            f"<div class='reviewMeta'><span class='gdStars gdRatings sm'><span class='rating'>"
            f"<span class='value-title' title='{value}'></span></span>{star * 5}"
            f"<div class='subRatings module'><ul class='undecorated'>{_aspects()}</ul></div></span>"
            f"<div class='author minor'><span class='authorJobTitle reviewer'>{job}</span></div></div>"
            f"<div class='recommends'>{lights}</div>"
            f"<div class='description'><div class='row'><p class='strong'>Pros</p><p class='pros mainText'>{pros}</p></div>"
            f"<div class='row'><p class='strong'>Cons</p><p class='cons mainText'>{cons}</p></div>"
            f"<div class='row'><p class='strong'>Advice to Management</p><p class='adviceMgmt mainText'>{advice}</p></div>"
            f"<span class='hidden'><span class='item'><span class='fn'> Firm Ltd</span></span>"
            f"<span class='dtreviewed'> {day} 08:33 PDT</span></span></div></div></li>")


def _aspects():
    rows = [("Work/Life Balance", "1.0"), ("Career Opportunities", "2.0"), ("Comp &amp; Benefits", "1.0"),
            ("Senior Management", "2.0")]
    return "".join(f"<li><div class='minor'>{name}</div><span class='gdBars gdRatings med' title='{v}'>"
                   + "<i><i></i></i>" * (int(float(v)) - 1) + "<i><i style=\"width: 100.0%\"></i></i>"
                   + "<i></i>" * (5 - int(float(v))) + "</span></li>"
                   for name, v in rows)


_EMP = ("<ol class='empReviews'>"
        + _emp_review(11, "Fine for a first job", "4.0", "Current Employee - Clerk", ["Recommends", "Approves of CEO"],
                      "Friendly team and flexible hours", "Slow promotions", "Listen to the front line", "2009-02-03")
        + _emp_review(12, "Not for me", "2.0", "Former Employee - Driver", ["Approves of CEO"],
                      "Paid on time", "Long shifts and little training", "Hire more people", "2009-02-05")
        + "</ol>")


def test_an_hreview_value_title_is_the_rating_not_the_mean_of_its_aspects():
    """<span class="rating"><span class="value-title" title="4.0"> (the value-class pattern):
    4.0, not the mean of the hover box's aspect bars."""
    reviews = _run(_EMP, url="https://www.jobs.example/Reviews/Firm-Reviews-E1.htm", lang="en")["reviews"]
    assert [r["rating"] for r in reviews] == [4.0, 2.0]
    assert [r["title"] for r in reviews] == ["Fine for a first job", "Not for me"]


def test_status_lights_star_words_and_section_labels_are_no_names():
    """"Recommends" / "Approves of CEO" beside a green light, the stars' screen-reader "Star" and
    the "Pros" label are no reviewer's names; the job title is none either."""
    reviews = _run(_EMP, url="https://www.jobs.example/Reviews/Firm-Reviews-E1.htm", lang="en")["reviews"]
    assert [r["author"] for r in reviews] == [None, None]
    from crawlers.extract.reviews_chrome import indicator_label
    row = lxml_html.fromstring("<div><div class='cell'><i class='sqLed green'></i></div>"
                               "<div class='cell'><span>Recommends</span></div></div>")
    assert indicator_label(row.xpath("//span")[0])
    named = lxml_html.fromstring("<div><span><i class='fa fa-chevron-right'></i> <a href='/u/ann'>Ann</a></span></div>")
    assert not indicator_label(named.xpath("//a")[0])  # (an icon inline before a name: no light)


def test_hidden_hreview_item_and_date_are_no_text_nor_name():
    """The hidden "item"/"fn" (the firm) and "dtreviewed" copy after the sections: no part of the
    text, no author; the body is the labelled sections."""
    reviews = _run(_EMP, url="https://www.jobs.example/Reviews/Firm-Reviews-E1.htm", lang="en")["reviews"]
    assert reviews[0]["body"] == ("Pros Friendly team and flexible hours Cons Slow promotions "
                                  "Advice to Management Listen to the front line")
    assert [r["published_at"] for r in reviews] == ["2009-02-03", "2009-02-05"]
    from crawlers.extract.reviews_microformats import hreview_parts
    block = lxml_html.fromstring(_emp_review(1, "T", "3.0", "J", [], "p", "c", "a", "2010-01-01"))
    assert len(hreview_parts(block)) == 2
