"""Type aliases shared across bilat."""

Offsets = tuple[int, int]
"""``(start, end)`` Python string indices into ``Document.text``."""

CountryCode = str
"""ISO 3166-1 alpha-2 code, e.g. ``"VN"``."""

IsoDate = str
"""ISO 8601 date at the stated precision (``"2023"``, ``"2023-11-17"``) or an
interval ``"start/end"``; see FACTS.md."""
