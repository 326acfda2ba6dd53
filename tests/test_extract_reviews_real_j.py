"""Rules found on real pages of batch 15 (Trustpilot home-page streams, SaaS and service sites
showing their Trustpilot and Facebook reviews), each on a synthetic page."""
from __future__ import annotations

from crawlers.extract.reviews import extract_reviews
from crawlers.extract.reviews_teasers import cut_headline, source_line, toggle_line

_FA = '<i class="fa fa-star" aria-hidden="true"></i>' * 5


def test_quoted_microdata_text_loses_its_quotes():
    # a site printing its reviews as microdata, each text between straight quotes and spaces
    def review(title: str, text: str, who: str, day: str) -> str:
        return (f'<div itemprop="review" itemscope itemtype="http://schema.org/Review" class="quote-box">'
                f'<meta itemprop="datePublished" content="{day}">'
                f'<div itemprop="name" class="quote-title"> {title}</div>'
                f'<div itemprop="description" class="quote-text">\n  " {text} "\n</div>'
                f'<div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">'
                f'<span itemprop="author">{who}</span><meta itemprop="ratingValue" content="5">'
                f'<meta itemprop="bestRating" content="5"><div>{_FA}</div></div></div>')
    page = ('<html><body><section><h4>What clients say</h4>'
            + review("Fast answer", "The money arrived the next morning, as promised.", "Ola", "2021-03-04")
            + review("Clear terms", "Every fee was listed before I signed anything.", "Pim", "March 1, 2021")
            + '</section></body></html>')
    result = extract_reviews(page, "https://lender.example/")
    assert [r["body"] for r in result["reviews"]] == [
        "The money arrived the next morning, as promised.",
        "Every fee was listed before I signed anything.",
    ]
    assert [r["published_at"] for r in result["reviews"]] == ["2021-03-04", "2021-03-01"]


def _service_card(name: str, day: str, title: str, text: str) -> str:
    return (f'<div class="t-card"><div class="t-who"><p class="t-name">{name}</p>'
            f'<p class="t-place">2 reviews · Norway</p></div>'
            f'<div class="t-row"><img src="/img/5_stars.png" alt="5 Stars"><p class="t-when">{day}</p></div>'
            f'<p class="user-review-title">{title}</p><p class="user-review-desc">{text}</p></div>')


def test_title_cut_from_the_texts_first_words_is_the_title():
    # a review without a title of its own: the review site titles it with its first words and
    # an ellipsis (the page copies that title above the whole text)
    cards = [
        _service_card("Kari N.", "May 2, 2023", "Quick and honest",
                      "The code came within the hour and the phone worked on the first try."),
        _service_card("Per L.", "Apr 9, 2023", "They refunded the order that could not...",
                      "They refunded the order that could not be done, and did the other one in a day."),
        _service_card("Siv T.", "Mar 1, 2023", "Worth it",
                      "Cheaper than the shop in town and far quicker than I expected."),
    ]
    page = f'<html><body><section class="t-list">{"".join(cards)}</section></body></html>'
    result = extract_reviews(page, "https://unlock.example/")
    assert [r["title"] for r in result["reviews"]] == [
        "Quick and honest", "They refunded the order that could not...", "Worth it"]
    assert result["reviews"][1]["body"].startswith("They refunded the order that could not be done")
    assert cut_headline("They refunded the order that could not…", "They refunded the order that could not be done.")
    # a line ending in an ellipsis that does not open the text is no cut title
    assert not cut_headline("Well, what can I say...", "They refunded the order that could not be done.")


def test_ellipsis_is_kept_as_the_page_shows_it():
    cards = [
        _service_card("Kari N.", "May 2, 2023", "Quick and honest…",
                      "The code came within the hour and the phone worked on the first try."),
        _service_card("Siv T.", "Mar 1, 2023", "Worth it",
                      "Cheaper than the shop in town and far quicker than I expected."),
    ]
    page = f'<html><body><section class="t-list">{"".join(cards)}</section></body></html>'
    result = extract_reviews(page, "https://unlock.example/")
    assert [r["title"] for r in result["reviews"]] == ["Quick and honest…", "Worth it"]


def _slide(text: str, name: str, day: str, more: bool = False) -> str:
    toggle = (' <a href="https://social.example/page/reviews" target="blank">'
              '<span class="fbname">Read more...</span></a>') if more else ""
    return (f'<div class="swiper-slide"><div class=" review"><div class="k1"><div class="k2">'
            f'<div class="k3">{_FA}</div><div class="k4"><div class="k5-text">{text}{toggle}</div></div>'
            f'<div class="k3 row"><i class="fa fa-facebook-square"></i><div>'
            f'<a href="https://social.example/post/1" target="_blank"><p class="srcline">Posted on<br> '
            f'<span style="font-weight: 600;">Facebook</span></p></a></div></div></div></div></div>'
            f'<div class="row"><div class="pic"><img class="avatar" src="/img/u.jpg"></div><div>'
            f'<a href="https://social.example/post/1" target="_blank"><p class="fbname">'
            f'<span style="font-weight: 600;">{name}</span><br>{day}</p></a></div></div></div>')


def test_posted_on_line_and_read_more_toggle_are_no_name():
    # a site's slider of the recommendations it got on a social network: the name and date
    # under the card, a "Posted on Facebook" line and a "Read more..." link inside it
    slides = [
        _slide("Beautiful invitations and a very patient team, thank you.", "Lena Ortiz", "February 9, 2024"),
        _slide("Everyone asked who made our invitation, it looked great", "Tomas Ruiz", "January 13, 2024", more=True),
        _slide("Fast, kind and exactly what we had asked for.", "Ana Vidal", "July 14, 2023"),
    ]
    page = ('<html><body><div class="container swiper"><div class="swiper-wrapper">'
            + "".join(slides) + '</div></div></body></html>')
    result = extract_reviews(page, "https://invites.example/")
    assert [r["author"] for r in result["reviews"]] == ["Lena Ortiz", "Tomas Ruiz", "Ana Vidal"]
    assert result["reviews"][1]["body"] == "Everyone asked who made our invitation, it looked great"
    assert [r["published_at"] for r in result["reviews"]] == ["2024-02-09", "2024-01-13", "2023-07-14"]
    assert source_line("Publicado en Facebook") and source_line("Posted on Google")
    assert not source_line("Posted on 3 May 2024") and not source_line("Paul Posted")
    assert toggle_line("Leer más...") and toggle_line("Read more →") and not toggle_line("Moreno")
