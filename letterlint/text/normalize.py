"""String normalisation shared by every matcher: lower case, «ё» = «е».

Russian writers drop the dots over «ё» at will, so a rule written with «ещё» must match «еще» and back.
"""

from __future__ import annotations

_YO = str.maketrans({"ё": "е", "Ё": "Е"})


def norm(s: str) -> str:
    """Lower-case and fold «ё» into «е»."""
    return s.lower().translate(_YO)


def fold_yo(s: str) -> str:
    """Fold «ё» into «е» keeping the case."""
    return s.translate(_YO)


def plural_ru(n: int, forms: tuple[str, str, str]) -> str:
    """Pick the Russian plural form for ``n``: («ошибка», «ошибки», «ошибок»)."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]
