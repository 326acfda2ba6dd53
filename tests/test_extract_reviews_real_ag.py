"""Batch 38 of real pages (consumer electronics and gadget sites with user opinions: phone
specification pages with their latest opinions, phone portals' home pages): the general rules
they needed, on synthetic markup (invented names and texts)."""
from __future__ import annotations

from datetime import datetime, timezone

from crawlers.extract.reviews import extract_reviews

NOW = datetime(2021, 6, 20, 12, tzinfo=timezone.utc)


def _opinion(name_li: str, place: str, when: str, text: str, avatar: str = "") -> str:
    return (f'<div class="post-item">{avatar}'
            f'<ul class="post-meta">{name_li}<li class="where"><i class="pin"></i>'
            f'<span title="Coded place">{place}</span></li><li class="when"><time>{when}</time></li></ul>'
            f'<p class="post-words">{text}</p>'
            f'<ul class="post-actions"><li><a href="/reply?id=1">Reply</a></li></ul></div>')


def _page(items: str) -> str:
    return ('<html><body><div id="opinions"><h2><a href="/gadget-opinions">Gadget X - user opinions</a></h2>'
            f'{items}<div class="total">Total user opinions: <b>41</b></div></div></body></html>')


def _read(page: str):
    got = extract_reviews(page, url="https://gadgets.example/gadget-x", now=NOW)["reviews"]
    return [(r["author"], r["title"], r["body"], r["published_at"]) for r in got]


def test_a_name_in_an_abbreviated_user_name_slot_is_the_author():
    # "uname", "uname2": the user's name abbreviated (and numbered); before, the first short
    # line was taken (the place code "QX7"), or a bold name read as the title
    page = _page(_opinion('<li class="uname2">Harbor Fox!</li>', "QX7", "18 Jun 2021",
                          "The battery easily lasts two days with the screen at medium brightness.")
                 + _opinion('<li class="uname"><b>tinkerbolt</b></li>', "m4Rz", "17 Jun 2021",
                            "Mine came with the older charger in the box, not the fast one."))
    assert _read(page) == [
        ("Harbor Fox!", None, "The battery easily lasts two days with the screen at medium brightness.", "2021-06-18"),
        ("tinkerbolt", None, "Mine came with the older charger in the box, not the fast one.", "2021-06-17")]


def test_a_one_word_text_in_the_block_s_one_paragraph_is_the_text():
    # a one-word opinion has too little text of its own to be found as the text: the block's
    # only paragraph is it (not the avatar letter, name and place code around it)
    avatar = '<div class="pic"><span class="letter-box">q</span></div>'
    page = _page(_opinion('<li class="uname2">quill</li>', "Zt9", "2 hours ago", "Yes", avatar)
                 + _opinion('<li class="uname2">Dara</li>', "k2P", "19 Jun 2021",
                            "Does the zoom lens work well in low light at all?", '<div class="pic"><span class="letter-box">D</span></div>'))
    got = _read(page)
    assert [g[2] for g in got] == ["Yes", "Does the zoom lens work well in low light at all?"]
    assert got[0][0] == "quill"


def test_a_paragraph_holding_only_a_date_is_no_text():
    # guard: a block whose one paragraph is its date line keeps its text elsewhere
    page = ('<html><body><div class="notes">'
            + ''.join(f'<div class="note"><span class="uname">{n}</span><p>{d}</p><span>{t}</span></div>'
                      for n, d, t in (("Ari", "12 May 2021", "Fine"), ("Bo", "13 May 2021", "Meh")))
            + '</div></body></html>')
    got = extract_reviews(page, url="https://gadgets.example/n", now=NOW)["reviews"]
    assert all(r["body"] not in ("12 May 2021", "13 May 2021") for r in got)
