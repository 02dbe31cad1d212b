"""What "grade stability" means, by simulation (run by hand: ``python benchmarks/grade_stability.py``).

Populations whose true IKM lies at a chosen distance above the A bound (88.31); from each, many
samples of n respondents. For every sample ``skm stats``'s bootstrap gives the share of resamples
in the computed grade (the stability printed). The table compares the mean stability printed
with the share of samples whose computed grade is the population's true grade. Near a bound the
two differ: stability is not the probability that the grade is right (docs/stats.md, §4).
"""

from __future__ import annotations

import numpy as np

from skm.analysis.stats.numeric import bootstrap_index, rounded_grade_units

BOUND_UNITS = 8831  # A ≥ 88.31, in hundredths


def population(target: float, rng: np.random.Generator, size: int = 100_000) -> np.ndarray:
    """Answers 3 or 4 on nine elements whose mean IKM is ``target`` (a share of 4s, correlated)."""
    share = (target / 25 - 3) / 1  # mean answer = 3 + share of 4s
    mood = rng.random(size) < share
    flip = rng.random((size, 9)) < 0.15
    return np.where(mood[:, None] ^ flip, 4.0, 3.0)


def main() -> None:
    rng = np.random.default_rng(1)
    columns = [[j] for j in range(9)]
    print("n    true IKM  mean stability  share right")
    for n in (26, 100):
        for above in (0.1, 0.5, 1.5, 3.0):
            pop = population(88.31 + above, rng)
            truth_units = int(rounded_grade_units(np.array([25 * pop.mean()]), 2)[0])
            true_a = truth_units >= BOUND_UNITS
            stability, right = [], 0
            for r in range(300):
                sample = pop[rng.integers(0, len(pop), size=n)]
                ikm_units = int(rounded_grade_units(np.array([25 * sample.mean()]), 2)[0])
                computed_a = ikm_units >= BOUND_UNITS
                draws = bootstrap_index(sample, columns, [1 / 9] * 9, 25, resamples=400, seed=r, scale=(1, 4))
                units = rounded_grade_units(draws.ikm, 2)
                stability.append(float(((units >= BOUND_UNITS) == computed_a).mean()))
                right += computed_a == true_a
            print(f"{n:<4} {truth_units / 100:8.2f}  {np.mean(stability):14.2f}  {right / 300:11.2f}")


if __name__ == "__main__":
    main()
