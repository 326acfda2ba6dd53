"""Verified-purchase badges in Danish, Indonesian, Portuguese, German, Spanish, Italian and
Thai wordings the badge list lacked."""
from __future__ import annotations

import pytest

from crawlers.extract.reviews_verified import VERIFIED, may_be_verified


@pytest.mark.parametrize("badge", ["Verificeret køb", "Pembelian terverifikasi", "Compra confirmada",
                                   "Kauf verifiziert", "Cliente verificado", "Clienta verificada",
                                   "Cliente verificato", "ผู้ซื้อที่ยืนยันแล้ว"])
def test_more_verified_badges(badge):
    assert may_be_verified(badge) and VERIFIED.search(badge)
