"""The figure readers added for issue 14 on hostile input: does each stay linear?

Each line repeats one construction (names with figures, percent match-ups, changes, odds, "or so",
tallies, possessives) to 20k, 40k and 80k characters and times `extract`; a ratio near 2.0 per
doubling is linear, near 4.0 quadratic.

    .venv/bin/python benchmarks/figure_pairs_speed.py
"""
from __future__ import annotations

import time

from workbench.extract import extract

CASES = {
    "name series": "Ann Lee 384, Bo Cruz 300, ",
    "percent pairs": "She leads 46 percent to 35 percent, ",
    "changes": "It fell from 212,000 to 198,500 and ",
    "dash percents": "64%-27%-",
    "odds": "the 9/2 second favourite and 33-1 shot ",
    "or so": "100 or so or so ",
    "tallies": "4-2 4 to 4 ",
    "possessive": "Unite's 4,500 and the RMT's ",
}


def main() -> None:
    print(f"{'case':15s} {'20k':>7s} {'40k':>7s} {'80k':>7s}  ratios")
    for name, unit in CASES.items():
        times = []
        for size in (20_000, 40_000, 80_000):
            text = unit * (size // len(unit) + 1)
            start = time.perf_counter()
            extract(text, None)
            times.append(time.perf_counter() - start)
        print(f"{name:15s} " + " ".join(f"{t:6.2f}s" for t in times)
              + f"  {times[1] / times[0]:.2f} {times[2] / times[1]:.2f}")


if __name__ == "__main__":
    main()
