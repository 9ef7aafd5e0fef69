"""IRI slugs and accent-free names, derived with the project's own folding."""

from __future__ import annotations

import re

from ontology.folding import fold

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """An ASCII IRI slug: the folded form with runs of other characters as one hyphen.

    >>> slugify("Ủy ban nhân dân tỉnh Đắk Lắk")
    'uy-ban-nhan-dan-tinh-dak-lak'
    """
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


def strip_marks(text: str) -> str:
    """A name without diacritics but with its capitals (a person's English label).

    >>> strip_marks("Đặng Mạnh Hùng")
    'Dang Manh Hung'
    """
    return " ".join(fold(word)[:1].upper() + fold(word)[1:] for word in text.split())
