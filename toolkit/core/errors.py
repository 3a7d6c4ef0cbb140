"""The one exception tree: errors carry data (message, place, hint) and never print."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """A position in a user's file: 1-based line and column (columns count characters)."""

    path: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path


@dataclass
class Problem:
    """One thing the user must fix, with where and how."""

    message: str
    place: Place | None = None
    hint: str = ""


class GongwenError(Exception):
    """Base class; `exit_code` tells the CLI what to return."""

    exit_code = 3

    def __init__(self, message: str, place: Place | None = None, hint: str = ""):
        super().__init__(message)
        self.problems: list[Problem] = [Problem(message, place, hint)]

    @classmethod
    def many(cls, problems: list[Problem]) -> "GongwenError":
        """One error that reports several problems of one file at once."""
        err = cls(problems[0].message, problems[0].place, problems[0].hint)
        err.problems = list(problems)
        return err

    @property
    def message(self) -> str:
        return self.problems[0].message


class InputError(GongwenError):
    """The user must fix the input (usage, file, YAML, schema, template): exit 2."""

    exit_code = 2


class YamlError(InputError):
    """The YAML text cannot be read, or breaks a loading limit."""


class SchemaError(InputError):
    """The YAML is well formed but does not fit the report kind's fields."""


class TemplateError(InputError):
    """A template (manifest or Jinja2 file) is broken."""


class OutputError(InputError):
    """The output cannot be written where the user asked."""


class RefusedError(GongwenError):
    """A strict mode refused to write (exit 1)."""

    exit_code = 1


@dataclass
class Notice:
    """Something the user should know that is not an error (e.g. a GB18030 file)."""

    message: str
    place: Place | None = None
    extra: dict = field(default_factory=dict)
