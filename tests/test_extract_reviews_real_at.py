"""Batch 51 of real pages (Spanish-, Portuguese- and Italian-language review pages): the general
rules they needed, on synthetic markup (invented names, items and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews
from lxml import html as lxml_html

from crawlers.extract.reviews_authors import name_like
from crawlers.extract.reviews_dates import find_date_text, parse_date, prose_day_word
from crawlers.extract.reviews_signed import name_signature

NOW = datetime(2022, 5, 10, 12, 0, tzinfo=timezone.utc)


# --- a feed of the latest reviews of many books: each review beside the book's own card ---

def _feed_card(reader: str, when: str, text: str, book: str, href: str, average: str, blurb: str) -> str:
    return (f'<div class="grid-item box"><div class="panel"><div class="panel-body">'
            f'<div class="bubble_part"><div class="media"><div class="media-body">'
            f'<span class="media-heading"><a href="/{reader.lower()}/profile"><strong>{reader}</strong></a></span>'
            f'<span class="media-heading-second">wrote a <strong>review</strong></span>'
            f'<small class="date-time">{when}</small></div>'
            f'<div class="media-right"><a href="/{reader.lower()}/profile"><img class="media-object user-pic" '
            f'src="/people/{reader.lower()}.png" alt="{reader}"></a></div>'
            f'<div class="recensione"><p>{text}</p></div></div></div>'
            f'<div class="second_part"><div class="panel-body"><div class="media"><div class="media-body">'
            f'<div class="book_title_container"><a href="/contributors/ann-writer/1"><span class="author">Ann Writer</span></a>'
            f'<a href="{href}"><span class="book_title">{book}</span></a></div>'
            f'<div class="star starWidget1 raty_no_pointer" data-score="{average}"></div>'
            f'<div class="descrizione_libro">{blurb}</div></div>'
            f'<div class="media-right"><a href="{href}"><img class="media-object libro" src="/covers/1.jpg" alt="{book}"></a></div>'
            f'</div><div class="counts"><ul><li class="total_shelfs">24 shelves</li></ul></div></div></div>'
            f'</div></div></div>')


_FEED = ('<html><body><div class="column left"><div class="clearfix"><div class="container">Latest reviews:</div>'
         '<div class="grid" id="latest-reviews">'
         + _feed_card("Mirtillo", "2 hours ago", "A quiet story that grew on me, the last chapters are the best part of it.",
                      "The Lantern Keeper", "/books/lantern-keeper/111", "3.75",
                      "In a harbour town a young keeper finds letters hidden in the lighthouse wall and follows them "
                      "across three winters, learning more about her family than she ever wanted to know...")
         + _feed_card("Quercia", "3 hours ago", "Short and sharp, read it in one evening.",
                      "Salt on the Road", "/books/salt-on-the-road/222", "3.5555555555556",
                      "Two brothers drive a broken van from the coast to the mountains to sell the last of their "
                      "father's salt, and the road has other plans for them along the way...")
         + '</div></div></div></body></html>')


def test_the_books_average_beside_a_review_in_a_feed_is_not_the_readers_rating():
    got = extract_reviews(_FEED, "https://books.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Mirtillo", "Quercia"]
    assert all(r["rating"] is None for r in got)  # (3.75 and 3.5555…: the books' averages)
    assert got[0]["body"].startswith("A quiet story that grew on me")
    assert got[1]["body"] == "Short and sharp, read it in one evening."  # (not the book's longer blurb)
    assert all(r["title"] is None for r in got)


def test_a_small_avatar_beside_the_name_is_no_items_picture():
    # the reviewer's own stars beside a face and a name linked to one page: their rating stays
    card = ('<li class="film-detail"><div class="content"><h2><a href="/films/blue-harbour/">Blue Harbour</a></h2>'
            '<div class="attribution-block"><a class="face" href="/tindra/"><img src="/f/1.jpg" alt="Tindra" '
            'width="24" height="24"></a><p class="attribution"><strong class="name"><a href="/tindra/">Tindra</a></strong>'
            ' <span class="rating" data-rating="{r}">{stars}</span></p></div>'
            '<div class="body-text"><p>{text}</p></div></div></li>')
    html = ('<html><body><ul class="popular">'
            + card.format(r=4, stars="★★★★", text="The harbour scenes alone are worth the ticket, and the score is lovely.")
            + card.replace("Tindra", "Orvar").replace("tindra", "orvar").format(
                r=2, stars="★★", text="Slow in the middle, I checked my watch more than once before the ending.")
            + '</ul></body></html>')
    got = extract_reviews(html, "https://films.example/", now=NOW)["reviews"]
    assert [r["rating"] for r in got] == [4.0, 2.0]


# --- relative dates in Italian, Spanish and Portuguese ---

def test_relative_minutes_and_an_article_for_one_in_romance_languages():
    now = datetime(2018, 3, 18, 0, 20, tzinfo=timezone.utc)
    cases = {"57 minuti fa": "2018-03-17", "un'ora fa": "2018-03-17", "una settimana fa": "2018-03-11",
             "hace 5 minutos": "2018-03-18", "há um mês": "2018-02-18", "há 2 anos": "2016-03-18"}
    for text, day in cases.items():
        frag = find_date_text(text)
        assert frag is not None, text
        assert parse_date(frag, now=now) == day, text


def test_a_day_word_inside_a_sentence_is_prose_not_the_reviews_date():
    assert prose_day_word("Fiz hoje para o jantar e todos gostaram muito", "hoje")
    assert prose_day_word("Made it today for the whole family at lunch", "today")
    assert not prose_day_word("Posted today by Ana in the kitchen forum", "today")
    assert not prose_day_word("Ana, ontem", "ontem")
    html = ('<html><body><ul class="comments">'
            + ''.join(f'<li class="comment"><div class="media-heading"><div class="stars" data-rating="5"></div>'
                      f'<h3 class="comment-subject">{subject}</h3></div>'
                      f'Escrito por <a href="/user/{i}">{name}</a> em <small>{date}</small>'
                      f'<div class="comment-content"><p>{text}</p></div></li>'
                      for i, (subject, name, date, text) in enumerate([
                          ("Fiz hoje para o jantar de domingo...", "Lia", "3. março 2021 - 10:00.",
                           "Fiz hoje para o jantar de domingo e ficou muito bom, repito."),
                          ("Receita simples e boa", "Rui", "9. abril 2020 - 18:30.",
                           "Receita simples e boa, com pouca louça para lavar no fim."),
                      ]))
            + '</ul></body></html>')
    got = extract_reviews(html, "https://receitas.example/", now=NOW)["reviews"]
    assert [r["published_at"] for r in got] == ["2021-03-03", "2020-04-09"]  # (not "today": the by-line's)


# --- a rated comment with no words, only its by-line ---

def test_a_bylines_joining_words_are_no_text_in_portuguese():
    html = ('<html><body><ul class="comments">'
            + ''.join(f'<li class="comment"><div class="stars" data-rating="5"></div>'
                      f'Submetido por <a href="/user/{i}">{name}</a> a <small>{date}</small>'
                      f'<div class="content"><p>{text}</p></div></li>'
                      for i, (name, date, text) in enumerate([
                          ("Lia", "3. março 2021 - 10:00.", "Ficou ótimo, a família inteira aprovou a receita."),
                          ("Rui", "9. abril 2020 - 18:30.", '<img class="icon" src="/smile.png" alt="">'),
                          ("Ivo", "2. maio 2019 - 08:15.", "Bom, mas da próxima vez ponho menos sal na massa."),
                      ]))
            + '</ul></body></html>')
    got = extract_reviews(html, "https://receitas.example/", now=NOW)["reviews"]
    assert all("Submetido" not in (r["body"] or "") for r in got)


# --- an @-mention opening a reply's text ---

def test_a_mention_in_the_text_is_neither_the_author_nor_cut_from_the_text():
    item = ('<li class="comment" id="c{uid}"><div class="media"><div class="media-left"><a href="/user/{uid}" '
            'title="Ver perfil."><img class="avatar" src="/user/picture/{uid}" alt="{name} avatar"></a></div>'
            '<div class="media-body"><div class="media-heading"><div class="stars" data-rating="5"></div>'
            '<h3 class="h5 comment-subject">{subject}</h3></div>'
            'Submetido por <a href="/user/{uid}" title="Ver perfil.">{name}</a> a <small>{date}</small></div></div>'
            '<div class="content commentContent"><p id="cc{uid}">{text}</p></div></li>')
    html = ('<html><body><ul class="comments media-list">'
            + item.format(uid="7", name="Lia", subject="Ficou ótimo, a família...", date="3. março 2021 - 10:00.",
                          text="Ficou ótimo, a família inteira aprovou a receita.")
            + item.format(uid="8", name="Rui", subject="Lia:...", date="4. março 2021 - 11:00.",
                          text='<a class="user-mention" data-user_id="7" href="/user/7" target="_blank">Lia</a>:<br />\n'
                               'Também fiz e concordo, ficou ótimo com menos açúcar.')
            + '</ul></body></html>')
    got = extract_reviews(html, "https://receitas.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Lia", "Rui"]
    assert got[1]["body"].replace("\n", " ").startswith("Lia: Também fiz")


# --- a letter the page's encoding lost inside a name ---

def test_a_name_with_a_lost_letter_is_still_a_name():
    item = ('<div class="flex items-start"><div class="w-2"><a title="{n}" href="/usuario/{slug}">'
            '<img alt="{n}" src="/icons/user.png" width="40" height="40"/></a></div><div class="w-10">'
            '<div class="flex"><p class="name"><a title="{n}" href="/usuario/{slug}">{n}</a></p>'
            '<p class="when">{d}</p></div><p class="text">{t}<!-- --> </p></div></div>')
    html = ('<html><body><div class="comments"><h5>Comentários</h5>'
            + item.format(n="Carla Nunes", slug="cnunes-2", d="02/07/2017", t="Ótimo!!")
            + item.format(n="Jo?o Paiva", slug="jpaiva-1", d="30/06/2017", t="Gostei bastante!")
            + item.format(n="Jo?o Paiva", slug="jpaiva-1", d="28/06/2017",
                          t="Ficou perfeito, só deixei mais tempo no forno do que o indicado. Por que será?")
            + item.format(n="Rita Sousa", slug="rsousa-3", d="05/05/2017", t="Bom demais, todos adoraram.")
            + '</div></body></html>')
    got = extract_reviews(html, "https://receitas.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Carla Nunes", "Jo?o Paiva", "Jo?o Paiva", "Rita Sousa"]
    assert got[1]["body"] == "Gostei bastante!"
    assert name_like("Jo?o Paiva") and name_like("Ren\ufffde Marchal")  # (a "?" or "\ufffd" for a lost letter)
    assert not name_like("Why? Because")


# --- quoted testimonials signed '<strong>NAME</strong> – role' after a logo ---

def _slide(n: int, quote: str, name: str, role: str) -> str:
    active = " et-pb-active-slide" if n == 2 else ""
    return (f'<div class="et_pb_slide et_pb_bg_layout_light et_pb_media_alignment_center et_pb_slide_{n}{active}">\n'
            '<div class="et_pb_container clearfix">\n<div class="et_pb_slider_container_inner">\n'
            '<div class="et_pb_slide_description">\n<div class="et_pb_slide_content"><h4></h4>\n<p>&nbsp;</p>\n'
            '<h4><span style="font-size: small;"><em><strong><span style="color: #108595; font-family: Roboto;">'
            f'&#8220;{quote}&#8221;</span></strong></em></span></h4>\n<p>&nbsp;</p>\n'
            '<h6><strong><img class="wp-image-1 alignnone size-full" src="wp-content/uploads/logo.png" alt="" '
            'width="50" height="50" /></strong></h6>\n<p>&nbsp;</p>\n'
            f'<h6><strong>{name}</strong> &#8211; {role}</h6></div>\n'
            '</div> <!-- .et_pb_slide_description -->\n</div>\n</div> <!-- .et_pb_container -->\n</div> <!-- .et_pb_slide -->\n')


def test_quoted_testimonials_signed_by_a_bold_name_and_a_dash_after_a_logo():
    html = ('<html><body><div class="et_pb_section et_pb_fullwidth_section"><div class="et_pb_module et_pb_slider">'
            '<div class="et_pb_slides">'
            + _slide(2, "Leggere le opinioni dei clienti è diventato un lavoro di ogni settimana, e prima di cambiare "
                        "qualcosa nel negozio le guardiamo tutte insieme.",
                     "Mara Ventosa", "Digital Project Manager, EXAMPLE SHOES")
            + _slide(3, "Abbiamo scoperto quali consegne andavano storte molto prima dei reclami al telefono, e il "
                        "riassunto settimanale apre la riunione del lunedì.",
                     "Paolo Brina", "Web Sales &amp; Marketing, Example Home (Example Group)")
            + '</div></div></div></body></html>')
    got = extract_reviews(html, "https://service.example/", now=NOW)["reviews"]
    assert [r["author"] for r in got] == ["Mara Ventosa", "Paolo Brina"]
    assert all(r["title"] is None and r["rating"] is None for r in got)
    assert got[0]["body"].startswith("Leggere le opinioni dei clienti")


def test_a_bold_name_and_a_dash_after_a_quote_is_its_signature_not_a_title():
    card = lxml_html.fromstring(
        '<div class="slide_content"><h4>&#8220;Le consegne arrivano sempre in tempo e il servizio risponde subito.&#8221;</h4>'
        '<p>&nbsp;</p><h6><strong><img src="/logo.png" alt=""/></strong></h6><p>&nbsp;</p>'
        '<h6 id="sig"><strong>Mara Ventosa</strong> &#8211; Responsabile vendite, Esempio Srl</h6>'
        '<h6 id="head">Un titolo qualunque</h6></div>')
    sig = card.get_element_by_id("sig")
    assert name_signature(sig, sig.text_content())
    head = card.get_element_by_id("head")
    assert not name_signature(head, head.text_content())  # (no bold name and dash)
    lone = lxml_html.fromstring('<div><p>Un testo senza virgolette qui.</p>'
                                '<h6 id="s"><strong>Mara Ventosa</strong> &#8211; Responsabile</h6></div>')
    s = lone.get_element_by_id("s")
    assert not name_signature(s, s.text_content())  # (no quote before it)
