"""``compile_gated``: the same matches as ``re.compile``, searched through their first characters, alternations regrouped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.patterns import compile_gated, required_words

PATTERNS = [
    (r"(?<![\d/,.])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/]|[,.]\d)", 0),  # a look-behind first: "17/11"
    (r"(?:(?:năm|Năm)\s+)?(?<![\d/,.])\b(?P<y>(?:19|20)\d{2})\b", 0),  # an optional word first: "năm 2023"
    (r"(?:(?<!\w)(?P<dir>(?!))\s+)?(?<!\w)(?P<wd>thứ Hai|Thứ Hai|Monday)(?!\w)", 0),  # a branch that never matches
    (r"(?P<pre>US\$|\$)?(?:(?(pre)|(?<![\w.,]))\d+(?:[.,]\d+)*)", 0),  # a conditional on a group
    (r"(?<!\w)(?:joint commission|hội đàm|talks)(?!\w)", re.IGNORECASE),  # case-insensitive: "Joint Commission"
    (r"[A-Z][a-z]+|\d+", 0),  # a top-level alternation
    (r"(?<!\w)(?:visit|visited|vis|[Vv]isits|visitor|meet|met|(?:meet|met)ing)(?!\w)", 0),  # branches sharing letters
    (r"ab|a|[ab]c|abc|b|a(?:|b)d", 0),  # the first branch that matches wins, whatever the others open with
    (r"(?P<one>a)b|a(?P<two>c)|(a)(b)?d", 0),  # groups inside regrouped branches keep their numbers
    (r"\d{1,3}(?:st|nd)|\d+?d|[a-c]{2,}+b|x{1}", 0),  # repeats of one character, greedy, lazy and possessive
    (r"(?<!\w)(?:Ab|aC|a|[Bb]d|ab|ſt|St|k|(?-i:K)m)", re.IGNORECASE),
    (r"(?:\d{1,2}(?:st|nd)|ab|a|(?!))c|(?:\d{1,2}(?:st|nd)|ab|a|(?!))bd|(?:x|y\d+)z|(?:x|y\d+)1", 0),  # openings shared
    (r"(?:\d{1,2}(?:st|nd)|first)c|(?:\d{1,2}(?:st|nd)|first)d|(?:\d{1,2}(?:st|nd)|first)", 0),  # one way each
    (r"(?:six|sixth) ?th|(?:six|sixth) ?h|(?:\d+|1a)5|(?:\d+|1a)a|(?:\d+)2", 0),  # openings matching in two ways
    (r"(?<!\w)(?=(?:ab|ac|b)(?!\w))(?:(?P<x>ab)|(?P<y>a\w+)|b)(?!(?:c|ad|ae))", re.IGNORECASE),  # look-aheads  # "A" and "a", "s" and "ſ", "k" and the Kelvin sign are one
]
TEXT = st.text(alphabet="0123456789/.,- ahnmăNTtJjUS$Đứ\nthứHaiMondyoiscđềglkrbvVAſKKxyzth12", max_size=60)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_whose_first_characters_are_known_is_gated(pattern: str, flags: int) -> None:
    assert compile_gated(pattern, flags).pattern.startswith("(?=[")


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
@given(text=TEXT)
def test_gated_patterns_find_what_the_pattern_finds(pattern: str, flags: int, text: str) -> None:
    gated, plain = compile_gated(pattern, flags), re.compile(pattern, flags)
    assert [(m.span(), m.groups(), m.lastindex) for m in gated.finditer(text)] == [
        (m.span(), m.groups(), m.lastindex) for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", [
    r".+ visit",  # any character
    r"[^\W\d]+ đến",  # a negated set
    r"(?:thăm)?",  # a match that may be empty
    r"(?i:joint) commission",  # a group with flags of its own
])
def test_a_pattern_of_unknown_first_characters_is_compiled_as_it_is(pattern: str) -> None:
    assert compile_gated(pattern).pattern == pattern


def test_an_opening_matching_in_two_ways_is_not_shared() -> None:
    pattern = r"(?:\d+|x)5|(?:\d+|x)a"  # "125a": "12" then "5" before "125" then "a"
    assert [m.group() for m in compile_gated(pattern).finditer("125a")] == ["125"]


def test_the_words_every_match_holds_are_read_from_the_pattern() -> None:
    assert required_words(r"\b(?P<n>\d{1,2}|nửa)\s+(?:tháng|Tháng)\s+đầu(?!\w)") == (
        frozenset({"tháng", "Tháng"}), frozenset({"đầu"}))
    assert required_words(r"(?:x|yz)\d+|(?i:Monday)") == ()  # a one-letter branch; a case-insensitive one
    assert required_words(r"(?:April|Apr\.?|May)\s+\d") == (frozenset({"Apr", "May"}),)  # "April" holds "Apr"


@pytest.mark.parametrize("pattern", [
    r"(?:(?:năm|Năm)\s+)?(?<![\d/,.])\b(?P<y>(?:19|20)\d{2})\b",
    r"(?<!\w)(?:cách đây|từ)\s+(?P<n>\d{1,3})\s+năm(?: qua)?(?!\w)",
    r"(?:ab|cd)+e(?:fg){0,2}hi|(?:jk)?lm",
])
@given(text=st.text(alphabet="abcdefghijklm 0123456789năm cáchđâytừ qua", max_size=40))
def test_every_match_holds_one_of_each_of_the_required_words(pattern: str, text: str) -> None:
    for match in re.finditer(pattern, text):
        assert all(any(word in match.group() for word in words) for words in required_words(pattern))
