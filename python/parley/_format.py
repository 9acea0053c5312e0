"""Numbers, tables and charts as the notebook views show them (display.py, _plots.py).

Every number says how sure it is: a probability from a finite sample is written with its 95 %
Wilson interval ("97 % (93–99 %)"), an outcome with its interval where one is known, and a
percentage is never rounded to a bare 0 % or 100 % unless it is exactly that.
"""

from __future__ import annotations

import html
import io
import json
import math
import numbers
from typing import Any, Iterable, Optional, Sequence

#: z of the 95 % Wilson interval, the same as the engine's (wilson_interval in parley/sweep.hpp).
WILSON_Z = 1.959963984540054


def missing(x: Any) -> bool:
    """True for None, NaN and anything that is not a real number."""
    if x is None or isinstance(x, bool) or not isinstance(x, numbers.Real):
        return True
    return math.isnan(float(x))


def num(x: Any, digits: int = 4) -> str:
    """A number in `digits` significant digits; "n/a" for no number."""
    if missing(x):
        return "n/a"
    v = float(x)
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.{digits}g}"
    return "0" if text == "-0" else text.replace("-", "−")


def span(low: Any, high: Any, digits: int = 4) -> str:
    """An interval "low–high" (n/a when either end is missing)."""
    if missing(low) or missing(high):
        return "n/a"
    if float(low) == float(high):
        return f"{num(low, digits)} (a single point)"
    return f"{num(low, digits)}–{num(high, digits)}"


def percent(p: float) -> str:
    """`p` (a share, 0..1) in percent, with as many decimals as it takes not to round a share
    that is not exactly 0 or 1 to "0" or "100" (at most three)."""
    v = 100.0 * float(p)
    if abs(v) < 1e-9 or abs(v - 100.0) < 1e-9:  # rounding noise of an interval's end
        v = round(v)
    for decimals in range(4):
        text = f"{v:.{decimals}f}"
        if (float(text) not in (0.0, 100.0)) or v in (0.0, 100.0):
            return text
    return f"{v:.3g}"


def wilson(count: int, total: int, z: float = WILSON_Z) -> tuple:
    """(estimate, low, high): `count` of `total` with its Wilson score interval."""
    if total <= 0:
        return (math.nan, 0.0, 1.0)
    p = count / total
    d = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / d
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / d
    return (p, max(0.0, centre - half), min(1.0, centre + half))


def probability(p: Any, low: Any = None, high: Any = None, count: Any = None, total: Any = None) -> str:
    """A probability with its 95 % interval, e.g. "97 % (93–99 %)". Without `low`/`high` the
    Wilson interval of count/total is used; with neither, the probability is marked as having no
    interval rather than shown bare."""
    if (missing(low) or missing(high)) and not missing(count) and not missing(total):
        p, low, high = wilson(int(count), int(total))
    if missing(p):
        return "n/a"
    if missing(low) or missing(high):
        return f"{percent(p)} % (no interval)"
    return f"{percent(p)} % ({percent(low)}–{percent(high)} %)"


def plus_minus(x: Any, error: Any) -> str:
    """An estimate with its 95 % half-width, "0.42 ± 0.05"."""
    if missing(x):
        return "n/a"
    if missing(error):
        return num(x, 3)
    return f"{num(x, 3)} ± {num(error, 2)}"


def value_text(v: Any) -> str:
    """A value of a scenario dict as it reads: a number, a range "a–b", a distribution's text,
    or the value of a {value, source} entry."""
    if isinstance(v, dict):
        return value_text(v.get("value"))
    if isinstance(v, (list, tuple)) and len(v) == 2:
        return span(v[0], v[1])
    if isinstance(v, str):
        return v
    return num(v)


# --- tables ---------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: Optional[str] = None, limit: int = 40) -> str:
    """An HTML table of text cells (every cell escaped); rows past `limit` are counted, not shown."""
    rows = list(rows)
    out = ['<table class="parley-table">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in headers) + "</tr></thead><tbody>")
    for row in rows[:limit]:
        out.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>")
    if len(rows) > limit:
        out.append(f'<tr><td colspan="{len(headers)}">… {len(rows) - limit} more rows (to_frame() has them all)</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def frame_table(obj: Any, caption: Optional[str] = None, limit: int = 40) -> str:
    """`obj.to_frame()` as an escaped HTML table; an escaped repr when there is no frame."""
    try:
        frame = obj.to_frame()
        head = f"<p><strong>{html.escape(caption)}</strong></p>" if caption else ""
        return head + frame.to_html(escape=True, index=False, max_rows=limit, na_rep="n/a")
    except Exception:  # a notebook view must never raise
        return f"<pre>{html.escape(repr(obj))}</pre>"


def view(title: str, body: str, chart: str = "", note: str = "") -> str:
    """A titled block: the table and, beside it, the chart (inline SVG)."""
    parts = [f'<div class="parley-view"><p><strong>{html.escape(title)}</strong></p>']
    parts.append('<div style="display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start">')
    parts.append(f"<div>{body}</div>")
    if chart:
        parts.append(f'<div class="parley-chart">{chart}</div>')
    parts.append("</div>")
    if note:
        parts.append(f'<p style="font-size:smaller">{html.escape(note)}</p>')
    parts.append("</div>")
    return "".join(parts)


def json_of(obj: Any) -> Optional[dict]:
    """`obj.json` as a dict (an attribute, a method or JSON text), None when it has none."""
    try:
        j = getattr(obj, "json", None)
        if callable(j):
            j = j()
        if isinstance(j, (str, bytes)):
            j = json.loads(j)
        return j if isinstance(j, dict) else None
    except Exception:  # a notebook view must never raise
        return None


# --- charts ---------------------------------------------------------------------------------------


def new_figure(rows: int, width: float = 5.0, row_height: float = 0.32, extra: float = 0.9) -> Any:
    """A matplotlib Figure not registered with pyplot (so that a notebook shows it only where the
    view puts it) and its Axes, sized for `rows` rows."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, extra + row_height * max(1, rows)))
    return fig, fig.subplots()


def svg(fig: Any) -> str:
    """The figure as inline SVG (text kept as text; no external resources)."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.find("<svg"):]


def short(text: Any, width: int = 28) -> str:
    """A label cut to `width` characters."""
    s = str(text)
    return s if len(s) <= width else s[: width - 1] + "…"


def scales_of(scenario: Any) -> dict:
    """Issue id -> (label, min, max) from a parley.Scenario, {} when it cannot say."""
    try:
        d = scenario.to_dict()
        out = {}
        for i in d.get("issues", []):
            s = i.get("scale") or {}
            out[i["id"]] = (i.get("label") or i["id"], float(s.get("min", 0.0)), float(s.get("max", 100.0)))
        return out
    except Exception:  # no writer, or not a Scenario: the charts use the data's own range
        return {}
