"""The strict loader, case by case: what it refuses, on which line, in which words."""

from __future__ import annotations

import unicodedata

import pytest

from sangtao.loader import MAX_BYTES, MAX_DEPTH, LoadError, load_bytes

REFUSED = [
    (
        "bidi override in a value",
        "ten: Nguyễn \u202eA\n".encode(),
        1,
        "yaml.invisible-character",
        "Giá trị chứa ký tự ẩn, chưa có trong Unicode hoặc ký tự điều khiển (U+202E, ký tự thứ 8 của giá trị)",
    ),
    (
        "DEL through an escape",
        b'ten: "x\\x7f [a](javascript:b)"\n',
        1,
        "yaml.invisible-character",
        "Giá trị chứa ký tự ẩn, chưa có trong Unicode hoặc ký tự điều khiển (U+007F, ký tự thứ 2 của giá trị)",
    ),
    # (name, bytes, line, rule, message)
    (
        "duplicate key",
        b"a: 1\nb: 2\na: 3\n",
        3,
        "yaml.duplicate-key",
        "Mục «a» bị viết hai lần (lần đầu ở dòng 1)",
    ),
    (
        "duplicate key nested",
        b"a:\n  b:\n    - c: 1\n      c: 2\n",
        4,
        "yaml.duplicate-key",
        "Mục «c» bị viết hai lần (lần đầu ở dòng 3)",
    ),
    (
        "duplicate key after NFC",
        "tên: 1\nte\u0302n: 2\n".encode(),
        2,
        "yaml.duplicate-key",
        "Mục «tên» bị viết hai lần (lần đầu ở dòng 1)",
    ),
    ("anchor", b"a: &x 1\nb: 2\n", 1, "yaml.alias", "Không dùng mốc tham chiếu YAML (&x)"),
    ("alias", b"a:\n  - 1\nb: *x\n", 3, "yaml.alias", "Không dùng tham chiếu YAML (*x)"),
    (
        "merge key alias",
        b"a: &b {c: 1}\nd:\n  <<: *b\n",
        1,
        "yaml.alias",
        "Không dùng mốc tham chiếu YAML (&b)",
    ),
    (
        "explicit tag",
        b"a: !!int 5\n",
        1,
        "yaml.tag",
        "Không dùng nhãn kiểu YAML (tag:yaml.org,2002:int)",
    ),
    (
        "python tag",
        b"a: !!python/object:os.system x\n",
        1,
        "yaml.tag",
        "Không dùng nhãn kiểu YAML (tag:yaml.org,2002:python/object:os.system)",
    ),
    ("local tag", b"a:\n  b: !x 5\n", 2, "yaml.tag", "Không dùng nhãn kiểu YAML (!x)"),
    (
        "YAML directive",
        b"%YAML 1.1\n---\na: 1\n",
        1,
        "yaml.directive",
        "Không dùng chỉ thị %YAML hay %TAG",
    ),
    (
        "TAG directive",
        b"%TAG !e! tag:example.com,2000:\n---\na: 1\n",
        1,
        "yaml.directive",
        "Không dùng chỉ thị %YAML hay %TAG",
    ),
    (
        "two documents",
        b"a: 1\n---\nb: 2\n",
        2,
        "yaml.multi-document",
        "Tệp chứa nhiều văn bản (có dòng `---` ở giữa)",
    ),
    (
        "integer key",
        b"a: 1\n2023: x\n",
        2,
        "yaml.non-string-key",
        "Tên mục phải là chữ, không phải một con số",
    ),
    (
        "boolean key",
        b"true: x\n",
        1,
        "yaml.non-string-key",
        "Tên mục phải là chữ, không phải giá trị đúng/sai",
    ),
    (
        "null key",
        b"? \n: x\n",
        1,
        "yaml.non-string-key",
        "Tên mục phải là chữ, không phải giá trị rỗng",
    ),
    (
        "sequence key",
        b"? [a]\n: x\n",
        1,
        "yaml.non-string-key",
        "Tên mục không được là một danh sách hay một khối",
    ),
    ("BOM", b"\xef\xbb\xbfa: 1\n", 1, "yaml.bom", "Tệp bắt đầu bằng dấu BOM (UTF-8 with BOM)"),
    (
        "UTF-16",
        "a: 1\n".encode("utf-16"),
        1,
        "yaml.encoding",
        "Tệp được lưu ở mã UTF-16 (Unicode), không phải UTF-8",
    ),
    (
        "Windows-1258",
        "a: 1\nb: Lâm Đông\n".encode("cp1258"),
        2,
        "yaml.encoding",
        "Tệp không phải UTF-8 (có thể đang dùng bảng mã Windows-1258 hoặc TCVN3)",
    ),
    ("empty", b"", 1, "yaml.empty", "Tệp rỗng"),
    ("only comments", b"# ghi chu\n\n", 1, "yaml.empty", "Tệp rỗng"),
    ("tab indentation", b"a:\n\t- x\n", 2, "yaml.syntax", "Dùng phím Tab để thụt lề"),
    ("colon in value", b"ten: Dan van: kheo\n", 1, "yaml.syntax", "Dấu hai chấm `:` đặt sai chỗ"),
    (
        "unclosed quote",
        b'a: "abc\nb: 1\n',
        1,  # where the quote opened: the end of the file is past the last line
        "yaml.syntax",
        "Thiếu dấu ngoặc kép hoặc ngoặc đóng trước khi hết tệp",
    ),
    (
        "bad indentation",
        b"a:\n  b: 1\n c: 2\n",
        3,
        "yaml.syntax",
        "Thụt lề không khớp với các dòng trên",
    ),
    (
        "control character",
        b"a: x\x07y\n",
        1,
        "yaml.syntax",
        "Tệp chứa ký tự điều khiển không in được",
    ),
]


@pytest.mark.parametrize(
    ("bytes_", "line", "rule", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused(bytes_: bytes, line: int, rule: str, message: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_bytes(bytes_)
    error = caught.value
    assert (error.line, error.rule, error.message) == (line, rule, message)
    assert error.hint  # every refusal says what to write instead


def test_too_large() -> None:
    with pytest.raises(LoadError) as caught:
        load_bytes(b"a: " + b"x" * MAX_BYTES + b"\n")
    assert caught.value.rule == "yaml.too-large"
    assert caught.value.line == 1


def test_too_deep() -> None:
    text = (
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 2))
        + "  " * (MAX_DEPTH + 2)
        + "v\n"
    )
    with pytest.raises(LoadError) as caught:
        load_bytes(text.encode())
    assert caught.value.rule == "yaml.too-deep"
    assert caught.value.line == MAX_DEPTH + 1


def test_deep_flow_nesting_is_refused_not_crashing() -> None:
    with pytest.raises(LoadError) as caught:
        load_bytes(b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert caught.value.rule == "yaml.too-deep"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("010", "010"),
        ("0x1F", "0x1F"),
        ("1:20", "1:20"),
        ("2023-02-28", "2023-02-28"),
        ("2023-02-28T23:59:59+07:00", "2023-02-28T23:59:59+07:00"),
        (".inf", ".inf"),
        ("1_000", "1_000"),
        ("2023", 2023),
        ("-5", -5),
        ("1.5", 1.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ('"2023"', "2023"),
        ("'true'", "true"),
    ],
)
def test_scalars_keep_what_was_typed(text: str, value: object) -> None:
    loaded = load_bytes(f"a: {text}\n".encode())
    assert loaded.data == {"a": value}
    assert type(loaded.data["a"]) is type(value)


def test_strings_are_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Lộc Thắng")
    loaded = load_bytes(f"ten: {nfd}\nds:\n  - '{nfd}'\n".encode())
    assert loaded.data == {"ten": "Lộc Thắng", "ds": ["Lộc Thắng"]}
    assert unicodedata.is_normalized("NFC", loaded.data["ten"])


def test_positions_point_at_keys_and_items() -> None:
    text = b"a: 1\nb:\n  c:\n    - x\n    - y\n  d: |\n    line\n    line\ne: 2\n"
    loaded = load_bytes(text, positions=True)
    assert loaded.lines[("a",)] == 1
    assert loaded.lines[("b", "c")] == 3
    assert loaded.lines[("b", "c", 1)] == 5
    assert loaded.lines[("b", "d")] == 6
    assert loaded.lines[("e",)] == 9
    assert loaded.line_of(("b", "missing", "deeper")) == 2


def test_positions_are_off_by_default() -> None:
    assert load_bytes(b"a: 1\n").lines == {}


@pytest.mark.parametrize("positions", [False, True])  # the fast path, and the strict one
def test_each_key_is_kept_once_for_every_file(positions: bool) -> None:
    # A province's 60,000 files repeat the same twenty keys: one copy of each saves some
    # 70 MiB in each process that holds the corpus (decision 85).
    one = load_bytes("ten_mo_hinh: Một\nnam: 2027\n".encode(), positions=positions).data
    other = load_bytes("ten_mo_hinh: Hải\nnam: 2027\n".encode(), positions=positions).data
    (key_one, _), (key_other, _) = sorted(one.items())[1], sorted(other.items())[1]
    assert key_one == key_other == "ten_mo_hinh"
    assert key_one is key_other
