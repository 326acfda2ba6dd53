"""Masking personal data in free text before it reaches the database."""
from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone-like runs: optional +, 7+ digits with spaces, dots, dashes or parentheses between.
PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{6,}\d(?![\w.])")


def _phone(m: re.Match) -> str:
    digits = re.sub(r"\D", "", m.group(0))
    if len(digits) < 7 or len(digits) > 15:
        return m.group(0)
    return "[phone]"


def mask_pii(text: str | None) -> str | None:
    """Replace e-mail addresses with [email] and phone numbers with [phone]."""
    if not text:
        return text
    text = EMAIL.sub("[email]", text)
    return PHONE.sub(_phone, text)
