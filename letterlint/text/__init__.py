"""The Russian text layer: tokens, sentences, lemmas and tags over a SourceText, built lazily once per process.

Importing this package loads no model: spaCy, pymorphy3 and natasha are imported on first use, and only the
analyses a rule declares in ``needs`` are built.
"""

from letterlint.text.normalize import norm, plural_ru
from letterlint.text.phrases import Phrase, PhraseMatch, PhraseSet, PhraseSyntaxError, compile_phrase, longest_first
from letterlint.text.pipeline import KNOWN_NEEDS, PLACEHOLDER_RE, AnalysedText, analyse, text_needs

__all__ = ["norm", "plural_ru", "Phrase", "PhraseMatch", "PhraseSet", "PhraseSyntaxError", "compile_phrase",
           "longest_first", "KNOWN_NEEDS", "PLACEHOLDER_RE", "AnalysedText", "analyse", "text_needs"]
