"""Regular expressions that let the engine skip to where a match can start.

Python's ``re`` finds a pattern that opens with a literal or a character set
quickly, jumping from one candidate character to the next; a pattern that
opens with a look-behind or an optional word ("(?<![\\d/,.])(?P<d>\\d{1,2})/...",
"(?:năm\\s+)?2023") is instead tried at every position of the text. The rules
of bilat are mostly of the second kind, written for what they mean. So
``compile_gated`` reads which characters a match can start with, from the
pattern's own parse, and hands them to the engine as the set its search
jumps through (the "info block" the compiler writes for a pattern that opens
with a set; where case is ignored, with their other cases): the matches
are the same, found several times faster. A pattern whose first characters
it cannot tell (a negated set, "any character", a group of its own flags, a
match that may be empty) is compiled as it is.

Its alternations are regrouped by the characters their branches open with
("visit|visited|meet" as "visit(?:|ed)|meet", in effect): the engine tries
a branch after another, and a rule that lists hundreds of phrases otherwise
tries each of them at every word. Neighbouring branches that open with one
alternation matching in a single way ("{nth} session", "{nth} round") share it.

``required_words`` reads, from the same parse, the words every match holds
("tháng" in "(?P<n>\\d{1,2}|nửa)\\s+tháng\\s+đầu"): a rule need not be searched
through a text that holds none of them, which a plain ``in`` tells at once.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import _sre  # type: ignore[import-not-found]

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
"""Classes a first character may belong to, as written in a character set."""

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_CASELESS = sre.SRE_FLAG_IGNORECASE
"""``re.IGNORECASE`` as the parser writes it, a plain number (the flag enum's ``&`` is slow)."""
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ONE_CHARACTER = (sre.LITERAL, sre.IN)

Member = tuple[Any, Any]
"""A member of a character set as the parser writes it: (LITERAL, code), (RANGE, (low, high)) or (CATEGORY, class)."""


class _Unknown(Exception):
    """The pattern may start with a character no set can name here."""


def compile_gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, told the characters a match can start with; its alternations regrouped.

    The parse and the compiler are CPython's own (``re._parser``, ``re._compiler``), internals whose
    shape may change between versions: anything that does not look as expected compiles the pattern
    behind a look-ahead, or as it is. The pattern's ``pattern`` is the look-ahead's: an equivalent one.
    """
    flags = int(flags)  # as ``re.compile`` does: the flag enum's operators are slow, and the compiler asks at every group
    try:
        parsed = sre_parse.parse(pattern, flags)
        members, nullable = _first(parsed.data)
        if nullable or not members:
            raise _Unknown
        gated = f"(?=[{''.join(sorted(_written(m) for m in members))}])(?:{pattern})"
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError):
        return re.compile(pattern, flags)
    try:
        return _regrouped_program(gated, parsed, flags, members)
    except (RuntimeError, AttributeError, TypeError, ValueError, IndexError, KeyError, OverflowError, AssertionError):
        return re.compile(gated, flags)  # the engine refused the code (it checks every program), or the internals changed


SHORTEST_REQUIRED = 2
"""Fewer characters than this are in nearly every text: no word ``required_words`` gives is shorter."""


def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of words of which every match of ``pattern`` holds one: of "(?:tháng|Tháng)\\s+(?P<m>\\d+)", {"tháng",
    "Tháng"}; of "(?:April|Apr)", {"Apr"}. Only what the match itself holds (no look-around), nothing where
    a case-insensitive flag is."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return ()
    if parsed.state.flags & _CASELESS:
        return ()
    return tuple(_shortest(words) for words in _required(parsed.data) if min(map(len, words)) >= SHORTEST_REQUIRED)


def _shortest(words: frozenset[str]) -> frozenset[str]:
    """``words`` without those holding another of them: a text that holds "April" holds "Apr"."""
    return frozenset(word for word in words if not any(other != word and other in word for other in words))


def _required(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """The sets of words of which every match of ``items`` holds one: runs of literal characters, inside
    groups and repeats that match at least once, and of an alternation the best set of each branch."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN and not av[1] & _CASELESS:
            found += _required(av[3].data)
        elif op in _REPEATS and av[0] >= 1:
            found += _required(av[2].data)
        elif op is sre.BRANCH:
            best = [max(words, key=lambda w: min(map(len, w)), default=None)
                    for words in map(_required, (branch.data for branch in av[1]))]
            if None not in best:
                found.append(frozenset().union(*best))
    return found


def _regrouped_program(text: str, parsed: Any, flags: int, members: set[Member]) -> re.Pattern[str]:
    """``parsed`` compiled with its alternations regrouped and an info block naming ``members``, the set of
    characters the engine's search jumps through (what the compiler writes for a pattern opening with a set);
    where case is ignored, with every other case of their letters."""
    flags |= parsed.state.flags
    caseless = bool(flags & _CASELESS)
    if caseless and flags & sre.SRE_FLAG_ASCII:
        raise ValueError("ASCII case-folding")
    tree = sre_parse.SubPattern(parsed.state, _regrouped(parsed.data, parsed.state, caseless))
    code = sre_compile._code(tree, flags)
    opening = _with_other_cases(members) if caseless else members
    code = _searching_through(opening, tree, flags) + code[code[1] + 1:]
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(text, flags, code, parsed.state.groups - 1, parsed.state.groupdict, tuple(indexgroup))


_CASED_BELOW = 0x20000
"""Every character that has another case lies below this (the last, in Adlam, at U+1E921): a set of first
characters where case is ignored holds all the characters above it, to stay right in a later Unicode."""


def _with_other_cases(members: set[Member]) -> set[Member]:
    """``members`` and every character a case-insensitive match reads as one of them ("K" and the Kelvin sign
    for "k"), as the compiler reads a letter: by its lower case, and the few letters that share one ("s", "ſ")."""
    out = {member for member in members if member[0] is sre.CATEGORY}  # a class is the same in every case
    if any(op is sre.RANGE for op, _ in members):
        raise ValueError("a range of letters: compiled behind the look-ahead instead")
    for char in (av for op, av in members if op is sre.LITERAL):
        if not _sre.unicode_iscased(char):
            out.add((sre.LITERAL, char))
            continue
        lower = _sre.unicode_tolower(char)
        for each in (lower, *sre_compile._EXTRA_CASES.get(lower, ())):
            out |= {(sre.LITERAL, cased) for cased in (each, *_other_cases().get(each, ()))}
    out.add((sre.RANGE, (_CASED_BELOW, sys.maxunicode)))
    return out


@cache
def _other_cases() -> dict[int, tuple[int, ...]]:
    """Each lower-case character's other cases: the characters the compiler lowers to it (about 1 400; read once)."""
    lowers = list(map(_sre.unicode_tolower, range(_CASED_BELOW)))
    found: dict[int, list[int]] = {}
    for char, lower in enumerate(lowers):
        if lower != char:
            found.setdefault(lower, []).append(char)
    return {lower: tuple(chars) for lower, chars in found.items()}


def _searching_through(members: set[Member], tree: Any, flags: int) -> list[int]:
    """The info block of a program whose matches start with one of ``members``: the set the search jumps through."""
    low, high = tree.getwidth()
    if low == 0:
        raise ValueError("a match may be empty")
    info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, min(low, sre_compile.MAXCODE), min(high, sre_compile.MAXCODE)]
    charset, _ = sre_compile._optimize_charset(sorted(members))
    sre_compile._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info


def _regrouped(data: list[tuple[Any, Any]], state: Any, caseless: bool) -> list[tuple[Any, Any]]:
    """``data`` with each alternation regrouped by the literal characters its branches open with (see
    ``_by_first_literal``), inside groups, repeats and look-aheads too (``caseless``: where case is ignored)."""
    out = []
    for op, av in data:
        if op is sre.BRANCH:
            branches = _by_first_literal([_regrouped(branch.data, state, caseless) for branch in av[1]], state, caseless)
            if not caseless:
                branches = _shared_openings(branches, state)
            av = (av[0], [sre_parse.SubPattern(state, branch) for branch in branches])
        elif op is sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inside = (caseless or bool(add_flags & _CASELESS)) and not del_flags & _CASELESS
            av = (group, add_flags, del_flags, sre_parse.SubPattern(state, _regrouped(sub.data, state, inside)))
        elif op in _REPEATS and av[0] >= 1 and len(av[2].data) == 1 and av[2].data[0][0] in _ONE_CHARACTER:
            low, high, sub = av  # "\d{1,3}" as "\d\d{0,2}": a branch opening with a set is passed over at once
            out.append(sub.data[0])
            av = (low - 1, high if high == sre.MAXREPEAT else high - 1, sub)
        elif op in _REPEATS:
            low, high, sub = av
            av = (low, high, sre_parse.SubPattern(state, _regrouped(sub.data, state, caseless)))
        elif op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == 1:  # a look-ahead (a look-behind stays as written)
            av = (av[0], sre_parse.SubPattern(state, _regrouped(av[1].data, state, caseless)))
        out.append((op, av))
    return out


def _by_first_literal(branches: list[list[tuple[Any, Any]]], state: Any, caseless: bool) -> list[list[tuple[Any, Any]]]:
    """Branches that open with the same literal character as one branch, that character then the
    alternation of their rests: "ab|ac|d" as "a(?:b|c)|d", the rests regrouped in turn.

    The first branch that matches wins, so the order of branches that can start at the same character
    is kept: a branch of any other opening (a set, a group) ends the grouping of the characters it may
    start with (of all, where case is ignored), and a later branch opening with one of them starts a
    group of its own after it. Branches that cannot start at the same character never compete, and
    their order does not matter; where case is ignored, "A" and "a" are one character.
    """
    slots: list[tuple[int, list[list[tuple[Any, Any]]]] | list[tuple[Any, Any]]] = []
    open_groups: dict[int, tuple[int, list[list[tuple[Any, Any]]]]] = {}
    for branch in branches:
        if branch and branch[0][0] is sre.LITERAL:
            char = branch[0][1]
            key = _case_class(char) if caseless else char
            if key not in open_groups:
                open_groups[key] = (char, [])
                slots.append(open_groups[key])
            open_groups[key][1].append(branch[1:])
            continue
        slots.append(branch)
        for key in list(open_groups) if caseless else _may_open(branch, open_groups):
            del open_groups[key]
    out = []
    for slot in slots:
        if isinstance(slot, list):
            out.append(slot)
        elif len(slot[1]) == 1:
            out.append([(sre.LITERAL, slot[0]), *slot[1][0]])
        else:
            rests = [sre_parse.SubPattern(state, rest) for rest in _by_first_literal(slot[1], state, caseless)]
            out.append([(sre.LITERAL, slot[0]), (sre.BRANCH, (None, rests))])
    return out


def _shared_openings(branches: list[list[tuple[Any, Any]]], state: Any) -> list[list[tuple[Any, Any]]]:
    """Neighbouring branches that open with the same alternation, that alternation once then the alternation of
    their rests: "(?:first|2nd) session|(?:first|2nd) round" as "(?:first|2nd) (?:session|round)", in effect.

    Only where the alternation matches in one way at most wherever it starts (see ``_deterministic``):
    otherwise the engine would try the second branch's rest before the first's with another way of it;
    and only where case counts, as ``_apart`` compares characters as written.
    """
    out: list[list[tuple[Any, Any]]] = []
    rests: list[list[tuple[Any, Any]]] = []
    for branch in [*branches, []]:
        if rests and branch and repr(branch[0]) == repr(out[-1][0]):
            rests.append(branch[1:])
            continue
        if len(rests) > 1:
            out[-1] = [out[-1][0], (sre.BRANCH, (None, [sre_parse.SubPattern(state, rest) for rest in rests]))]
        rests = [branch[1:]] if branch and branch[0][0] is sre.BRANCH and _deterministic(branch[:1]) else []
        out.append(branch)
    return out[:-1]


def _deterministic(items: list[tuple[Any, Any]]) -> bool:
    """Whether ``items`` match in one way at most wherever they start: literals, sets and look-arounds (which the
    engine never re-enters); alternations of such whose branches open with characters no other opens with;
    a repeat of one character before something that no such character opens."""
    for position, (op, av) in enumerate(items):
        if op in _ONE_CHARACTER or op in _ZERO_WIDTH:
            continue
        if op is sre.BRANCH:
            branches = [branch.data for branch in av[1] if not _never_matches(branch.data)]
            if not all(map(_deterministic, branches)) or not _apart([_opening(branch) for branch in branches]):
                return False
        elif op in _REPEATS and len(av[2].data) == 1 and av[2].data[0][0] in _ONE_CHARACTER:
            following = items[position + 1:position + 2]
            if op is not sre.POSSESSIVE_REPEAT and not (following and _apart([_opening(av[2].data), _opening(following)])):
                return False
        else:
            return False
    return True


def _never_matches(branch: list[tuple[Any, Any]]) -> bool:
    """A branch opening with "(?!)", which the data writes for a list it leaves empty."""
    return bool(branch) and branch[0][0] is sre.ASSERT_NOT and not branch[0][1][1].data


def _opening(items: list[tuple[Any, Any]]) -> set[Member] | None:
    """The characters a match of ``items`` starts with, or None when it may be empty or they cannot be told."""
    try:
        members, nullable = _first(items)
    except _Unknown:
        return None
    return None if nullable else members


def _apart(openings: list[set[Member] | None]) -> bool:
    """Whether no character opens two of ``openings``: told for literals, and for a literal against a set."""
    literals: set[int] = set()
    sets: list[re.Pattern[str]] = []
    for opening in openings:
        if opening is None:
            return False
        chars = {av for op, av in opening if op is sre.LITERAL}
        if len(chars) < len(opening):
            if sets or any(map(re.compile(f"[{''.join(_written(m) for m in opening)}]").match, map(chr, literals))):
                return False  # two sets, or a set holding an earlier literal
            sets.append(re.compile(f"[{''.join(_written(m) for m in opening)}]"))
        elif literals & chars or any(s.match(chr(c)) for s in sets for c in chars):
            return False
        literals |= chars
    return True


def _case_class(char: int) -> int:
    """What stands for ``char`` where case is ignored, as the compiler reads it: its lower case, or the least
    of the few letters that share one ("s" and "ſ"). Literals of two classes never match one character."""
    if not _sre.unicode_iscased(char):
        return char
    lower = _sre.unicode_tolower(char)
    return min((lower, *sre_compile._EXTRA_CASES.get(lower, ())))


def _may_open(branch: list[tuple[Any, Any]], chars: dict[int, Any]) -> list[int]:
    """Which of ``chars`` a match of ``branch`` may start with (all of them when that cannot be told)."""
    try:
        members, nullable = _first(branch)
    except _Unknown:
        return list(chars)
    if nullable:
        return list(chars)
    if not members:
        return []
    opening = re.compile(f"[{''.join(_written(m) for m in members)}]")
    return [char for char in chars if opening.match(chr(char))]


def _written(member: Member) -> str:
    """A set member as written in a character set."""
    op, av = member
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    return _CATEGORIES[av]


def _first(items: list[tuple[Any, Any]]) -> tuple[set[Member], bool]:
    """The set members a sequence can start with, and whether it can be empty."""
    members: set[Member] = set()
    for op, av in items:
        if op is sre.ASSERT_NOT and not av[1].data:
            return members, False  # "(?!)", a branch the data switched off: nothing past it starts a match
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            members.add((op, av))
            return members, False
        if op is sre.IN:
            members |= _set_members(av)
            return members, False
        if op is sre.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & _CASELESS:
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


def _set_members(items: list[tuple[Any, Any]]) -> set[Member]:
    members = set()
    for op, av in items:
        if op is sre.LITERAL or op is sre.RANGE or (op is sre.CATEGORY and av in _CATEGORIES):
            members.add((op, av))
        else:  # a negated set or class
            raise _Unknown
    return members
