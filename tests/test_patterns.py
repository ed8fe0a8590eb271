"""Every regular expression the schemas hold runs in linear time: no catastrophic backtracking.

The gate judges a pull request with the base's schemas, never with the ones the change brings,
so these are the only patterns that ever run; this keeps them safe. Two checks: regexploit finds
no ReDoS (a repeat whose body can match what surrounds it, like ``(a+)+`` or ``.*a.*a``), and,
what regexploit does not see, no alternation under an unbounded repeat (``(aa|a)+``).
"""

from __future__ import annotations

import json
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Iterator
from typing import Any

import pytest
from regexploit.ast.sre import SreOpParser
from regexploit.redos import find

from conftest import PROJECT

SCHEMAS = sorted((PROJECT / "schema").glob("*.schema.json"))
UNBOUNDED = 50  # a repeat above this many is as good as unbounded for backtracking


def patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            elif key == "patternProperties" and isinstance(value, dict):
                yield from value
                yield from patterns(value)
            else:
                yield from patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from patterns(item)


ALL = sorted({p for path in SCHEMAS for p in patterns(json.loads(path.read_text("utf-8")))})


def branch_under_repeat(items: Any, repeated: bool = False) -> bool:
    """An alternation anywhere under a repeat of more than ``UNBOUNDED`` times."""
    for op, arg in items:
        under = repeated
        if op == sre_constants.BRANCH:
            children = arg[1]
            if repeated:
                return True
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            children = [arg[2]]
            under = repeated or arg[1] > UNBOUNDED
        elif op == sre_constants.SUBPATTERN:
            children = [arg[-1]]
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            children = [arg[1]]
        else:
            continue
        if any(branch_under_repeat(child, under) for child in children):
            return True
    return False


def test_the_schemas_have_patterns() -> None:
    assert len(ALL) >= 10


@pytest.mark.parametrize("pattern", ALL)
def test_pattern_cannot_backtrack_catastrophically(pattern: str) -> None:
    assert list(find(SreOpParser().parse_sre(pattern))) == [], pattern
    assert not branch_under_repeat(sre_parse.parse(pattern)), pattern


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"^.*a.*a.*a$", r"^(aa|a)+$", r"(ab|a|b)*c"])
def test_the_check_finds_known_catastrophic_patterns(pattern: str) -> None:
    found = list(find(SreOpParser().parse_sre(pattern)))
    assert found or branch_under_repeat(sre_parse.parse(pattern))
