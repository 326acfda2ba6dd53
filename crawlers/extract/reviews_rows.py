"""Table rows a lenient parser nested inside the row before them.

Sites list reviews as table rows and leave each row's cell open ("<tr><td> … <div> … " then the
next "<tr>"). A browser closes the cell and the row at the next "<tr>" (HTML5's "in cell" rules);
libxml2 instead nests the next row inside the open <div>, so every review holds the ones after it
and reads as one block. The stray rows are moved back to follow the row they were nested in.
"""
from __future__ import annotations

_SECTIONS = {"table", "tbody", "thead", "tfoot"}


def lift_stray_rows(root) -> None:
    """Move each <tr> whose parent is no table section to right after the row it sits in."""
    for tr in list(root.iter("tr")):
        parent = tr.getparent()
        if parent is None or parent.tag in _SECTIONS:
            continue
        outer = next((a for a in tr.iterancestors() if a.tag in ("tr", "table")), None)
        if outer is None or outer.tag != "tr" or outer.getparent() is None:
            continue  # (not inside a row of a table: nothing a browser would close)
        tail = tr.tail
        tr.tail = None
        prev = tr.getprevious()  # (keep the text after the row where it was)
        if tail and tail.strip():
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        outer.addnext(tr)
