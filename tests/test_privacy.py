"""Masking e-mails and phone numbers without touching prices, dates, years, versions or counts."""
from __future__ import annotations

import pytest

from rivalscope.privacy import author_salt, mask_pii


@pytest.mark.parametrize("text, masked", [
    # e-mail addresses
    ("Mail me at jane.doe+rev@acme.co.uk please", "Mail me at [email] please"),
    ("bob@x.io wrote this", "[email] wrote this"),
    ("contact: jane [at] acme [dot] com", "contact: [email]"),
    ("write to jane(at)acme.com", "write to [email]"),
    ("jane at acme dot com", "[email]"),
    ("MAX.MUSTERMANN@FIRMA.DE", "[email]"),
    # phone numbers, many countries and styles
    ("Call +1 (555) 123-4567 now", "Call [phone] now"),
    ("Call 555-123-4567.", "Call [phone]."),
    ("(555) 123 4567", "[phone]"),
    ("555.123.4567", "[phone]"),
    ("call 555-1234", "call [phone]"),
    ("+44 20 7946 0958", "[phone]"),
    ("ring 020 7946 0958", "ring [phone]"),
    ("07700 900123", "[phone]"),
    ("+49 30 123456", "[phone]"),
    ("030/1234567", "[phone]"),
    ("0171 1234567", "[phone]"),
    ("+49 (0)30 12345678", "[phone]"),
    ("0049 89 1234567", "[phone]"),
    ("+33 1 23 45 67 89", "[phone]"),
    ("01 23 45 67 89", "[phone]"),
    ("06.12.34.56.78", "[phone]"),
    ("+34 612 34 56 78", "[phone]"),
    ("+31 6 12345678", "[phone]"),
    ("06-12345678", "[phone]"),
    ("Tel.: +41 44 668 18 00", "Tel.: [phone]"),
    ("ring me on 0612345678", "ring me on [phone]"),
    ("(see page 12) and call 0800 123 4567", "(see page 12) and call [phone]"),
    ("call me at 212-555-0199 or email bob@x.io", "call me at [phone] or email [email]"),
    # not personal data: prices, years, dates, versions, counts, ids
    ("It cost $1,299.99 last year", "It cost $1,299.99 last year"),
    ("1.299,00 € per year", "1.299,00 € per year"),
    ("12 000 € budget", "12 000 € budget"),
    ("I paid 49.99 USD", "I paid 49.99 USD"),
    ("since 2019-2024", "since 2019-2024"),
    ("year 2023/2024", "year 2023/2024"),
    ("in 2023 2024", "in 2023 2024"),
    ("on 12/03/2024", "on 12/03/2024"),
    ("on 2024-03-12", "on 2024-03-12"),
    ("on 12.03.2024", "on 12.03.2024"),
    ("3.6.2024 bought", "3.6.2024 bought"),
    ("version 1.2.3", "version 1.2.3"),
    ("v10.4.12 broke it", "v10.4.12 broke it"),
    ("order #123456789", "order #123456789"),
    ("Order 123-4567890-1234567", "Order 123-4567890-1234567"),
    ("Bestellnummer 1234567890", "Bestellnummer 1234567890"),
    ("ticket 4455667788", "ticket 4455667788"),
    ("1,234,567 orders", "1,234,567 orders"),
    ("1 500 000 users", "1 500 000 users"),
    ("5.000.000 users", "5.000.000 users"),
    ("20 000 000 downloads", "20 000 000 downloads"),
    ("we ordered 1500 units", "we ordered 1500 units"),
    ("server 192.168.100.200", "server 192.168.100.200"),
    ("10:30-11:45", "10:30-11:45"),
    ("rated 4.5/5", "rated 4.5/5"),
    ("score 8.5/10", "score 8.5/10"),
    ("ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0"),
    ("look at this dot com", "look at this dot com"),
    ("meet at home.Then", "meet at home.Then"),
    (None, None),
    ("", ""),
])
def test_mask_pii(text, masked):
    assert mask_pii(text) == masked


def test_mask_is_idempotent():
    once = mask_pii("Call +44 20 7946 0958 or mail a@b.co")
    assert mask_pii(once) == once == "Call [phone] or mail [email]"


def test_author_salt_from_env(monkeypatch):
    monkeypatch.setenv("MY_SALT", "s3cret")
    assert author_salt("MY_SALT") == "s3cret"
    monkeypatch.delenv("MY_SALT")
    assert author_salt("MY_SALT") == ""
