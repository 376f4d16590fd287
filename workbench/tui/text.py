"""Article text, notes and titles are data: shown through rich Text, never parsed as markup."""
from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object, style: str = "") -> Text:
    """Literal text for any widget: "[bold]" shows as [bold]; control characters are dropped."""
    return Text(_CONTROL.sub("", "" if value is None else str(value)), style=style, end="")


def value_summary(value: dict | None) -> str:
    if not value:
        return ""
    if value.get("ago"):  # "three years ago": said as the reader reads it, with the year it names
        return f"{value['ago']} ago" + (f" → {value['date']}" if value.get("date") else "")
    parts = []
    if value.get("approx"):
        parts.append("≈")
    if value.get("tally"):  # "voted 15-7": both sides are the figure
        parts.append("–".join(f"{n:g}" for n in value["tally"]))
    elif value.get("low") is not None and value.get("high") is not None:
        # human_number: "between £700m and £800m" read "7e+08–8e+08 GBP" through :g
        parts.append(f"{human_number(value['low'])}–{human_number(value['high'])}")
    elif value.get("number") is not None and value["number"] != value.get("factor"):
        # "twice as many", "doubled" carry their factor as the number too: "2 ×2" read as two figures
        parts.append(human_number(value["number"]))
    elif value.get("rank") is not None:
        parts.append(f"rank {value['rank']}" + (f" ({value['medal']})" if value.get("medal") else ""))
    for key in ("currency", "unit", "date", "time", "season", "share"):  # "2027 spring": "until the spring of 2027"
        if value.get(key):
            parts.append(str(value[key]))
    if value.get("period"):
        parts.append(f"a {value['period']}")  # "42 bn GBP a year"
    if value.get("factor"):
        parts.append(f"×{value['factor']:g}")
    if value.get("superlative"):
        parts.append(value["superlative"] + (f" since {value['since']}" if value.get("since") else "")
                     + (f" {value['within']}" if value.get("within") else ""))
    others = value.get("amounts", [])[1:]  # "£12 billion ($18.2 billion, 17.1 billion euros)": all are checked
    if others:
        parts.append("(" + ", ".join(f"{human_number(a['number'])} {a.get('currency', '')}".strip()
                                     for a in others) + ")")
    if "date" in value and not value["date"] and value.get("relative"):
        # "on Tuesday" in an article without a publication date: say why no date is given
        parts.append(f"{value['relative']} (no publication date to resolve it)")
    return " ".join(parts)


def human_number(n: float) -> str:
    """12000000000 → "12 bn", 1300000 → "1.3 mn", 5000 → "5,000", 0.333 → "0.333".

    "mn", not "m": beside a distance's "15 m" a count of "7.6 m" read as metres."""
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "mn")):
        if abs(n) >= size:
            return f"{n / size:,.3g} {word}"
    return f"{n:,.0f}" if n == int(n) else f"{n:,.3g}"


def progress_bar(done: int, total: int, width: int = 10) -> str:
    if total <= 0:
        return "·" * width + "   0/0"
    filled = round(width * done / total)
    return "█" * filled + "░" * (width - filled) + f" {done:>3}/{total}"
