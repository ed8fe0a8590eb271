"""jsonschema, the reference validator: the last word on a document the compiled test does not
confirm, and the source of every schema problem's wording (decision 41).

A module of its own so that importing it is what costs: `sangtao check` on valid files never
does (decision 80).
"""

from __future__ import annotations

from typing import Any, cast

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

from sangtao.validation import FORMAT_CHECKS

FORMAT_CHECKER = FormatChecker(formats=())
for _name, _check in FORMAT_CHECKS.items():
    FORMAT_CHECKER.checks(_name, raises=ValueError)(_check)


def _is_integer(checker: object, instance: object) -> bool:
    # JSON Schema counts 75.0 as an integer; the pages would not show it as one. A whole number
    # is written without a decimal point, so the schema refuses the other.
    return isinstance(instance, int) and not isinstance(instance, bool)


# Draft 2020-12 with "integer" meaning a number written as one.
Validator = cast(
    type[Draft202012Validator],
    jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    ),
)


def reference_validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Validator(schema, format_checker=FORMAT_CHECKER)
