"""What letterlint adds to each spaCy token — normalised form, lemmas, OpenCorpora grammemes, placeholder
flag — kept in plain lists on the Doc and read with the small functions here.

spaCy's ``Token._`` builds a new object on every access (≈2 µs); the rules read these values a hundred
thousand times in a long letter, which made ``._`` access the largest single cost of a warm run. The same values
stay visible as ``token._.lemmas``, ``._.oc``, ``._.oc_any``, ``._.placeholder`` and ``._.norm`` (getters over
these lists), so YAML pattern rules and the spaCy Matcher read them unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

KEY = "letterlint.extras"
_EMPTY: frozenset[str] = frozenset()


class Extras:
    """Per-token annotations of one Doc, indexed by ``Token.i``."""

    __slots__ = ("norm", "placeholder", "lemma_set", "oc", "oc_any")

    def __init__(self, n: int) -> None:
        self.norm: list[str] = [""] * n                # norm(text); "" for a placeholder
        self.placeholder: list[bool] = [False] * n     # a Jinja {{ … }} / {% … %} token
        self.lemma_set: list[frozenset[str]] = [_EMPTY] * n   # every parse's normal form and the form itself
        self.oc: list[frozenset[str]] = [_EMPTY] * n   # grammemes of the most probable parse
        self.oc_any: list[frozenset[str]] = [_EMPTY] * n   # grammemes of every parse


def attach(doc: "Doc") -> Extras:
    """A fresh Extras for ``doc``, stored on it."""
    ex = Extras(len(doc))
    doc.user_data[KEY] = ex
    return ex


def extras(doc: "Doc") -> Extras:
    """The Extras of an analysed Doc."""
    return doc.user_data[KEY]


def form(t: "Token") -> str:
    """The token's normalised spelling (lower case, ё → е); "" for a placeholder."""
    return t.doc.user_data[KEY].norm[t.i]


def lemmas(t: "Token") -> frozenset[str]:
    """Every possible lemma of the token, and its own normalised form (empty for punctuation and spaces)."""
    return t.doc.user_data[KEY].lemma_set[t.i]


def oc(t: "Token") -> frozenset[str]:
    """OpenCorpora grammemes of the token's most probable parse."""
    return t.doc.user_data[KEY].oc[t.i]


def oc_any(t: "Token") -> frozenset[str]:
    """OpenCorpora grammemes of every parse of the token."""
    return t.doc.user_data[KEY].oc_any[t.i]


def placeholder(t: "Token") -> bool:
    """Whether the token is a template placeholder."""
    return t.doc.user_data[KEY].placeholder[t.i]


def is_word(t: "Token") -> bool:
    """Not whitespace, not punctuation, not a placeholder."""
    return not (t.is_space or t.is_punct or t.doc.user_data[KEY].placeholder[t.i])


_UNANALYSED = Extras(1)   # what a token of a Doc letterlint did not analyse shows


def register() -> None:
    """Expose the lists as ``Token._`` attributes (for the Matcher and user pattern rules); ``lemmas`` shows as a
    sorted tuple, as it always has."""
    from spacy.tokens import Token

    def getter(field: str) -> Any:
        def get(t: "Token") -> Any:
            ex = t.doc.user_data.get(KEY)
            return getattr(ex, field)[t.i] if ex is not None else getattr(_UNANALYSED, field)[0]
        return get

    lemma_set = getter("lemma_set")
    Token.set_extension("lemmas", getter=lambda t: tuple(sorted(lemma_set(t))), force=True)
    for name in ("norm", "placeholder", "oc", "oc_any"):
        Token.set_extension(name, getter=getter(name), force=True)
