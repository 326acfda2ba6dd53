"""Why a fetched page has nothing to extract: captcha, consent wall, JS shell, login, errors.

`classify_page(html, url, http_status=, content_type=)` returns a key of
`rivalscope.store.PAGE_STATUSES` or None for an ordinary page. It is used for every kind of
page (messaging, pricing, reviews), so it is generic and conservative: a page with real
content and a small cookie notice or a reCAPTCHA on its contact form is an ordinary page.
Pure; no I/O.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from rivalscope.store import PAGE_STATUSES

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")

# Bot walls and captchas (Cloudflare, Akamai, PerimeterX, DataDome, Imperva, AWS WAF, generic).
_BLOCK_MARKERS = re.compile(
    r"cf-challenge|cf_chl_|challenge-platform|cf-turnstile|/cdn-cgi/challenge|"
    r"px-captcha|_pxCaptcha|captcha-delivery\.com|geo\.captcha-delivery|datadome|"
    r"_Incapsula_Resource|incapsula incident|awswaf|aws-waf-token|"
    r"g-recaptcha|h-captcha|hcaptcha\.com|recaptcha/api\.js|funcaptcha|arkoselabs", re.I)
_BLOCK_TEXT = re.compile(
    r"just a moment\.\.\.|checking (?:if the site connection is secure|your browser)|"
    r"verify(?:ing)? (?:that )?you are (?:a )?human|are you a robot|not a robot|"
    r"unusual traffic from your (?:computer )?network|access (?:to this page has been )?denied|"
    r"request blocked|you have been blocked|bot (?:detection|protection)|"
    r"please (?:complete|solve) the (?:security check|captcha)|enable javascript and cookies to continue|"
    r"attention required!? \| cloudflare|pardon our interruption|press (?:&|and) hold", re.I)
_CONSENT_HOSTS = re.compile(r"^(?:consent\.|guce\.|cmp\.)|consent\.(?:google|youtube|yahoo)\.", re.I)
_CONSENT_NAMES = re.compile(
    r"cookie|consent|gdpr|onetrust|optanon|cookiebot|cybot|didomi|usercentrics|truste|qc-cmp|cmpbox|"
    r"sp_message|osano|iubenda|termly|klaro|tarteaucitron|borlabs|complianz|privacy-wall|cookiewall", re.I)
_CONSENT_TEXT = re.compile(
    r"\bcookies?\b|consent|before you continue|privacy (?:choices|settings|preferences)|"
    r"datenschutz|einwilligung|zustimmen|consentement|accepter|aceptar|consenso|toestemming", re.I)
_JS_TEXT = re.compile(
    r"(?:you need to |please )?enable javascript|javascript (?:is )?(?:required|disabled)|"
    r"requires javascript|turn on javascript|doesn't work properly without javascript|"
    r"javascript aktivieren|activez javascript|habilita javascript", re.I)
_APP_ROOTS = re.compile(r"^(?:root|app|__next|__nuxt|___gatsby|svelte|main-app|application)$", re.I)
_LOGIN_PATH = re.compile(r"/(?:log-?in|sign-?in|signin|auth|sso|oauth2?|session/new|account/login|"
                         r"users/sign_in|wp-login\.php|idp|authorize|u/login)(?:[/?#.]|$)", re.I)
_LOGIN_TEXT = re.compile(r"\b(?:log ?in|sign ?in|anmelden|einloggen|connexion|se connecter|iniciar sesión|"
                         r"accedi|inloggen|password|passwort|mot de passe|contraseña)\b", re.I)


def classify_page(html: str, url: str, *, http_status: int | None, content_type: str | None) -> str | None:
    """A PAGE_STATUSES key when the page is not ordinary content, else None."""
    html = html.decode("utf-8", "replace") if isinstance(html, bytes) else (html or "")
    status = _from_http(html, http_status)
    if status:
        return _checked(status)
    if not _is_html(html, content_type):
        return _checked("not_html")
    root = _parse(html)
    if root is None:
        return None
    visible = _visible_text(root)
    if _blocked(html, root, visible):
        return _checked("blocked")
    if _consent_wall(root, url, visible):
        return _checked("consent_wall")
    if _login(root, url, visible):
        return _checked("login_required")
    if _js_shell(html, root, visible):
        return _checked("js_shell")
    return None


def _checked(status: str) -> str:
    assert status in PAGE_STATUSES, status
    return status


def _from_http(html: str, code: int | None) -> str | None:
    if code is None or code < 400:
        return None
    if code in (404, 410):
        return "not_found"
    if code in (401, 403, 407, 429):
        return "blocked"
    if code in (503, 520, 521, 522, 523, 524, 525, 526) and (_BLOCK_MARKERS.search(html[:200_000])
                                                             or _BLOCK_TEXT.search(html[:200_000])):
        return "blocked"
    return "http_error"


def _is_html(html: str, content_type: str | None) -> bool:
    if content_type:
        ctype = content_type.split(";")[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            return False
        if ctype in ("application/xml", "text/xml"):
            return bool(re.search(r"<html[\s>]", html[:5000], re.I))
        return True
    head = html.lstrip()[:1000].lower()
    if not head:
        return True  # an empty body is "empty", decided by the spider
    if head.startswith(("%pdf", "{", "[", "\x89png", "gif8", "pk\x03\x04")):
        return False
    return "<" in head


def _parse(html: str):
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (etree.ParserError, ValueError):
        return None


def _visible_text(root) -> str:
    """Body text without scripts, styles, noscript, templates and hidden elements."""
    body = root.find("body")
    if body is None:
        return ""
    parts = []

    def walk(el):
        t = el.tag if isinstance(el.tag, str) else ""
        if t in ("script", "style", "noscript", "template", "svg") or not t:
            return
        if el.get("hidden") is not None or re.search(r"display\s*:\s*none", el.get("style") or "", re.I):
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(body)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _title(root) -> str:
    t = root.find(".//title")
    return re.sub(r"\s+", " ", t.text_content()).strip() if t is not None else ""


def _blocked(html: str, root, visible: str) -> bool:
    """A challenge page: bot-wall markup or wording, and little else on the page."""
    if len(visible) > 1500:
        return False
    title = _title(root)
    if _BLOCK_TEXT.search(title) or _BLOCK_TEXT.search(visible):
        return True
    return bool(_BLOCK_MARKERS.search(html[:200_000])) and len(visible) < 400


def _consent_wall(root, url: str, visible: str) -> bool:
    """The consent dialog is (nearly) all there is to read, or we landed on a consent host."""
    host = (urlsplit(url).hostname or "").lower()
    if _CONSENT_HOSTS.search(host) and _CONSENT_TEXT.search(visible):
        return True
    body = root.find("body")
    if body is None or not _CONSENT_TEXT.search(visible):
        return False
    consent_len, counted = 0, set()
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "main") or el.find(".//main") is not None:
            continue
        names = " ".join(filter(None, (el.get("id"), el.get("class"), el.get("aria-label"))))
        role = (el.get("role") or "").lower()
        if _CONSENT_NAMES.search(names) or (role in ("dialog", "alertdialog") and
                                            _CONSENT_TEXT.search(el.text_content()[:500])):
            if not any(a in counted for a in el.iterancestors()):
                consent_len += len(re.sub(r"\s+", " ", el.text_content()).strip())
                counted.add(el)
    rest = len(visible) - consent_len
    if consent_len == 0:
        title = _title(root)
        return bool(re.search(r"before you continue|cookie|consent", title, re.I)) and len(visible) < 1500
    return consent_len >= 40 and rest < 200


def _login(root, url: str, visible: str) -> bool:
    """A sign-in form is the page: a password field, login wording, and little other content."""
    passwords = root.xpath("//input[translate(@type,'PASSWORD','password')='password']")
    if not passwords:
        return False
    path = urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query else "")
    if _LOGIN_PATH.search(path):
        return True
    form_text = 0
    for field in passwords:
        form = next((a for a in field.iterancestors() if a.tag == "form"), field.getparent())
        form_text += len(re.sub(r"\s+", " ", form.text_content()).strip()) if form is not None else 0
    rest = len(visible) - form_text
    return rest < 400 and bool(_LOGIN_TEXT.search(_title(root) + " " + visible[:600]))


def _js_shell(html: str, root, visible: str) -> bool:
    """Almost no text, but scripts (and typically an empty app root or a noscript hint)."""
    if len(visible) >= 200:
        return False
    scripts = root.xpath("//script")
    if not scripts:
        return False
    noscript = " ".join(n.text_content() for n in root.xpath("//noscript"))
    empty_root = any(_APP_ROOTS.match(el.get("id") or "") and not el.text_content().strip()
                     for el in root.xpath("//body//div[@id]"))
    big_bundle = any(s.get("src") for s in scripts) or sum(len(s.text or "") for s in scripts) > 2000
    return bool(_JS_TEXT.search(noscript) or _JS_TEXT.search(visible) or empty_root or
                (big_bundle and len(visible) < 50))
