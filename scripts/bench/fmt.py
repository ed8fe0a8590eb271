"""Numbers as the report writes them (Vietnamese: 10.000 and 1,5), and progress lines."""

from __future__ import annotations


def say(text: str) -> None:
    print(text, flush=True)


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def num(value: float, digits: int = 0) -> str:
    """Vietnamese number format: 10.000 and 1,5."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def secs(value: float) -> str:
    return f"{num(value, 2 if value < 10 else 1)} s"


def both(wall: float, cpu: float) -> str:
    """Wall time, and the CPU time (user + system) in brackets."""
    return f"{secs(wall)} ({secs(cpu)} CPU)"
