"""Cells of an export as teamgraph reads them: names compared the way exports write them, numbers
with a decimal comma or a percent sign, dates in the export's own format."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Optional

from .tables import cell_text


# -- names -----------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def name_key(text: str) -> str:
    """A name as exports are compared: case, repeated spaces, punctuation and single-letter middle
    initials ignored; "Last, First M" the same as "First M. Last"; spaces inside a Chinese name
    ignored."""
    t = unicodedata.normalize("NFKC", text).casefold().strip()
    if t.count(",") == 1:
        last, first = t.split(",")
        t = f"{first} {last}"
    tokens = re.sub(r"[\W_]+", " ", t).split()
    if len(tokens) > 2:
        tokens = [tokens[0]] + [w for w in tokens[1:-1] if len(w) > 1] + [tokens[-1]]
    return ("" if _CJK.search("".join(tokens)) else " ").join(tokens)


# -- values ----------------------------------------------------------------------------------

def number_text(raw: str, decimal: str = ".", percent: bool = False) -> str:
    """A number as the export writes it, as teamgraph reads numbers: a decimal comma ("1.234,5",
    with decimal=",") and a percent sign ("15%" is 15, with percent) where the mapping says so.
    Text that is still not a number is given back as it was, for the core to report."""
    s = raw.strip()
    if not s:
        return ""
    if percent and s.endswith("%"):
        s = s[:-1].strip()
    if decimal == ",":
        s = re.sub(r"[.\s\u00a0\u202f']", "", s).replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        return raw
    return cell_text(value)


def date_text(raw: str, fmt: str) -> Optional[str]:
    """A date in the export's format as ISO text; None when it does not fit the format."""
    try:
        value = _dt.datetime.strptime(raw.strip(), fmt)
    except ValueError:
        return None
    return cell_text(value)
