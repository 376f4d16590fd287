"""Figure check: compare a claim's figure with the one its source gives, like with like.

Units and scales are converted (miles to km, days to months, million to billion), percent
and percentage points are kept apart, approximation words and the claim's own rounding
are honoured, and ranges are compared as ranges. The answer is a hint; the reviewer decides.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any

from ..extract import extract
from ..extract.numbers import SCALES
from ..extract.quantities import CURRENCY_SYMBOLS, CURRENCY_WORDS, UNITS

# unit → (dimension, size in the dimension's base unit)
_SIZES: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "mile": ("length", 1609.344), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "ft": ("length", 0.3048), "inch": ("length", 0.0254), "yard": ("length", 0.9144),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "mg": ("mass", 1e-6), "µg": ("mass", 1e-9), "tonne": ("mass", 1000.0),
    "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523125),
    "litre": ("volume", 1.0), "ml": ("volume", 0.001), "gallon": ("volume", 3.785411784), "pint": ("volume", 0.473176),
    "barrel": ("volume", 158.987),
    "sq km": ("area", 1e6), "sq m": ("area", 1.0), "acre": ("area", 4046.8564224), "hectare": ("area", 1e4),
    "mph": ("speed", 1.609344), "km/h": ("speed", 1.0), "knot": ("speed", 1.852),
    "kW": ("power", 1.0), "MW": ("power", 1e3), "GW": ("power", 1e6),
    "kWh": ("energy", 1.0), "TWh": ("energy", 1e9),
    "MB": ("data", 1.0), "GB": ("data", 1e3), "TB": ("data", 1e6),
    "second": ("time", 1 / 86400), "minute": ("time", 1 / 1440), "hour": ("time", 1 / 24), "day": ("time", 1.0),
    "week": ("time", 7.0), "month": ("time", 30.436875), "year": ("time", 365.25), "decade": ("time", 3652.5),
    "century": ("time", 36525.0),
    "percent": ("percent", 1.0), "percentage point": ("percentage point", 1.0),
    "basis point": ("percentage point", 0.01),  # 25 basis points are 0.25 percentage points
    "°C": ("temperature", 1.0), "°F": ("temperature", 1.0), "degree": ("angle", 1.0),
}
# subunits of a currency: pence are hundredths of a pound
_SUBUNITS = {"GBX": ("GBP", 0.01), "USc": ("USD", 0.01)}
_PERCENT_WORDS = {"%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
                  "pp": "percentage point", "pt": "percentage point", "pts": "percentage point",
                  "point": "percentage point", "points": "percentage point",
                  "percentage point": "percentage point", "percentage points": "percentage point",
                  "bp": "basis point", "bps": "basis point", "basis point": "basis point", "basis points": "basis point"}
_BOUND_ABOVE = {"more than", "over", "at least", "upwards of", "well over", "just over"}  # source ≥ claim
_BOUND_BELOW = {"less than", "fewer than", "under", "up to", "at most", "as many as", "as much as"}  # source ≤ claim
_NEAR_BELOW = {"nearly", "almost", "close to", "just under"}  # a little under the claim
APPROX_TOLERANCE = 0.10  # "about 130": within 10% reads as a rounded figure
_VAGUE_SPAN = 10  # "hundreds" is at least two hundred and under a thousand
_FIGURE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class FigureCheck:
    """A claim's figure beside the source's, in the claim's own unit."""

    hint: str  # matches | rounded | overstated by X% | understated by X% | different measure
    claim_number: float | None
    claim_unit: str | None
    source_number: float | None  # converted to the claim's unit and scale
    source_given: str  # the source figure as the reviewer gave it
    absolute_difference: float | None  # claim minus source, in the claim's unit
    relative_difference: float | None  # percent of the source figure, signed
    explanation: str

    @property
    def stance(self) -> str:
        """The stance a source link takes by default; the reviewer may change it."""
        if self.hint in ("matches", "rounded"):
            return "supports"
        return "refutes" if self.hint.startswith(("overstated", "understated")) else "context"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_figure(text: str) -> dict[str, Any] | None:
    """Read a figure a reviewer typed ("12bn", "£12.4 billion", "55 days", "3.2%") as an extracted value."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return {"number": float(cleaned.replace(",", ""))}
    except ValueError:
        pass
    figures = [c for c in extract(cleaned + ".").claims if c.value and c.value.get("number") is not None]
    return dict(figures[0].value) if figures else None


def numbers_in(text: str) -> list[dict[str, Any]]:
    """Every figure in a source text a reviewer could pick: text, offsets, kind and value."""
    return [
        {"text": c.text, "start": c.start, "end": c.end, "kind": c.kind, "value": c.value}
        for c in extract(text).claims
        if c.value and c.value.get("number") is not None
    ]


def _unit_of(value: dict[str, Any]) -> tuple[str, str | None, float]:
    """(dimension, unit label, size of one unit) for an extracted value."""
    currency = value.get("currency")
    if currency:
        base, size = _SUBUNITS.get(currency, (currency, 1.0))
        return f"money:{base}", currency, size
    unit = value.get("unit")
    if unit in _SIZES:
        dim, size = _SIZES[unit]
        return (f"temperature:{unit}" if dim == "temperature" else dim), unit, size
    if unit:
        return f"other:{unit}", unit, 1.0
    return "count", None, 1.0


def _parse_unit(unit: str) -> tuple[dict[str, Any], float]:
    """A unit a reviewer typed ("km", "miles", "£bn", "million", "%", "pp") as value fields and a scale."""
    text = unit.strip().lower()
    scale = 1.0
    fields: dict[str, Any] = {}
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if text.startswith(symbol) and not symbol.isalpha():
            fields["currency"], text = CURRENCY_SYMBOLS[symbol], text[len(symbol):].strip()
            break
    words = text.split()
    if words and words[0] in SCALES and words[0] not in ("m",) or text in ("m", "mn", "bn", "k", "tn"):
        scale, text = float(SCALES[words[0]]), " ".join(words[1:])
    if not text:
        return fields, scale
    if text in _PERCENT_WORDS:
        fields["unit"] = _PERCENT_WORDS[text]
    elif text in CURRENCY_WORDS:
        fields["currency"] = CURRENCY_WORDS[text]
    elif text in UNITS:
        fields["unit"] = UNITS[text][1]
    elif text.upper() in {c for c in CURRENCY_SYMBOLS.values()}:
        fields["currency"] = text.upper()
    else:
        fields["unit"] = text
    return fields, scale


def _claim_step(claim_value: dict[str, Any], claim_text: str) -> float:
    """How finely the claim is written, in its unit: '130' → 10, '18.2 billion' → 0.1 billion, 'two' → 1."""
    number = float(claim_value["number"])
    m = _FIGURE.search(claim_text or "")
    if not m:
        return max(abs(number) / max(abs(number), 1), 1.0) if number else 1.0
    written = float(m.group().replace(",", ""))
    scale = number / written if written else 1.0
    if m.group(1):
        return 10 ** -len(m.group(1)) * scale
    digits = m.group().replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return 10 ** zeros * scale


def _percent(diff: float, base: float) -> float | None:
    return diff / base * 100 if base else None


def _fmt(pct: float) -> str:
    pct = abs(pct)
    return f"{pct:.1f}%" if pct < 10 else f"{pct:.0f}%"


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() and abs(x) >= 1 else f"{x:,.4g}"


def check_figure(claim_value: dict[str, Any], claim_text: str, source_value: float | str | dict[str, Any],
                 source_unit: str | None = None, source_currency: str | None = None,
                 source_low: float | None = None, source_high: float | None = None) -> FigureCheck:
    """Compare a claim's extracted value with the figure from its source.

    source_value: a number, a typed figure ("12bn", "55 days") or a value picked with `numbers_in`.
    source_unit: the unit or scale of a bare number ("km", "miles", "bn", "%", "pp"); none means the claim's.
    """
    claim_value = dict(claim_value or {})
    given = str(source_value) if not isinstance(source_value, dict) else str(source_value.get("number"))
    if source_unit:
        given += f" {source_unit}"
    if claim_value.get("number") is None:
        return FigureCheck("different measure", None, None, None, given, None, None,
                           "the claim holds no number to compare (a date or a name is checked by eye)")
    # the source figure as an extracted value
    scale = 1.0
    if isinstance(source_value, dict):
        source = dict(source_value)
    elif isinstance(source_value, str):
        parsed = parse_figure(source_value)
        if parsed is None:
            raise ValueError(f"cannot read a figure in {source_value!r}; give a number such as 129 or 12bn")
        source = parsed
    else:
        source = {"number": float(source_value)}
    if source_unit:
        fields, scale = _parse_unit(source_unit)
        source.update(fields)
    if source_currency:
        source["currency"] = source_currency.upper()
    if source_low is not None and source_high is not None:
        source["low"], source["high"] = source_low, source_high
    claim_dim, claim_unit, claim_size = _unit_of(claim_value)
    if not source_unit and "unit" not in source and "currency" not in source:
        source.update({k: claim_value[k] for k in ("unit", "currency") if k in claim_value})
    source_dim, _source_label, source_size = _unit_of(source)
    claim_number = float(claim_value["number"])
    if claim_dim != source_dim:
        return FigureCheck("different measure", claim_number, claim_unit, None, given, None, None,
                           _mismatch(claim_dim, source_dim))
    factor = scale * source_size / claim_size
    notes = []
    if not source_unit and scale == 1.0 and not isinstance(source_value, dict):
        # a bare "12" against "£12 billion": the reviewer typed the figure in the claim's own scale
        step_scale = _written_scale(claim_value, claim_text)
        raw = float(source["number"])
        if step_scale > 1 and raw and abs(raw * step_scale - claim_number) < abs(raw - claim_number):
            factor = step_scale
            notes.append(f"read {_number(raw)} in the claim's scale (×{_number(step_scale)})")
    src = float(source["number"]) * factor
    src_low = float(source["low"]) * factor if source.get("low") is not None else None
    src_high = float(source["high"]) * factor if source.get("high") is not None else None
    if not all(math.isfinite(x) for x in (src, src_low, src_high, claim_number) if x is not None):
        # 1e999, inf, a 400-digit figure: "equal" and a stored *supports* was the answer, nan a *refutes*,
        # and the JSON export then held Infinity and NaN, which strict parsers refuse
        shown = given if len(given) <= 40 else given[:39] + "…"
        raise ValueError(f"{shown!r} is not a finite figure; give a number such as 129 or 12bn")
    if factor != 1.0 and not notes:
        notes.append(f"source converted to the claim's unit ({_number(float(source['number']))} → {_number(src)})")
    diff = claim_number - src
    rel = _percent(diff, src)
    hint, why = _judge(claim_value, claim_text, claim_number, src, src_low, src_high)
    return FigureCheck(hint, claim_number, claim_unit, src, given, diff, rel, "; ".join([*notes, why]))


def _written_scale(claim_value: dict[str, Any], claim_text: str) -> float:
    m = _FIGURE.search(claim_text or "")
    if not m:
        return 1.0
    written = float(m.group().replace(",", ""))
    return float(claim_value["number"]) / written if written else 1.0


def _mismatch(claim_dim: str, source_dim: str) -> str:
    if {claim_dim, source_dim} == {"percent", "percentage point"}:
        return ("the claim and the source measure differently: a change in percentage points is not a "
                "percent change")
    if claim_dim.startswith("money:") and source_dim.startswith("money:"):
        return f"different currencies ({claim_dim[6:]} and {source_dim[6:]}); no exchange rate is assumed"
    return f"the claim is a {claim_dim.replace('other:', '')} figure, the source a {source_dim.replace('other:', '')}"


def _off(claim: float, source: float) -> str:
    pct = _percent(claim - source, source)
    if pct is None:
        return "overstated" if claim > source else "understated"
    return f"{'overstated' if claim > source else 'understated'} by {_fmt(pct)}"


def _judge(claim_value: dict[str, Any], claim_text: str, claim: float, source: float,
           source_low: float | None, source_high: float | None) -> tuple[str, str]:
    """The hint and the rule that gave it."""
    qualifier = (claim_value.get("qualifier") or "").lower()
    low, high = claim_value.get("low"), claim_value.get("high")
    if claim_value.get("vague"):  # "hundreds": between twice and ten times the unit it counts in
        low, high = 2 * claim, _VAGUE_SPAN * claim
    if abs(claim - source) <= 1e-9 * max(abs(source), 1):
        return "matches", "the figures are equal"
    if low is not None and high is not None:
        low, high = float(low), float(high)
        if low <= source <= high:
            return "matches", f"the source's {_number(source)} lies within the claim's range"
        near = low if source < low else high
        return _off(near, source), f"the source's {_number(source)} lies outside the claim's range"
    if source_low is not None and source_high is not None:
        if source_low <= claim <= source_high:
            return "matches", "the claim lies within the source's range"
        near = source_low if claim < source_low else source_high
        return _off(claim, near), "the claim lies outside the source's range"
    step = _claim_step(claim_value, claim_text)
    within_rounding = abs(claim - source) <= step / 2 + 1e-9 * abs(source)
    if qualifier in _BOUND_ABOVE:
        return ("matches", f"the source's figure is {qualifier} {_number(claim)}") if source >= claim else (
            _off(claim, source), f"the claim says {qualifier} {_number(claim)}; the source is below it")
    if qualifier in _BOUND_BELOW:
        return ("matches", f"the source's figure is within {qualifier} {_number(claim)}") if source <= claim else (
            _off(claim, source), f"the claim says {qualifier} {_number(claim)}; the source is above it")
    if qualifier in _NEAR_BELOW:
        if source > claim * (1 + 1e-9):
            return _off(claim, source), f"'{qualifier}' {_number(claim)} says less than that; the source has more"
        if within_rounding or (source <= claim and (claim - source) <= APPROX_TOLERANCE * claim):
            return "rounded", f"'{qualifier}' {_number(claim)} fits the source's {_number(source)}"
        return _off(claim, source), f"'{qualifier}' {_number(claim)} is too far from the source's {_number(source)}"
    if claim_value.get("approx") or qualifier:
        if within_rounding or abs(claim - source) <= APPROX_TOLERANCE * abs(source):
            return "rounded", f"an approximate {_number(claim)} fits the source's {_number(source)}"
        return _off(claim, source), f"even as an approximation {_number(claim)} is off"
    if within_rounding:
        return "rounded", f"{_number(source)} rounds to the claim's {_number(claim)} at the precision it is written"
    return _off(claim, source), f"the claim gives {_number(claim)}, the source {_number(source)}"
