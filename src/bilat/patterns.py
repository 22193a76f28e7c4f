"""Regular expressions that let the engine skip to where a match can start.

Python's ``re`` finds a pattern that opens with a literal or a character set
quickly, jumping from one candidate character to the next; a pattern that
opens with a look-behind or an optional word ("(?<![\\d/,.])(?P<d>\\d{1,2})/...",
"(?:năm\\s+)?2023") is instead tried at every position of the text. The rules
of bilat are mostly of the second kind, written for what they mean. So
``compile_gated`` reads which characters a match can start with, from the
pattern's own parse, and puts a look-ahead for them in front: the matches are
the same, found two to four times faster (a case-insensitive pattern's
look-ahead is case-insensitive too). A pattern whose first characters it
cannot tell (a negated set, "any character", a group of its own flags, a
match that may be empty) is compiled as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
"""Classes a first character may belong to, as written in a character set."""

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """The pattern may start with a character no set can name here."""


def compile_gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, behind a look-ahead for the characters a match can start with.

    The parse is CPython's own (``re._parser``), an internal whose shape may change between
    versions: anything it does not look as expected in compiles the pattern as it is.
    """
    try:
        members, nullable = _first(sre_parse.parse(pattern, flags).data)
        if nullable or not members:
            raise _Unknown
        return re.compile(f"(?=[{''.join(sorted(members))}])(?:{pattern})", flags)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError):
        return re.compile(pattern, flags)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The set members (escaped characters, ranges, classes) a sequence can start with, and whether it can be empty."""
    members: set[str] = set()
    for op, av in items:
        if op is sre.ASSERT_NOT and not av[1].data:
            return members, False  # "(?!)", a branch the data switched off: nothing past it starts a match
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            members.add(re.escape(chr(av)))
            return members, False
        if op is sre.IN:
            members |= _set_members(av)
            return members, False
        if op is sre.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE:
                raise _Unknown  # the look-ahead would not share the group's case-insensitivity
            found, nullable = _first(sub.data)
        elif op is sre.ATOMIC_GROUP:
            found, nullable = _first(av.data)
        elif op is sre.BRANCH:
            found, nullable = set(), False
            for branch in av[1]:
                branch_found, branch_nullable = _first(branch.data)
                found |= branch_found
                nullable = nullable or branch_nullable
        elif op is sre.GROUPREF_EXISTS:  # "(?(pre)|(?<![\w.,]))": either branch may follow
            _, yes, no = av
            found, nullable = _first(yes.data)
            if no is None:
                nullable = True
            else:
                no_found, no_nullable = _first(no.data)
                found, nullable = found | no_found, nullable or no_nullable
        elif op in _REPEATS:
            low, _, sub = av
            found, nullable = _first(sub.data)
            nullable = nullable or low == 0
        else:  # any character, a negated literal, a back-reference
            raise _Unknown
        members |= found
        if not nullable:
            return members, False
    return members, True


def _set_members(items: list[tuple[Any, Any]]) -> set[str]:
    members = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            members.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            members.add(_CATEGORIES[av])
        else:  # a negated set or class
            raise _Unknown
    return members
