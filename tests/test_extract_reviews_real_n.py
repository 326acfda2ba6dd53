"""Batch 19 of real pages (non-English review sites: a Chinese film site's short comments and long
reviews, a Chinese ticketing site's comments, a Korean portal's film ratings): the general rules
they needed, each on synthetic markup (invented names and texts)."""
from __future__ import annotations

import unicodedata
from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_dates import find_date_text, parse_date

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _page(body: str) -> str:
    return f"<html><head><meta charset='utf-8'></head><body><h1>影评</h1>{body}</body></html>"


def _run(body: str) -> list[dict]:
    return extract_reviews(_page(body), "https://films.example/subject/1/", now=NOW)["reviews"]


def _nfkc(texts: list[str]) -> list[str]:
    return [unicodedata.normalize("NFC", t) for t in texts]  # (the extractor keeps "，" as the page shows it)


TEXTS = _nfkc([
    "这部电影的配乐很好听，剧情也很紧凑，值得一看。",
    "节奏有点慢，但是演员的表演非常自然，结尾很感人。",
    "画面很漂亮，可惜故事太简单了，看完没有什么印象。",
])


def _long_review(i: int, stars: int | None, text: str, *, rdfa: bool = False, spoiler: bool = False) -> str:
    prop = ' property="v:rating"' if rdfa else ""
    rating = f'<span{prop} class="allstar{stars}0 main-title-rating" title="推荐"></span>' if stars else ""
    tip = '<p class="spoiler-tip">这篇影评可能有剧透</p>' if spoiler else ""
    return (f'<div data-cid="{i}"><div class="main review-item" id="{i}"><header class="main-hd">'
            f'<a href="https://films.example/people/u{i}/" class="name">用户{i}</a>{rating}'
            f'<span content="2024-05-0{i}" class="main-meta">2024-05-0{i} 10:00:00</span></header>'
            f'<div class="main-bd"><h2><a href="https://films.example/review/{i}/">标题{i}</a></h2>'
            f'<div class="short-content">{tip}{text}... &nbsp;(<a href="javascript:;" class="unfold">展开</a>)</div>'
            f'<div class="action"><a href="javascript:;" class="action-btn up">12</a></div></div></div></div>')


def test_star_class_run_into_a_word_on_an_element_named_for_its_rating():
    """class="allstar40 main-title-rating" (an empty span, only a title word beside it) is 4 stars;
    the same with the rating named by an RDFa property."""
    body = '<div class="review-list">' + "".join(
        _long_review(i + 1, s, t) for i, (s, t) in enumerate(zip((4, 5, 2), TEXTS))) + "</div>"
    assert [r["rating"] for r in _run(body)] == [4.0, 5.0, 2.0]
    rdfa = '<div class="review-list">' + "".join(
        _long_review(i + 1, s, t, rdfa=True).replace("main-title-rating", "main-title") for i, (s, t) in enumerate(zip((3, 5, 4), TEXTS))) + "</div>"
    assert [r["rating"] for r in _run(rdfa)] == [3.0, 5.0, 4.0]


def test_toggle_in_brackets_after_a_cut_text_leaves_the_text():
    """"…… (<a>展开</a>)": the toggle and its brackets are no part of the text; the ellipsis stays."""
    body = '<div class="review-list">' + "".join(
        _long_review(i + 1, 4, t) for i, t in enumerate(TEXTS)) + "</div>"
    assert [r["body"] for r in _run(body)] == [t + "..." for t in TEXTS]


def test_spoiler_notice_before_a_text_is_no_part_of_it():
    body = '<div class="review-list">' + "".join(
        _long_review(i + 1, 4, t, spoiler=i != 1) for i, t in enumerate(TEXTS)) + "</div>"
    got = _run(body)
    assert [r["body"] for r in got] == [t + "..." for t in TEXTS]
    assert [r["title"] for r in got] == ["标题1", "标题2", "标题3"]


def test_unrated_review_in_a_bare_wrapper_like_the_rated_ones():
    """Each card alone in a <div data-cid>: the card without a rating span among rated ones is a
    review too."""
    body = '<div class="review-list">' + "".join(
        _long_review(i + 1, s, t) for i, (s, t) in enumerate(zip((4, None, 5), TEXTS))) + \
        _long_review(4, 3, "第四条评论：音乐和摄影都很出色，推荐给喜欢文艺片的朋友。") + "</div>"
    got = _run(body)
    assert [r["rating"] for r in got] == [4.0, None, 5.0, 3.0]
    assert got[1]["body"] == TEXTS[1] + "..."


def _comment(i: int, badge: str, text: str, name: str) -> str:
    return (f'<li><div class="star_score"><span class="st_off"><span class="st_on" style="width:80.0%"></span></span>'
            f'<em>8</em></div><div class="score_reple"><p><span class="ico_viewer">{badge}</span>'
            f'<span id="ment_{i}">{text}</span></p><dl><dt><em><a href="#" onclick="show({i});">'
            f'<span>{name}</span></a></em><em>2024.05.0{i} 12:00</em></dt></dl></div></li>')


def test_badge_before_a_text_is_no_part_of_it():
    texts = ["연기가 정말 좋았고 음악도 마음에 들었어요 추천합니다", "가족과 함께 보기 좋은 영화였습니다 다음 편도 기대돼요",
             "조금 길었지만 마지막 장면이 오래 기억에 남을 것 같아요"]
    body = '<ul class="score_result">' + "".join(
        _comment(i + 1, "관람객", t, f"tester{i}(ab{i}****)") for i, t in enumerate(texts)) + "</ul>"
    got = _run(body)
    assert [r["body"] for r in got] == texts
    assert [r["rating"] for r in got] == [4.0, 4.0, 4.0]


def test_section_label_classed_label_stays_with_its_text():
    """(guard) <span class="label">Pros:</span> names a section of the text: it stays."""
    card = ('<div class="review-card"><span class="star-rating" data-rating="4"></span><span class="review-date">2024-05-0{i}</span>'
            '<p>The dashboard saves our team a couple of hours every week.</p>'
            '<p><span class="label">Pros:</span> Quick to set up and easy to learn.</p></div>')
    got = _run('<div class="reviews">' + "".join(card.format(i=i) for i in (1, 2)) + "</div>")
    assert got and all("Pros: Quick to set up" in r["body"] for r in got)


def test_short_cjk_text_outweighs_a_handle_of_as_many_characters():
    """A 17-character Korean line is the text, not the reviewer's 20-character handle."""
    texts = ["화면이 예쁘고 감동적입니다.", "배우들이 너무 좋았어요 최고!", "두 번 봐도 재미있는 영화"]
    body = '<ul class="score_result">' + "".join(
        _comment(i + 1, "관람객", t, f"name{i}{i}{i}abcd(xyz{i}****)") for i, t in enumerate(texts)) + "</ul>"
    assert [r["body"] for r in _run(body)] == texts


def _half_stars(score: int) -> str:
    lis = "".join(f'<li><i class="half-star left {"active" if score >= 2 * k + 1 else ""}"></i>'
                  f'<i class="half-star right {"active" if score >= 2 * k + 2 else ""}"></i></li>' for k in range(5))
    return f'<ul class="score-star clearfix" data-score="{score}">{lis}</ul>'


def test_data_score_with_ten_half_star_icons_is_in_halves():
    """data-score="5" over ten half-star icons of which five are lit: 2.5 stars (not 5 of 5)."""
    texts = ["故事讲得很真实，看完心里很温暖，推荐大家去电影院看。", "有几段拖沓，不过整体还是不错的一部电影。",
             "特效一般，剧情老套，看到一半就想离场了。"]
    body = '<ul class="comments">' + "".join(
        f'<li class="comment-container"><div class="main"><div class="user"><span class="name">观众{i}</span></div>'
        f'<div class="time" title="2024-05-0{i + 1} 10:00:00"><span>2024-05-0{i + 1}</span>{_half_stars(s)}</div>'
        f'<div class="comment-content">{t}</div></div></li>' for i, (s, t) in enumerate(zip((10, 9, 5), texts))) + "</ul>"
    assert [r["rating"] for r in _run(body)] == [5.0, 4.5, 2.5]


def test_teaser_beside_its_hidden_whole_and_the_toggle_after_it():
    """<span class="short">cut…</span><span class="hide-item full">whole</span><span>(展开)</span>: the
    whole text, once."""
    whole = ["开头很吸引人，中间的转折也很自然，演员们的表演都非常到位，最后的结局让人意想不到。",
             "摄影和配乐都很用心，可惜人物太多，有些角色的故事没有讲完，希望能有续集把它补上。"]
    items = "".join(
        f'<div class="comment-item"><h3><span class="comment-info"><a href="https://films.example/people/{i}/">观众{i}</a>'
        f'<span class="allstar40 rating" title="推荐"></span><span class="comment-time" title="2024-05-0{i + 1} 10:00:00">'
        f'2024-05-0{i + 1}</span></span></h3><p><span class="short">{w[:20]}...</span>'
        f'<span class="hide-item full">{w}</span><span class="expand">(<a href="javascript:;">展开</a>)</span></p></div>'
        for i, w in enumerate(whole))
    assert [r["body"] for r in _run(f'<div class="comments">{items}</div>')] == _nfkc(whole)


def test_score_with_two_separators_is_no_date():
    assert find_date_text("长篇影评#7：第二部比第一部更好吗？ - 9.5/10") is None
    assert parse_date("8.5/10") is None
    assert parse_date("12.03.2024") == "2024-03-12" and parse_date("3/5/24", lang="en") == "2024-03-05"


def test_average_on_a_twenty_point_scale_is_the_summary_not_a_review():
    """(guard, with "9.5/10" no longer a date) "Note moyenne 15.2/20 (1 234 avis)" opens the list: the
    page's summary, not one more review."""
    page = ('<div class="note-lecteurs"><span>Note moyenne</span> <span>15.2/20</span> <span>(1 234 avis)</span></div>'
            + "".join(f'<div class="bloc-avis"><div class="note-avis"><strong>{m}</strong>/20</div>'
                      f'<div class="date">Publié le 1{i} mars 2024</div><div class="pseudo"><a href="/p/{p}">{p}</a></div>'
                      f'<div class="txt"><p>Un jeu très agréable, les graphismes sont soignés et la durée de vie correcte {i}.</p></div></div>'
                      for i, (m, p) in enumerate([(16, "joueur_a"), (8, "joueur_b")])))
    got = extract_reviews(f'<html lang="fr"><body><main>{page}</main></body></html>', "https://u.example/", now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [4.0, 2.0]
