"""What a reader can work out from a report: for a masked value, whether another value also fits everything
published, found by brute force over every assignment (the oracle the masking tests check against)."""

from __future__ import annotations

from collections.abc import Mapping

from valdsprogram.report.masking import Masking


def another_value_fits(values: Mapping[str, int], masking: Masking, target: str, threshold: int) -> bool:
    """Whether a reader who sees what is published can find an assignment where `target` differs."""
    published = sorted(masking.sums, key=sorted)
    unknown = sorted(n for n in masking.hidden if any(n in s for s in published))
    if target not in unknown:
        return True  # in no published sum: anything goes
    equations = []
    for s in published:
        known = sum(values[n] for n in s if n not in masking.hidden)
        equations.append(([n for n in s if n in masking.hidden], sum(values[n] for n in s) - known))
    bound = {n: min(total for names, total in equations if n in names) for n in unknown}
    order = [target, *(n for n in unknown if n != target)]

    def search(i: int, chosen: dict[str, int]) -> bool:
        for names, total in equations:
            part = [chosen[n] for n in names if n in chosen]
            if sum(part) > total or (len(part) == len(names) and sum(part) != total):
                return False
        if i == len(order):
            return True
        name = order[i]
        for v in range(bound[name] + 1):
            if name == target and v == values[target]:
                continue
            chosen[name] = v
            if search(i + 1, chosen):
                return True
            del chosen[name]
        return False

    return search(0, {})
