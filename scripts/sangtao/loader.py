"""The strict YAML loader: the only way any YAML in this project is read.

It walks libyaml's event stream (the C parser when present) and builds plain Python data
itself, so that it can refuse what a submission must never contain — duplicate keys, anchors
and aliases, explicit tags, directives, non-string keys — and keep what YAML 1.1 would silently
turn into something else (``no``, ``010``, ``1:20``, dates) as the text the clerk typed.
Every string comes out NFC-normalised. With ``positions=True`` it also records the line of
every value, which the validator asks for only when a file has a problem.
"""

from __future__ import annotations

import math
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml: an order of magnitude faster than the pure-Python parser
    from yaml import CSafeLoader as _ParserLoader
except ImportError:  # pragma: no cover - exercised only where libyaml is missing
    from yaml import SafeLoader as _ParserLoader  # type: ignore[assignment]

_C_PARSER = _ParserLoader.__name__.startswith("C")

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

JsonPath = tuple[str | int, ...]

# Plain scalars resolve like YAML 1.2's core schema, minus its surprises: no octal, hex,
# sexagesimal, infinities or dates; a leading zero keeps a number as text.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_WORDS: dict[str, Any] = {
    **dict.fromkeys(_NULL),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
_NUMBER_START = frozenset("+-0123456789")  # the first character of every number above


@dataclass
class Loaded:
    """A loaded document and, when asked for, the 1-based line of each value."""

    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)

    def line_of(self, path: JsonPath) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


class LoadError(Exception):
    """A file that cannot be read as a submission; always carries a line."""

    def __init__(self, line: int, rule: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.line = line
        self.rule = rule
        self.message = message
        self.hint = hint


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar."""
    if text[:1] in _NUMBER_START:
        if _INT.match(text):
            # A number longer than any count or year is an identifier or a typo: keep the text.
            return int(text) if len(text.lstrip("+-")) <= 18 else text
        if _FLOAT.match(text):
            value = float(text)
            return value if math.isfinite(value) else text
    elif text in _WORDS:
        return _WORDS[text]
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def load_file(path: Path | str, *, positions: bool = False) -> Loaded:
    with open(path, "rb") as file:  # one read, no stat: only a file over the limit is measured
        raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _too_large(os.fstat(file.fileno()).st_size)
    return load_bytes(raw, positions=positions)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _too_large(size: int) -> LoadError:
    return LoadError(
        1,
        "yaml.too-large",
        f"Tệp quá lớn ({_thousands(size)} byte, tối đa {_thousands(MAX_BYTES)} byte)",
        "Rút gọn nội dung; tài liệu minh chứng lớn hãy để ở đường liên kết",
    )


def load_bytes(raw: bytes, *, positions: bool = False) -> Loaded:
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    text = _check_encoding(raw)
    # NEL, LS and PS are uncommon characters too: most files have none, and no other break.
    uncommon = frozenset(_UNCOMMON.findall(text))
    try:
        if uncommon & _OTHER_BREAKS:
            return _on_yaml12_lines(raw, positions)
        if not positions:
            # A value holds only characters of the file, and those an escape writes: with no
            # invisible character in the file and no `\`, no value needs looking at.
            suspect = "\\" in text or any(_hidden(char) for char in uncommon)
            data = _usual(raw, suspect)
            if data is not _REFUSED:
                return Loaded(data)
        return _build(_events(raw), positions)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, raw) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        # libyaml's position is a byte offset; the pure-Python reader's a character index.
        before = raw[: error.position] if _C_PARSER else raw.decode()[: error.position].encode()
        line = len(_BREAK.findall(before)) + 1
        raise LoadError(
            line,
            "yaml.syntax",
            "Tệp chứa ký tự điều khiển không in được",
            "Xóa ký tự lạ (thường do sao chép từ Word/PDF) rồi lưu lại",
        ) from None


# Line breaks of YAML 1.2 (what editors count): CR LF, CR, LF. libyaml also counts NEL, LS and
# PS, so on a file holding those its line numbers are mapped back to these.
_BREAK = re.compile(rb"\r\n|\r|\n")
_ANY_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")
_OTHER_BREAKS = frozenset("\x85\u2028\u2029")


def _on_yaml12_lines(raw: bytes, positions: bool) -> Loaded:
    """Load a file with NEL, LS or PS in it, its line numbers counted as YAML 1.2 counts them."""
    line_of = [1]  # libyaml's line (0-based) → the YAML 1.2 line (1-based)
    for found in _ANY_BREAK.finditer(raw.decode("utf-8")):
        line_of.append(line_of[-1] + (found.group() in ("\r\n", "\r", "\n")))

    def mapped(line: int) -> int:
        return line_of[min(line, len(line_of)) - 1]

    try:
        loaded = _build(_events(raw), positions)
    except LoadError as error:
        error.line = mapped(error.line)
        raise
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, raw, mapped) from None
    loaded.lines = {path: mapped(line) for path, line in loaded.lines.items()}
    return loaded


def _check_encoding(raw: bytes) -> str:
    """The text of ``raw``, or the LoadError that says why it is not UTF-8 without a BOM."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError(
            1,
            "yaml.bom",
            "Tệp bắt đầu bằng dấu BOM (UTF-8 with BOM)",
            "Lưu lại tệp ở dạng UTF-8 không BOM (Notepad: Save As → Encoding: UTF-8)",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise LoadError(
            1,
            "yaml.encoding",
            "Tệp được lưu ở mã UTF-16 (Unicode), không phải UTF-8",
            "Lưu lại tệp ở dạng UTF-8 (Notepad: Save As → Encoding: UTF-8)",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise LoadError(
            line,
            "yaml.encoding",
            "Tệp không phải UTF-8 (có thể đang dùng bảng mã Windows-1258 hoặc TCVN3)",
            "Chuyển sang Unicode UTF-8 (Unikey: Công cụ chuyển mã; Notepad: Save As → UTF-8)",
        ) from None


def _events(raw: bytes) -> Iterator[Any]:
    """libyaml's events, one call each (``yaml.parse`` makes two: check, then get)."""
    parser = _ParserLoader(raw)
    try:
        while True:
            event = parser.get_event()
            yield event
            if type(event) is yaml.StreamEndEvent:
                return
    finally:
        parser.dispose()


def _fail(event: Any, rule: str, message: str, hint: str) -> LoadError:
    return LoadError(event.start_mark.line + 1, rule, message, hint)


@dataclass(slots=True)
class _Frame:
    """An open mapping or sequence while the events are read."""

    container: dict[str, Any] | list[Any]
    path: JsonPath
    key: Any = None  # the mapping's key waiting for its value; _NO_KEY between pairs
    seen: dict[str, int] = field(default_factory=dict)  # the mapping's keys → their lines
    key_line: int = 0  # the line of ``key``: a value's line is the line of its key

    @property
    def wants_key(self) -> bool:
        return isinstance(self.container, dict) and self.key is _NO_KEY

    def take_key(self, key: Any, event: Any) -> None:
        if not isinstance(key, str):
            raise _fail(
                event,
                "yaml.non-string-key",
                f"Tên mục phải là chữ, không phải {_describe(key)}",
                "Viết tên mục bằng chữ không dấu, ví dụ `ten_mo_hinh:`",
            )
        line = event.start_mark.line + 1
        if key in self.seen:
            raise _fail(
                event,
                "yaml.duplicate-key",
                f"Mục «{key}» bị viết hai lần (lần đầu ở dòng {self.seen[key]})",
                "Giữ một lần, xóa dòng còn lại",
            )
        self.seen[key] = line
        self.key = sys.intern(key)  # one copy of each key, as on the fast path
        self.key_line = line


_PLAIN = ("", None)  # the styles of an unquoted scalar (pure Python's, libyaml's)


@dataclass(frozen=True)
class SequenceSpan:
    """Where a top-level list sits in a file's text, so that a tool can append an item to it
    as text and keep the file's comments and layout (0-based lines and columns)."""

    flow: bool  # written ``[…]`` rather than one ``- item`` per line
    items: int
    key_line: int
    start: tuple[int, int]  # line, column of ``-`` (block) or ``[`` (flow)
    end: tuple[int, int]  # line, column just after the list's last character
    item_column: int | None  # column of the first item's first key (block lists of mappings)


def top_level_sequence(raw: bytes, key: str) -> SequenceSpan | None:
    """The span of the list under top-level ``key``; None when the key is absent or holds no
    list. The file is expected to load (``load_bytes``) already."""
    depth = 0
    expect_key = False
    found_key_line: int | None = None
    span_start: Any = None
    flow = False
    items = 0
    item_column: int | None = None
    last_end: Any = None
    inner = 0  # nesting inside the list
    events: Any = yaml.parse(raw, Loader=_ParserLoader)
    for event in events:
        kind = type(event)
        if span_start is not None:
            if kind in (yaml.SequenceStartEvent, yaml.MappingStartEvent):
                if inner == 0:
                    items += 1
                    if kind is yaml.MappingStartEvent and item_column is None:
                        item_column = event.start_mark.column
                inner += 1
            elif kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                if inner == 0:
                    end = last_end if not flow else event.end_mark
                    end = end or event.start_mark
                    return SequenceSpan(
                        flow,
                        items,
                        found_key_line or 0,
                        (span_start.line, span_start.column),
                        (end.line, end.column),
                        item_column,
                    )
                inner -= 1
            elif kind is yaml.ScalarEvent:
                items += inner == 0
                last_end = event.end_mark
            continue
        if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
            depth += 1
            if depth == 2 and found_key_line is not None and kind is yaml.SequenceStartEvent:
                span_start, flow = event.start_mark, bool(event.flow_style)
                depth -= 1
                continue
            expect_key = depth == 1 and kind is yaml.MappingStartEvent
            found_key_line = None
        elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
            depth -= 1
            expect_key = depth == 1
        elif kind is yaml.ScalarEvent and depth == 1:
            if expect_key:
                found_key_line = event.start_mark.line if event.value == key else None
                expect_key = False
            else:
                if found_key_line is not None:
                    return None  # the key holds a scalar, not a list
                expect_key = True
    return None


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()


class _Builder:
    """Data from libyaml's events, one handler per kind of event."""

    def __init__(self, positions: bool) -> None:
        self.positions = positions
        self.lines: dict[JsonPath, int] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def attach(self, value: Any, event: Any) -> JsonPath:
        """Put ``value`` into the open container; return its path (kept only for lines)."""
        if not self.stack:
            self.root = value
            if self.positions:
                self.lines[()] = event.start_mark.line + 1
            return ()
        frame = self.stack[-1]
        container = frame.container
        if type(container) is list:
            index = len(container)
            container.append(value)
            if not self.positions:
                return ()
            child: JsonPath = (*frame.path, index)
            self.lines[child] = event.start_mark.line + 1
        else:
            key = frame.key
            container[key] = value
            frame.key = _NO_KEY
            if not self.positions:
                return ()
            child = (*frame.path, key)
            self.lines[child] = frame.key_line
        return child

    def scalar(self, event: Any) -> None:
        if event.anchor is not None or event.tag is not None:
            _refuse_anchor_and_tag(event)
        text = event.value
        bad = _invisible(text)
        if bad is not None:
            at, code = bad
            # A block scalar's text starts on the line after its `|` or `>`.
            first = event.start_mark.line + (2 if event.style in ("|", ">") else 1)
            raise LoadError(
                first + text.count("\n", 0, at),
                "yaml.invisible-character",
                f"Giá trị chứa ký tự ẩn, chưa có trong Unicode hoặc ký tự điều khiển ({code}, "
                f"ký tự thứ {at + 1} của giá trị)",
                "Gõ lại giá trị này (ký tự lạ thường do sao chép từ Word/PDF hoặc viết `\\x`, `\\u` trong ngoặc kép)",
            )
        value = resolve_plain(text) if event.style in _PLAIN else _nfc(text)
        if self.stack and self.stack[-1].wants_key:
            self.stack[-1].take_key(value, event)
        else:
            self.attach(value, event)

    def start(self, event: Any) -> None:
        _refuse_anchor_and_tag(event)
        if self.stack and self.stack[-1].wants_key:
            raise _fail(
                event,
                "yaml.non-string-key",
                "Tên mục không được là một danh sách hay một khối",
                "Viết tên mục là một từ, ví dụ `ten_mo_hinh:`",
            )
        if len(self.stack) >= MAX_DEPTH:
            raise _fail(
                event,
                "yaml.too-deep",
                f"Tệp lồng nhau quá {MAX_DEPTH} cấp",
                "Viết theo đúng mẫu; các mẫu không lồng quá vài cấp",
            )
        container: dict[str, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        self.stack.append(_Frame(container, self.attach(container, event), _NO_KEY))

    def end(self, event: Any) -> None:
        self.stack.pop()

    def alias(self, event: Any) -> None:
        raise _fail(
            event,
            "yaml.alias",
            f"Không dùng tham chiếu YAML (*{event.anchor})",
            "Viết đầy đủ giá trị ở đây thay cho tham chiếu",
        )

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _fail(
                event,
                "yaml.multi-document",
                "Tệp chứa nhiều văn bản (có dòng `---` ở giữa)",
                "Mỗi tệp chỉ một văn bản: xóa dòng `---` và phần sau nó, hoặc tách thành tệp khác",
            )
        if event.version is not None or event.tags:
            raise _fail(
                event,
                "yaml.directive",
                "Không dùng chỉ thị %YAML hay %TAG",
                "Xóa dòng bắt đầu bằng `%` ở đầu tệp",
            )


_ON_EVENT: dict[type, Callable[[_Builder, Any], None]] = {
    yaml.ScalarEvent: _Builder.scalar,
    yaml.MappingStartEvent: _Builder.start,
    yaml.SequenceStartEvent: _Builder.start,
    yaml.MappingEndEvent: _Builder.end,
    yaml.SequenceEndEvent: _Builder.end,
    yaml.AliasEvent: _Builder.alias,
    yaml.DocumentStartEvent: _Builder.document,
}


def _build(events: Any, positions: bool) -> Loaded:
    """Turn an event stream into data, refusing everything a submission must not contain."""
    builder = _Builder(positions)
    for event in events:
        handler = _ON_EVENT.get(type(event))
        if handler is not None:
            handler(builder, event)
    if builder.root is None:
        raise LoadError(
            1, "yaml.empty", "Tệp rỗng", "Điền nội dung theo mẫu (lệnh `sangtao new` tạo sẵn mẫu)"
        )
    return Loaded(builder.root, builder.lines)


_REFUSED: Any = _NoKey()  # what _usual answers for a file it leaves to _Builder
_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
_SKIPPED = frozenset({yaml.DocumentEndEvent})


def _usual(raw: bytes, look_at_values: bool) -> Any:
    """The data of a file with nothing to refuse, in one tight loop over libyaml's events; on
    the first thing _Builder would refuse (or a syntax error), _REFUSED: _Builder reads the
    file again and says what is wrong and where. Same data, same refusals, less work: most
    files have nothing to refuse and need no lines (decision 80)."""
    parser = _ParserLoader(raw)
    try:
        get = parser.get_event
        get()  # the stream's start
        first = get()
        if type(first) is not yaml.DocumentStartEvent or first.version or first.tags:
            return _REFUSED  # empty, or a directive
        return _fold(get, look_at_values)
    except yaml.YAMLError:
        return _REFUSED
    finally:
        parser.dispose()


def _fold(get: Callable[[], Any], look_at_values: bool) -> Any:
    """_usual's loop: locals only, the commonest events first."""
    scalar, mapping, sequence, ends, skipped = _SCALAR, _MAPPING, _SEQUENCE, _ENDS, _SKIPPED
    plain, resolve, nfc, invisible, no_key = _PLAIN, resolve_plain, _nfc, _invisible, _NO_KEY
    number_start, words, normalize, intern = (
        _NUMBER_START,
        _WORDS,
        unicodedata.normalize,
        sys.intern,
    )
    root: Any = None
    stack: list[Any] = []  # the open mappings and sequences
    keys: list[Any] = []  # each open mapping's key waiting for its value
    top: Any = None  # stack[-1]
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                return _REFUSED
            value = event.value
            if look_at_values and invisible(value) is not None:
                return _REFUSED
            if event.style not in plain:
                value = nfc(value)
            elif value[:1] in number_start:
                value = resolve(value)
            elif value in words:
                value = words[value]
            elif not value.isascii():
                value = normalize("NFC", value)  # resolve_plain, inlined for the commonest
        elif kind is mapping or kind is sequence:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                return _REFUSED
            value = {} if kind is mapping else []
        elif kind in ends:
            stack.pop()
            keys.pop()
            top = stack[-1] if stack else None
            continue
        elif kind in skipped:
            continue
        else:  # the stream's end; an alias, or a second document
            return root if kind is yaml.StreamEndEvent and root is not None else _REFUSED
        if top is None:
            root = value
        elif type(top) is list:
            top.append(value)
        elif keys[-1] is no_key:  # a key: text, not seen before in this mapping
            if type(value) is not str or value in top:
                return _REFUSED
            keys[-1] = intern(value)  # one copy of each key for a province's 60,000 files
            continue
        else:
            top[keys[-1]] = value
            keys[-1] = no_key
        if kind is not scalar:
            stack.append(value)
            keys.append(no_key)
            top = value


def _refuse_anchor_and_tag(event: Any) -> None:
    if event.anchor is not None:
        raise _fail(
            event,
            "yaml.alias",
            f"Không dùng mốc tham chiếu YAML (&{event.anchor})",
            "Xóa phần `&…` và viết đầy đủ giá trị",
        )
    if event.tag is not None:
        raise _fail(
            event,
            "yaml.tag",
            f"Không dùng nhãn kiểu YAML ({event.tag})",
            "Xóa phần bắt đầu bằng `!`; muốn giữ nguyên văn bản thì đặt trong ngoặc kép",
        )


def _describe(value: Any) -> str:
    if value is None:
        return "giá trị rỗng"
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    return "một con số"


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Characters no clerk types and that could fool a reader or a renderer: controls (except tab
# and newline), lone surrogates, non-characters and the bidirectional overrides.
# Characters outside the blocks Vietnamese text is written in: only these are looked up.
_UNCOMMON = re.compile(
    "[^\t\n\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u0300-\u034e\u0350-\u036f\u1e00-\u1eff]"
)
# Control, format (zero-width, bidi, tags), unassigned, private-use and surrogate code points.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties) outside those categories.
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0000-\U000e0fff]"
)


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or _IGNORABLE.match(char) is not None


def _invisible(text: str) -> tuple[int, str] | None:
    """The first character nobody types on purpose: its index and its code point."""
    for found in _UNCOMMON.finditer(text):
        char = found.group()
        if _hidden(char):
            return found.start(), f"U+{ord(char):04X}"
    return None


_SYNTAX_HINT = (
    "Kiểm tra thụt lề (chỉ dùng dấu cách, không dùng Tab) và dấu `:` ở dòng này hoặc dòng trên"
)

# libyaml's problems, in words a clerk can act on.
_SYNTAX_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "mapping values are not allowed",
        "Dấu hai chấm `:` đặt sai chỗ",
        'Nếu giá trị có dấu `:` thì đặt cả giá trị trong ngoặc kép, ví dụ: ten_mo_hinh: "Dân vận khéo: …"',
    ),
    (
        "could not find expected ':'",
        "Thiếu dấu `:` sau tên mục",
        "Mỗi dòng viết dạng `ten_muc: giá trị`; văn bản nhiều dòng thì dùng `|` rồi xuống dòng thụt lề",
    ),
    (
        "cannot start any token",
        "Có ký tự không được đứng đầu giá trị (thường là phím Tab, `@` hoặc dấu `` ` ``)",
        "Thụt lề bằng dấu cách; giá trị bắt đầu bằng ký tự đặc biệt thì đặt trong ngoặc kép",
    ),
    (
        "did not find expected key",
        "Thụt lề không khớp với các dòng trên",
        "Các mục cùng cấp phải thẳng cột; mục con thụt vào hai dấu cách",
    ),
    (
        "did not find expected '-' indicator",
        "Thụt lề của danh sách không khớp",
        "Các gạch đầu dòng `- ` cùng danh sách phải thẳng cột",
    ),
    (
        "found unexpected end of stream",
        "Thiếu dấu ngoặc kép hoặc ngoặc đóng trước khi hết tệp",
        'Đóng ngoặc kép `"` ở cuối giá trị',
    ),
    (
        "expected hexdecimal number",
        "Trong ngoặc kép có dấu `\\` không hợp lệ",
        "Dùng ngoặc đơn `'…'` hoặc viết `\\\\` thay cho `\\` (ví dụ đường dẫn D:\\\\Tai lieu)",
    ),
    (
        "found invalid Unicode character escape code",
        "Trong ngoặc kép có dấu `\\` không hợp lệ",
        "Dùng ngoặc đơn `'…'` hoặc viết `\\\\` thay cho `\\` (ví dụ đường dẫn D:\\\\Tai lieu)",
    ),
    (
        "found unexpected ':'",
        "Dấu hai chấm `:` đặt sai chỗ",
        'Nếu giá trị có dấu `:` thì đặt cả giá trị trong ngoặc kép, ví dụ: ten_mo_hinh: "Dân vận khéo: …"',
    ),
    (
        "found unexpected document indicator",
        "Dòng `---` hoặc `...` đặt sai chỗ",
        "Xóa dòng chỉ có `---` hay `...`; nếu đó là nội dung thì đặt trong ngoặc kép",
    ),
    (
        "found unknown escape character",
        "Trong ngoặc kép có dấu `\\` không hợp lệ",
        "Dùng ngoặc đơn `'…'` hoặc viết `\\\\` thay cho `\\`",
    ),
    (
        "block sequence entries are not allowed",
        "Gạch đầu dòng `-` đặt sai chỗ",
        "Danh sách phải bắt đầu ở dòng mới, dưới tên mục, thụt vào hai dấu cách",
    ),
    (
        "did not find expected node content",
        "Thiếu giá trị hoặc có ký tự đặc biệt đứng đầu giá trị",
        "Đặt giá trị trong ngoặc kép",
    ),
    (
        "did not find expected",
        'Cú pháp YAML sai (thiếu dấu đóng `]`, `}` hoặc `"`)',
        "Kiểm tra các dấu ngoặc mở và đóng ở dòng này",
    ),
)


def _syntax_error(
    error: yaml.MarkedYAMLError, raw: bytes, mapped: Callable[[int], int] = lambda line: line
) -> LoadError:
    mark = error.problem_mark or error.context_mark
    line = mapped(mark.line + 1) if mark is not None else 1
    rows = _BREAK.split(raw)
    last = max(1, len(rows) - (1 if rows[-1] == b"" else 0))
    if line > last:
        # "End of file" lies past the last line: point where the quote or bracket opened.
        line = mapped(error.context_mark.line + 1) if error.context_mark is not None else last
        line = min(line, last)
    problem = f"{error.context or ''} {error.problem or ''}"
    # libyaml does not name the character; a tab on the line is by far the usual culprit.
    text = rows[line - 1] if line <= len(rows) else b""
    if b"\t" in text and ("token" in problem or "tab" in problem):
        return LoadError(
            line,
            "yaml.syntax",
            "Dùng phím Tab để thụt lề",
            "Thay Tab bằng dấu cách (hai dấu cách cho mỗi cấp)",
        )
    if "maximum nesting depth" in problem:
        return LoadError(
            line,
            "yaml.too-deep",
            f"Tệp lồng nhau quá {MAX_DEPTH} cấp",
            "Viết theo đúng mẫu; các mẫu không lồng quá vài cấp",
        )
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in problem:
            return LoadError(line, "yaml.syntax", message, hint)
    return LoadError(line, "yaml.syntax", "Tệp YAML sai cú pháp ở dòng này", _SYNTAX_HINT)
