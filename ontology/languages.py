"""The languages orgkg speaks: every label, title and message exists in each.

>>> LANGUAGES
('vi', 'en')
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"
