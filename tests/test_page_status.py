"""classify_page: why a page has nothing to extract, on small literal pages."""
from __future__ import annotations

import pytest

from crawlers.extract.page_status import classify_page
from rivalscope.store import PAGE_STATUSES

ARTICLE = "<p>" + "Acme helps finance teams close the books faster with automated reconciliation. " * 8 + "</p>"
NORMAL = f"""<html><head><title>Acme</title></head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.</p>
<button>Accept</button></div><main><h1>Close the books in days</h1>{ARTICLE}</main></body></html>"""


def classify(html, url="https://acme.example/", status=200, ctype="text/html; charset=utf-8"):
    return classify_page(html, url, http_status=status, content_type=ctype)


def test_ordinary_page_with_a_cookie_notice_is_ordinary():
    assert classify(NORMAL) is None


def test_body_class_mentioning_consent_is_not_a_wall():
    html = NORMAL.replace("<body>", '<body class="cookie-consent-active has-gdpr-banner">')
    assert classify(html) is None


def test_contact_form_with_recaptcha_is_not_blocked():
    html = NORMAL.replace("</main>", '<form><div class="g-recaptcha" data-sitekey="x"></div>'
                                     '<script src="https://www.google.com/recaptcha/api.js"></script></form></main>')
    assert classify(html) is None


@pytest.mark.parametrize("status,expected", [(404, "not_found"), (410, "not_found"), (500, "http_error"),
                                             (502, "http_error"), (400, "http_error"), (403, "blocked"),
                                             (429, "blocked"), (401, "blocked")])
def test_http_errors(status, expected):
    assert classify("<html><body>Error</body></html>", status=status) == expected


def test_cloudflare_503_challenge_is_blocked():
    html = """<html><head><title>Just a moment...</title></head><body>
    <div id="challenge-running">Checking if the site connection is secure</div>
    <script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>"""
    assert classify(html, status=503) == "blocked"
    assert classify(html, status=200) == "blocked"


def test_captcha_page_is_blocked():
    html = """<html><head><title>Access check</title></head><body><h1>Please verify you are a human</h1>
    <div id="px-captcha"></div><p>Press &amp; Hold to confirm.</p></body></html>"""
    assert classify(html) == "blocked"


def test_datadome_interstitial_is_blocked():
    html = """<html><head><title>acme.example</title></head><body>
    <script src="https://ct.captcha-delivery.com/c.js"></script><iframe src="https://geo.captcha-delivery.com/captcha/"></iframe>
    </body></html>"""
    assert classify(html) == "blocked"


@pytest.mark.parametrize("ctype", ["application/pdf", "application/json", "image/png", "text/plain"])
def test_not_html_by_content_type(ctype):
    assert classify("%PDF-1.7 ...", ctype=ctype) == "not_html"


def test_not_html_sniffed_without_content_type():
    assert classify('{"plans": []}', ctype=None) == "not_html"
    assert classify(NORMAL, ctype=None) is None
    assert classify(NORMAL, ctype="application/xhtml+xml") is None


def test_consent_wall_hides_the_content():
    html = """<html><head><title>Before you continue</title></head><body>
    <div class="consent-wall" role="dialog"><h1>Before you continue to Acme</h1>
    <p>We use cookies and data to deliver and maintain our services and measure audience engagement.
    If you choose to accept all, we will also use cookies for personalised advertising.</p>
    <button>Reject all</button><button>Accept all</button></div></body></html>"""
    assert classify(html) == "consent_wall"


def test_consent_host_redirect_is_a_consent_wall():
    html = "<html><body><p>We use cookies. Accept all or reject all.</p><button>Accept all</button></body></html>"
    assert classify(html, url="https://consent.yahoo.com/v2/collectConsent?sessionId=1") == "consent_wall"


def test_js_shell_with_empty_app_root():
    html = """<html><head><title>Acme</title><script src="/static/js/main.8a7b6c.js" defer></script></head>
    <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>"""
    assert classify(html) == "js_shell"


def test_nuxt_shell_without_noscript():
    html = """<html><head><script src="/_nuxt/entry.js" type="module"></script></head>
    <body><div id="__nuxt"></div></body></html>"""
    assert classify(html) == "js_shell"


def test_server_rendered_app_is_not_a_shell():
    html = f"""<html><head><script src="/static/js/main.js"></script></head>
    <body><div id="root"><h1>Close the books in days</h1>{ARTICLE}</div></body></html>"""
    assert classify(html) is None


def test_login_page_after_redirect():
    html = """<html><head><title>Sign in · Acme</title></head><body><form action="/session" method="post">
    <label>Email <input type="email" name="email"></label><label>Password <input type="password" name="pw"></label>
    <button>Sign in</button></form></body></html>"""
    assert classify(html, url="https://app.acme.example/login?next=%2Fpricing") == "login_required"
    assert classify(html, url="https://acme.example/pricing") == "login_required"


def test_page_with_a_login_box_in_the_header_is_ordinary():
    html = NORMAL.replace("<main>", '<header><form><input type="password"><button>Log in</button></form></header><main>')
    assert classify(html, url="https://acme.example/pricing") is None


def test_every_answer_is_a_known_status():
    for html, status in [(NORMAL, 200), ("", 200), ("<html/>", 404), ("<html><body></body></html>", 200)]:
        result = classify(html, status=status)
        assert result is None or result in PAGE_STATUSES


def test_empty_html_is_left_to_the_spider():
    assert classify("") is None
    assert classify("<html><body></body></html>") is None
