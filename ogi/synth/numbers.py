"""Section 三 and 四 numbers: consistent draws, inconsistent perturbations and their rule breaks."""

from __future__ import annotations

import random

from ogi.extract.vocabulary import APPLICANT_TYPES, PROCEEDINGS
from ogi.synth.rules import APPLICATION_KEYS, OUTCOME_KEYS

_OUTCOME_WEIGHTS = {
    "granted": 40, "partially_granted": 8, "denied_state_secret": 0.5, "denied_prohibited_by_law": 0.5,
    "denied_security_stability": 0.5, "denied_third_party_rights": 1.5, "denied_internal_affairs": 1.5,
    "denied_process_information": 2, "denied_enforcement_case_file": 0.7, "denied_administrative_query": 1,
    "unable_not_held": 20, "unable_needs_creation": 3, "unable_unclear_after_correction": 2,
    "not_processed_complaint": 6, "not_processed_repeated": 4, "not_processed_publication": 1,
    "not_processed_excessive": 1, "not_processed_confirmation": 1, "other": 4, "other_no_correction": 3,
    "other_fee_unpaid": 0.5, "other_misc": 2,
}
_WEIGHTS = {t: [_OUTCOME_WEIGHTS[k] for k in keys] for t, keys in OUTCOME_KEYS.items()}


def applications(rng: random.Random, template: str) -> dict[str, list[int | None]]:
    """Section 三 as row key → 7 values, consistent (C1–C3 hold)."""
    keys = APPLICATION_KEYS[template]
    outcomes = OUTCOME_KEYS[template]
    weights = _WEIGHTS[template]
    matrix: dict[str, list[int | None]] = {k: [0] * 7 for k in keys}
    roll = rng.random()
    activity = 0 if roll < 0.5 else (1 if roll < 0.9 else 2)
    if activity:
        for c in range(6):
            if c == 0:
                new = rng.randint(0, 12) if activity == 1 else rng.randint(5, 400)
            elif activity == 1:
                new = rng.randint(1, 3) if rng.random() < 0.12 else 0
            else:
                new = rng.randint(0, 40) if rng.random() < 0.5 else 0
            over = rng.randint(0, 3) if rng.random() < 0.15 else 0
            base = new + over
            forward = rng.randint(0, min(3, base)) if base and rng.random() < 0.2 else 0
            total = base - forward
            matrix["new_received"][c], matrix["carried_over"][c] = new, over
            matrix["carried_forward"][c], matrix["total"][c] = forward, total
            if total:
                parts = min(total, rng.choice((1, 1, 2, 2, 3, 4)))
                cats = rng.choices(outcomes, weights, k=parts)
                cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
                for cat, low, high in zip(cats, [0, *cuts], [*cuts, total], strict=True):
                    matrix[cat][c] += high - low  # type: ignore[operator]
    for values in matrix.values():
        values[6] = sum(values[:6])  # type: ignore[arg-type]
    return matrix


def litigation(rng: random.Random) -> dict[str, list[int | None]]:
    rows: dict[str, list[int | None]] = {}
    busy = rng.random() < 0.15
    for proceeding in PROCEEDINGS:
        values = [0, 0, 0, 0]
        if busy and rng.random() < 0.6:
            for i in range(4):
                if rng.random() < 0.4:
                    values[i] = rng.randint(1, 4)
        rows[proceeding] = [*values, sum(values)]
    return rows


def perturb(rng: random.Random, apps: dict[str, list[int | None]], lit: dict[str, list[int | None]],
             template: str) -> None:
    """Change one or two printed numbers (inconsistent reports)."""
    for _ in range(rng.choice((1, 1, 2))):
        roll = rng.random()
        if roll < 0.2 and (apps["total"][0] or 0) > 0:  # seed 004: the total row's count in the wrong column
            value = apps["total"][0]
            apps["total"][0] = 0
            apps["total"][1] = (apps["total"][1] or 0) + value  # type: ignore[operator]
        elif roll < 0.8:
            row = rng.choice(APPLICATION_KEYS[template])
            col = rng.randrange(7)
            current = apps[row][col] or 0
            apps[row][col] = current - 1 if current and rng.random() < 0.4 else current + rng.randint(1, 5)
        else:
            proceeding = rng.choice(PROCEEDINGS)
            index = rng.randrange(5)
            lit[proceeding][index] = (lit[proceeding][index] or 0) + rng.randint(1, 3)


def matrix_broken_rules(apps: dict[str, list[int | None]], lit: dict[str, list[int | None]], template: str) -> set[tuple[str, str]]:
    """C1–C4 on the printed numbers (NULL = 0): the matrix form of ``ogi.synth.rules.broken_rules``."""
    broken: set[tuple[str, str]] = set()
    z = {k: ([v or 0 for v in vs] if None in vs else vs) for k, vs in apps.items()}
    outcome_sums = [sum(column) for column in zip(*(z[k] for k in OUTCOME_KEYS[template]), strict=True)]
    new, over, total, forward = z["new_received"], z["carried_over"], z["total"], z["carried_forward"]
    if new != total or over != [0] * 7 or forward != [0] * 7:
        for col, name in enumerate(APPLICANT_TYPES):
            if new[col] + over[col] != total[col] + forward[col]:
                broken.add(("C1", name))
    if outcome_sums != total:
        for col, name in enumerate(APPLICANT_TYPES):
            if total[col] != outcome_sums[col]:
                broken.add(("C2", name))
    for key, values in z.items():
        if values[6] != sum(values[:6]):
            broken.add(("C3", key))  # type: ignore[arg-type]
    for proceeding, values in lit.items():
        v = [x or 0 for x in values]
        if v[4] != v[0] + v[1] + v[2] + v[3]:
            broken.add(("C4", proceeding))
    return broken
