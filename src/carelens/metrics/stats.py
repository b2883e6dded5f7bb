"""Confidence intervals, rounding and small-number suppression (measures.md §4).

Plain Python on purpose: a handful of formulas that every export, page and
command must apply identically. Rounding is half-up on exact decimals, never on
binary floats, so 6.25 rounds to 6.3 as a council's spreadsheet would.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

Z95 = 1.959964
SUPPRESSED = "[c]"


def round_half_up(value: Decimal | float | int, places: int = 1) -> float:
    """`value` rounded half away from zero to `places` decimals."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    step = Decimal(1).scaleb(-places)
    return float(exact.quantize(step, rounding=ROUND_HALF_UP))


def percent(numerator: int, denominator: int) -> float | None:
    if not denominator:
        return None
    return round_half_up(Decimal(100 * numerator) / Decimal(denominator), 1)


def wilson(numerator: int, denominator: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion, in percent, 1 dp; None when d = 0."""
    if not denominator:
        return None
    n, p = denominator, numerator / denominator
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return round_half_up(100 * low, 1), round_half_up(100 * high, 1)


def _gamma_q(a: float, x: float) -> float:
    """Regularised upper incomplete gamma Q(a, x), by series or continued fraction.

    P(X <= k) for X ~ Poisson(mu) is Q(k + 1, mu); this costs about a hundred steps
    whatever k is, where summing the Poisson terms would cost k.
    """
    if x <= 0:
        return 1.0
    log_prefix = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:  # series for P(a, x), then Q = 1 - P
        term = total = 1.0 / a
        n = a
        for _ in range(10_000):
            n += 1
            term *= x / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_prefix))
    # Lentz's continued fraction for Q(a, x)
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return min(1.0, math.exp(log_prefix) * h)


def _poisson_cdf(k: int, mu: float) -> float:
    """P(X <= k) for X ~ Poisson(mu)."""
    if k < 0:
        return 0.0
    if mu == 0:
        return 1.0
    return _gamma_q(k + 1, mu)


def _solve(target: float, k: int) -> float:
    """The mu at which P(X <= k) equals `target` (the CDF falls as mu grows)."""
    low, high = 0.0, max(10.0, 2.0 * k + 20 * math.sqrt(k + 1))
    for _ in range(200):
        mid = (low + high) / 2
        if _poisson_cdf(k, mid) > target:
            low = mid
        else:
            high = mid
        if high - low < 1e-10 * max(1.0, high):
            break
    return (low + high) / 2


def poisson_count_interval(count: int, alpha: float = 0.05) -> tuple[float, float]:
    """Exact (Garwood) interval for a count: chi2(a/2; 2x)/2 to chi2(1-a/2; 2x+2)/2."""
    lower = 0.0 if count == 0 else _solve(1 - alpha / 2, count - 1)
    upper = _solve(alpha / 2, count)
    return lower, upper


def rate_interval(count: int, population: int, per: int = 100_000) -> tuple[float, float]:
    lower, upper = poisson_count_interval(count)
    return (
        round_half_up(Decimal(repr(lower)) * per / population, 1),
        round_half_up(Decimal(repr(upper)) * per / population, 1),
    )


def rate(count: int, population: int, per: int = 100_000) -> float:
    return round_half_up(Decimal(count * per) / Decimal(population), 1)


def suppress(row: dict) -> dict:
    """A copy of a result row fit to leave carelens: counts of 1 to 4 become [c].

    The numerator decides for counts, days, hours and money; for percentages and
    rates either the numerator or the denominator does (measures.md §4).
    """
    small = [row.get("numerator")]
    if row.get("unit") in ("percent", "per_100k"):
        small.append(row.get("denominator"))
    if not any(isinstance(n, int) and 1 <= n <= 4 for n in small):
        return dict(row)
    hidden = dict(row)
    for key in ("numerator", "denominator", "value", "ci_low", "ci_high"):
        if key in hidden:
            hidden[key] = SUPPRESSED
    return hidden
