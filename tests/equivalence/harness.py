#!/usr/bin/env python3
"""Equivalence harness: does pg2sf's conversion of a model return what the original returned?

The original model runs on a real PostgreSQL server, the conversion on fakesnow (Snowflake
emulated on DuckDB, in-process), over the same data; the two result sets are compared.

    harness.py suite [--cases DIR] [--pg2sf PATH] [-k SUBSTR] [--negative]
    harness.py one --setup SETUP.sql --model MODEL.sql --converted CONVERTED.sql [--ordered]

`suite` runs every case folder under DIR (layout and case.toml format: README.md beside this
file), converting each model.sql with `pg2sf convert`. With --negative the folders hold a
hand-written `converted.sql` instead: pg2sf is not called and every case is expected to FAIL.
`one` compares one model with its conversion (what `pg2sf verify` runs).

Needs the Python packages fakesnow==0.12.1, snowflake-connector-python==4.8.1 and
psycopg2-binary==2.9.13, and a PostgreSQL server at --pg-dsn (default: $PG2SF_PG_DSN).
Exit code: 0 all passed, 1 a case failed, 2 the environment is missing something.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import re
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

warnings.filterwarnings("ignore")
logging.getLogger("sqlglot").setLevel(logging.ERROR)

EXIT_OK, EXIT_FAILED, EXIT_ENVIRONMENT = 0, 1, 2
PIP_PACKAGES = "fakesnow==0.12.1 snowflake-connector-python==4.8.1 psycopg2-binary==2.9.13"
ABS_TOLERANCE = Decimal("1e-9")
MAX_ROWS_SHOWN = 40


class MissingEnvironment(Exception):
    """Something the harness needs is not installed or not reachable; the message says what."""


# ---------------------------------------------------------------- cases


@dataclass
class Case:
    name: str
    folder: Path
    rules: list[str] = field(default_factory=list)
    ordered: bool = False
    tolerance: float = 1e-6
    note: str = ""
    emulator_gap: str = ""
    expect: str = "match"
    # file name -> text, for the files the harness reads (absent files read as "")
    files: dict[str, str] = field(default_factory=dict)

    def read(self, file: str) -> str:
        return self.files.get(file, "")


CASE_FILES = ("setup.sql", "setup_pg.sql", "setup_sf.sql", "model.sql", "converted.sql")


CASE_KEYS = {
    "rules": list,
    "ordered": bool,
    "tolerance": (int, float),
    "note": str,
    "emulator_gap": str,
    "expect": str,
}


def load_case(folder: Path) -> Case:
    """Reads case.toml; an unknown key or a wrong type is an error, so a typo cannot
    silently switch a check off."""
    import tomllib  # noqa: PLC0415 - Python 3.11+, needed by the suite only, not by `one`

    files = {f: (folder / f).read_text(encoding="utf-8") for f in CASE_FILES if (folder / f).exists()}
    case = Case(name=folder.name, folder=folder, files=files)
    toml_path = folder / "case.toml"
    if not toml_path.exists():
        return case
    data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    for key, value in data.items():
        expected = CASE_KEYS.get(key)
        if expected is None:
            raise ValueError(f"{toml_path}: unknown key {key!r} (known: {', '.join(sorted(CASE_KEYS))})")
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise ValueError(f"{toml_path}: {key} has the wrong type")
        setattr(case, key, value)
    if case.expect not in ("match", "mismatch"):
        raise ValueError(f"{toml_path}: expect must be \"match\" or \"mismatch\", not {case.expect!r}")
    if not all(isinstance(code, str) for code in case.rules):
        raise ValueError(f"{toml_path}: rules must be a list of rule codes")
    case.tolerance = float(case.tolerance)
    return case


# ---------------------------------------------------------------- dbt Jinja


class UnsupportedJinja(Exception):
    """The model holds Jinja the harness does not render (README.md, "dbt Jinja")."""


JINJA_OPENERS = ("{{", "{%", "{#")
TARGET_TYPE_TEST = re.compile(r"""target\.type\s*(==|!=)\s*(['"])([A-Za-z0-9_]+)\2""")
SUPPORTED_JINJA = "only {{ config(...) }} and {% if/elif target.type ==/!= '...' %} ... {% else %} ... {% endif %} are rendered"


def skip_jinja_string(text: str, i: int) -> int:
    """The index after the Jinja string literal that starts at text[i] (a quote)."""
    quote, i = text[i], i + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text[i] == quote:
            return i + 1
        else:
            i += 1
    raise UnsupportedJinja("unterminated string in a Jinja expression")


def end_of_config_call(text: str, start: int, where: str) -> int:
    """The index after the `}}` that closes `{{ config(...) }}` opened at text[start].
    Strings are skipped whole: a hook such as "analyze {{ this }}" holds braces of its own."""
    call = re.compile(r"\{\{\s*config\s*\(").match(text, start)
    if not call:
        snippet = text[start:start + 40].split("\n")[0]
        raise UnsupportedJinja(f"{where}: `{snippet}`: {SUPPORTED_JINJA}")
    depth, i = 1, call.end()
    while i < len(text) and depth:
        c = text[i]
        if c in "'\"":
            i = skip_jinja_string(text, i)
            continue
        depth += c in "([{"
        depth -= c in ")]}"
        i += 1
    close = re.compile(r"\s*\}\}").match(text, i)
    if depth or not close:
        raise UnsupportedJinja(f"{where}: `{{{{ config(` is not closed by `) }}}}`")
    return close.end()


@dataclass
class IfBlock:
    """An open `{% if %}`: whether one of its branches was taken, and whether the current one is."""

    taken: bool
    keep: bool
    after_else: bool = False


def render_dbt_jinja(text: str, target_type: str, source: str) -> str:
    """Renders a model as dbt would for a target of this type, for the only Jinja the suite
    supports: `{{ config(...) }}` renders to nothing (dbt records the config; the query does
    not contain it), and `{% if target.type == '...' %}` keeps the branch the target takes.
    Anything else raises UnsupportedJinja: guessing what a macro or `ref` renders would make
    the comparison meaningless."""
    out: list[str] = []
    blocks: list[IfBlock] = []
    pos = 0
    while True:
        found = [(at, opener) for opener in JINJA_OPENERS if (at := text.find(opener, pos)) >= 0]
        kept = all(block.keep for block in blocks)
        if not found:
            if kept:
                out.append(text[pos:])
            break
        start, opener = min(found)
        if kept:
            out.append(text[pos:start])
        where = f"{source} line {text.count(chr(10), 0, start) + 1}"
        if opener == "{#":
            raise UnsupportedJinja(f"{where}: a Jinja comment: {SUPPORTED_JINJA}")
        if opener == "{{":
            pos = end_of_config_call(text, start, where)
            continue
        end = text.find("%}", start)
        if end < 0:
            raise UnsupportedJinja(f"{where}: `{{%` is not closed by `%}}`")
        tag = text[start + 2:end].strip()
        pos = end + 2
        keyword, _, condition = tag.partition(" ")
        if keyword in ("if", "elif"):
            test = TARGET_TYPE_TEST.fullmatch(condition.strip())
            if not test:
                raise UnsupportedJinja(f"{where}: `{{% {tag} %}}`: {SUPPORTED_JINJA}")
            holds = (test.group(3) == target_type) == (test.group(1) == "==")
            if keyword == "if":
                blocks.append(IfBlock(taken=holds, keep=holds))
            elif not blocks or blocks[-1].after_else:
                raise UnsupportedJinja(f"{where}: `{{% elif %}}` outside an if, or after its else")
            else:
                blocks[-1].keep = holds and not blocks[-1].taken
                blocks[-1].taken = blocks[-1].taken or holds
        elif tag == "else":
            if not blocks or blocks[-1].after_else:
                raise UnsupportedJinja(f"{where}: `{{% else %}}` outside an if, or a second one")
            block = blocks[-1]
            block.keep, block.taken, block.after_else = not block.taken, True, True
        elif tag == "endif":
            if not blocks:
                raise UnsupportedJinja(f"{where}: `{{% endif %}}` without an if")
            blocks.pop()
        else:
            raise UnsupportedJinja(f"{where}: `{{% {tag} %}}`: {SUPPORTED_JINJA}")
    if blocks:
        raise UnsupportedJinja(f"{source}: an `{{% if %}}` is not closed by `{{% endif %}}`")
    return "".join(out)


# ---------------------------------------------------------------- engines


@dataclass
class ResultSet:
    names: list[str]
    json_columns: list[bool]
    rows: list[tuple]


class Postgres:
    """A real PostgreSQL server; each case gets a fresh schema, dropped afterwards."""

    def __init__(self, dsn: str):
        try:
            import psycopg2  # noqa: PLC0415
        except ImportError as e:
            raise MissingEnvironment(f"the Python module psycopg2 is missing ({e}); install: pip install {PIP_PACKAGES}") from e
        import psycopg2.extras  # noqa: PLC0415

        # keep json/jsonb as text: decoded, a JSON null would become None, the same as SQL NULL
        psycopg2.extras.register_default_json(globally=True, loads=lambda text: text)
        psycopg2.extras.register_default_jsonb(globally=True, loads=lambda text: text)
        self.psycopg2 = psycopg2
        self.dsn = dsn
        try:
            psycopg2.connect(dsn).close()
        except psycopg2.Error as e:
            message = " ".join(str(e).split()).rstrip(".")
            raise MissingEnvironment(
                f"cannot connect to PostgreSQL at {dsn!r}: {message}. Start a server (Debian: apt-get install "
                "postgresql) and pass --pg-dsn or set PG2SF_PG_DSN (.ci/equivalence starts one for the suite)"
            ) from e

    def run(self, case_name: str, setup: list[str], query: str) -> ResultSet:
        schema = "eq_" + re.sub(r"\W", "_", case_name.lower())
        conn = self.psycopg2.connect(self.dsn)
        conn.autocommit = True
        try:
            cur = conn.cursor()
            cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; "
                        f"SET search_path TO {schema}; SET TIME ZONE 'UTC';")
            for text in setup:
                if text.strip():
                    cur.execute(text)
            cur.execute(query)
            if cur.description is None:
                raise RuntimeError("the model's last statement returned no result set")
            names = [d.name for d in cur.description]
            json_columns = [d.type_code in (114, 3802) for d in cur.description]
            rows = [tuple(r) for r in cur.fetchall()]
            cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            return ResultSet(names, json_columns, rows)
        finally:
            conn.close()


class Fakesnow:
    """fakesnow in-process: one in-memory DuckDB, a fresh Snowflake schema per case."""

    VARIANT_TYPE_CODES = {5, 9, 10}  # VARIANT, OBJECT, ARRAY in the connector's FIELD_TYPES

    def __init__(self):
        try:
            import fakesnow  # noqa: PLC0415
            import snowflake.connector  # noqa: PLC0415
            from sqlglot.dialects.snowflake import Snowflake  # noqa: PLC0415
            from sqlglot.tokens import TokenType  # noqa: PLC0415
        except ImportError as e:
            raise MissingEnvironment(
                f"fakesnow cannot be imported ({e}); install: pip install {PIP_PACKAGES} "
                "(snowflake-connector-python 5.x breaks fakesnow 0.12.1)"
            ) from e
        self.dialect = Snowflake()
        self.semicolon = TokenType.SEMICOLON
        self._patch = fakesnow.patch()
        self._patch.__enter__()
        self.conn = snowflake.connector.connect(database="EQUIVALENCE", schema="PUBLIC")

    def statements(self, text: str) -> list[str]:
        """Splits on the semicolons the Snowflake tokenizer sees, keeping each statement's
        original text (re-generating it from a parse could change what is tested)."""
        out, start, has_token = [], 0, False
        for token in self.dialect.tokenize(text):
            if token.token_type == self.semicolon:
                if has_token:
                    out.append(text[start:token.start])
                start, has_token = token.end + 1, False
            else:
                has_token = True
        if has_token:
            out.append(text[start:])
        return out

    def run(self, case_name: str, setup: list[str], query: str) -> ResultSet:
        schema = "EQ_" + re.sub(r"\W", "_", case_name.upper())
        cur = self.conn.cursor()
        cur.execute(f"CREATE OR REPLACE SCHEMA EQUIVALENCE.{schema}")
        cur.execute(f"USE SCHEMA EQUIVALENCE.{schema}")
        for text in setup:
            for statement in self.statements(text):
                cur.execute(statement)
        statements = self.statements(query)
        if not statements:
            raise RuntimeError("the converted model has no statement")
        for statement in statements:
            cur.execute(statement)
        if not cur.description:
            raise RuntimeError("the converted model's last statement returned no result set")
        names = [d.name for d in cur.description]
        json_columns = [d.type_code in self.VARIANT_TYPE_CODES for d in cur.description]
        table = getattr(cur, "_arrow_table", None)
        if table is not None and table.num_columns == len(names):
            # by position: fakesnow's fetchall() builds dicts and drops all but one of
            # several columns that share a name
            columns = [c.to_pylist() for c in table.columns]
            rows = list(zip(*columns)) if columns else []
        else:
            rows = [tuple(r) for r in cur.fetchall()]
        return ResultSet(names, json_columns, rows)


# ---------------------------------------------------------------- comparison


class Number:
    """A numeric value, compared within a tolerance."""

    __slots__ = ("value",)

    def __init__(self, value: Decimal):
        self.value = value

    def __repr__(self) -> str:
        return format(self.value.normalize(), "f") if self.value == self.value.to_integral() else format(self.value, "f")


def to_decimal(x) -> Decimal | str:
    if isinstance(x, float):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return Decimal(repr(x))
    try:
        return Decimal(x)
    except (InvalidOperation, TypeError, ValueError):
        return str(x)


def json_shape(x):
    """A JSON value in a form that compares structurally, numbers by value."""
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, (int, float, Decimal)):
        d = to_decimal(x)
        return ["num", str(d.normalize()) if isinstance(d, Decimal) else d]
    if isinstance(x, dict):
        return {"obj": sorted([k, json_shape(v)] for k, v in x.items())}
    if isinstance(x, (list, tuple)):
        return {"arr": [json_shape(v) for v in x]}
    return x if isinstance(x, str) else str(x)


def normalise(x, from_json_column: bool):
    """One cell as a comparable value. NULL stays None, distinct from every other value."""
    if x is None:
        return None
    if from_json_column:
        if isinstance(x, str):
            try:
                x = json.loads(x)
            except ValueError:
                pass
        return ("json", json.dumps(json_shape(x), sort_keys=True))
    if isinstance(x, (dict, list, tuple)):
        return ("json", json.dumps(json_shape(x), sort_keys=True))
    if isinstance(x, bool):
        return ("bool", x)
    if isinstance(x, (int, float, Decimal)):
        d = to_decimal(x)
        return Number(d) if isinstance(d, Decimal) else ("special", d)
    if isinstance(x, dt.datetime):
        if x.tzinfo is not None:
            x = x.astimezone(dt.timezone.utc).replace(tzinfo=None)
        if x.time() == dt.time(0):
            return ("date", x.date().isoformat())
        return ("timestamp", x.isoformat(sep=" "))
    if isinstance(x, dt.date):
        return ("date", x.isoformat())
    if isinstance(x, dt.time):
        return ("time", x.isoformat())
    if isinstance(x, dt.timedelta):
        return ("interval", str(x.total_seconds()))
    if isinstance(x, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(x).hex())
    if isinstance(x, str):
        return ("text", x)
    return ("other", str(x))


def cells_equal(a, b, tolerance: Decimal) -> bool:
    if isinstance(a, Number) and isinstance(b, Number):
        if a.value == b.value:
            return True
        diff = abs(a.value - b.value)
        return diff <= ABS_TOLERANCE or diff <= tolerance * max(abs(a.value), abs(b.value))
    if isinstance(a, Number) or isinstance(b, Number):
        return False
    return a == b


def rows_equal(r1: tuple, r2: tuple, tolerance: Decimal) -> bool:
    return len(r1) == len(r2) and all(cells_equal(a, b, tolerance) for a, b in zip(r1, r2))


def show_cell(v) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, Number):
        return repr(v)
    kind, value = v
    if kind == "text":
        return json.dumps(value)
    if kind == "json":
        return f"json:{value}"
    return str(value)


def show_row(row: tuple) -> str:
    return "(" + ", ".join(show_cell(v) for v in row) + ")"


def normalised_rows(result: ResultSet) -> list[tuple]:
    return [tuple(normalise(v, j) for v, j in zip(row, result.json_columns)) for row in result.rows]


def differences(pg: ResultSet, sf: ResultSet, ordered: bool, tolerance: float) -> list[str]:
    """What differs between the two result sets; empty when they are equivalent."""
    if len(pg.names) != len(sf.names):
        return [f"column count: postgres {len(pg.names)} {pg.names} vs snowflake {len(sf.names)} {sf.names}"]
    out = []
    renamed = [(a, b) for a, b in zip(pg.names, sf.names) if a.lower() != b.lower()]
    if renamed:
        out.append("column names: " + ", ".join(f"postgres {a!r} vs snowflake {b!r}" for a, b in renamed))
    tol = Decimal(repr(tolerance))
    pg_rows, sf_rows = normalised_rows(pg), normalised_rows(sf)
    if len(pg_rows) != len(sf_rows):
        out.append(f"row count: postgres {len(pg_rows)} vs snowflake {len(sf_rows)}")
    if ordered:
        for i, (a, b) in enumerate(zip(pg_rows, sf_rows)):
            if not rows_equal(a, b, tol):
                out.append(f"row {i + 1}: postgres {show_row(a)} vs snowflake {show_row(b)}")
        return out
    unmatched = list(range(len(sf_rows)))
    only_pg = []
    for a in pg_rows:
        match = next((j for j in unmatched if rows_equal(a, sf_rows[j], tol)), None)
        if match is None:
            only_pg.append(a)
        else:
            unmatched.remove(match)
    out += [f"only in postgres:  {show_row(a)}" for a in only_pg]
    out += [f"only in snowflake: {show_row(sf_rows[j])}" for j in unmatched]
    return out


def print_result_set(label: str, result: ResultSet) -> None:
    print(f"    --- {label}: {len(result.rows)} rows; columns {', '.join(result.names)}")
    rows = normalised_rows(result)
    for row in rows[:MAX_ROWS_SHOWN]:
        print(f"      {show_row(row)}")
    if len(rows) > MAX_ROWS_SHOWN:
        print(f"      ... {len(rows) - MAX_ROWS_SHOWN} more")


def indented(text: str) -> str:
    return "\n".join("      " + line for line in text.rstrip().splitlines())


# ---------------------------------------------------------------- running cases


@dataclass
class Conversion:
    status: str
    codes: list[str]
    converted: str


def convert_models(pg2sf: Path, cases: list[Case], work: Path) -> dict[str, Conversion]:
    """Converts every case's model.sql in one `pg2sf convert` run."""
    src, out, report = work / "models", work / "converted", work / "report"
    src.mkdir()
    for case in cases:
        (src / f"{case.name}.sql").write_text(case.read("model.sql"), encoding="utf-8")
    run = subprocess.run([str(pg2sf), "convert", str(src), "--out", str(out), "--report", str(report)],
                         capture_output=True, text=True)
    # exit 1 means a model is unconvertible or in error: the report says which
    if run.returncode not in (0, 1) or not (report / "report.json").exists():
        raise MissingEnvironment(f"`{pg2sf} convert` failed (exit {run.returncode}): {run.stderr.strip()}")
    files = json.loads((report / "report.json").read_text(encoding="utf-8"))["files"]
    conversions = {}
    for entry in files:
        name = entry["path"].removesuffix(".sql")
        conversions[name] = Conversion(
            status=entry["status"],
            codes=[d["code"] for d in entry.get("diagnostics", [])],
            converted=(out / entry["path"]).read_text(encoding="utf-8"),
        )
    return conversions


@dataclass
class Outcome:
    verdict: str  # PASS, GAP (passed, not evidence), FAIL
    lines: list[str] = field(default_factory=list)
    results: tuple[ResultSet, ResultSet] | None = None
    converted: str = ""


def run_case(case: Case, conversion: Conversion, pg: Postgres, sf: Fakesnow, check_rules: bool) -> Outcome:
    problems = []
    if check_rules:
        if conversion.status in ("unconvertible", "error"):
            problems.append(f"pg2sf reports the model as {conversion.status}: {', '.join(conversion.codes)}")
        missing = [code for code in case.rules if code not in conversion.codes]
        if missing:
            fired = ", ".join(sorted(set(conversion.codes))) or "none"
            problems.append(f"listed rule(s) did not fire: {', '.join(missing)} (fired: {fired})")
    setup = case.read("setup.sql")
    results, errors = {}, {}
    # target.type on each side is what dbt would give a profile of that adapter
    for label, engine, extra, query, source in (
            ("postgres", pg, "setup_pg.sql", case.read("model.sql"), "model.sql"),
            ("snowflake", sf, "setup_sf.sql", conversion.converted, "the converted model")):
        try:
            rendered = render_dbt_jinja(query, target_type=label, source=source)
            results[label] = engine.run(case.name, [setup, case.read(extra)], rendered)
        except Exception as e:  # noqa: BLE001 - an engine error is the case's outcome
            errors[label] = f"{type(e).__name__}: {' '.join(str(e).split())[:600]}"
    lines = [f"  note: {case.note}"] if case.note else []
    if errors:
        result_problems = [f"{label} raised {message}" for label, message in errors.items()]
        diff = []
    else:
        diff = differences(results["postgres"], results["snowflake"], case.ordered, case.tolerance)
        result_problems = []
        if case.expect == "mismatch" and not diff:
            result_problems.append("expected the results to differ (expect = \"mismatch\"), but they are equal")
        if case.expect == "match":
            result_problems += diff
    shown = (results["postgres"], results["snowflake"]) if not errors else None
    if case.emulator_gap and not problems:
        # the emulator is not Snowflake here: whatever the results say is not evidence
        lines += [f"  not evidence (emulator gap): {case.emulator_gap}"]
        lines += [f"  fakesnow: {p}" for p in result_problems]
        return Outcome("GAP", lines)
    problems += result_problems
    if problems:
        return Outcome("FAIL", lines + [f"  {p}" for p in problems], results=shown, converted=conversion.converted)
    if case.expect == "mismatch":
        lines += [f"  differs as expected: {d}" for d in diff[:6]]
    return Outcome("PASS", lines)


def print_outcome(name: str, outcome: Outcome, verbose: bool) -> None:
    print(f"{outcome.verdict:<4}  {name}")
    if outcome.verdict == "PASS" and not verbose:
        return
    for line in outcome.lines:
        print(line)
    if outcome.results:
        print_result_set("postgres", outcome.results[0])
        print_result_set("snowflake", outcome.results[1])
    if outcome.converted:
        print("    --- converted SQL:")
        print(indented(outcome.converted))


def summary(outcomes: list[Outcome]) -> str:
    count = {v: sum(o.verdict == v for o in outcomes) for v in ("PASS", "FAIL", "GAP")}
    return f"{count['PASS']} passed, {count['FAIL']} failed, {count['GAP']} not evidence (emulator gap)"


def suite(args) -> int:
    root = Path(args.cases).resolve()
    folders = sorted(p for p in root.iterdir() if p.is_dir() and args.k in p.name
                     and any((p / f).exists() for f in ("model.sql", "case.toml", "setup.sql")))
    if not folders:
        print(f"no case folders under {root}")
        return EXIT_FAILED
    incomplete = [p.name for p in folders if not (p / "model.sql").exists()
                  or (args.negative and not (p / "converted.sql").exists())]
    if incomplete:
        raise ValueError(f"case folders without model.sql{' or converted.sql' if args.negative else ''}: "
                         + ", ".join(incomplete))
    cases = [load_case(p) for p in folders]
    if not args.negative:
        unclaimed = [c.name for c in cases if not c.rules]
        if unclaimed:
            raise ValueError("cases without rules = [...] in case.toml (what are they evidence for?): "
                             + ", ".join(unclaimed))
    pg, sf = Postgres(args.pg_dsn), Fakesnow()
    with tempfile.TemporaryDirectory(prefix="pg2sf-equivalence-") as work:
        if args.negative:
            conversions = {c.name: Conversion("handwritten", [], c.read("converted.sql")) for c in cases}
        else:
            pg2sf = Path(args.pg2sf)
            if not pg2sf.exists():
                raise MissingEnvironment(f"{pg2sf} does not exist: run `cargo build` first")
            conversions = convert_models(pg2sf, cases, Path(work))
    outcomes = []
    for case in cases:
        outcome = run_case(case, conversions[case.name], pg, sf, check_rules=not args.negative)
        print_outcome(case.name, outcome, args.verbose)
        outcomes.append(outcome)
    print(summary(outcomes))
    return EXIT_FAILED if any(o.verdict == "FAIL" for o in outcomes) else EXIT_OK


def one(args) -> int:
    model = Path(args.model)
    files = {}
    for key in ("setup", "setup_pg", "setup_sf", "model", "converted"):
        path = getattr(args, key)
        if path:
            files[f"{key}.sql"] = Path(path).read_text(encoding="utf-8")
    case = Case(name=re.sub(r"\W", "_", model.stem) or "model", folder=model.parent,
                ordered=args.ordered, tolerance=args.tolerance, files=files)
    pg, sf = Postgres(args.pg_dsn), Fakesnow()
    outcome = run_case(case, Conversion("converted", [], case.read("converted.sql")), pg, sf, check_rules=False)
    print_outcome(model.name, outcome, verbose=True)
    print(summary([outcome]))
    return EXIT_FAILED if outcome.verdict == "FAIL" else EXIT_OK


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg-dsn", default=os.environ.get("PG2SF_PG_DSN", ""),
                        help="libpq connection string of the PostgreSQL server [default: $PG2SF_PG_DSN]")
    commands = parser.add_subparsers(dest="command", required=True)
    run_suite = commands.add_parser("suite", help="run every case folder")
    run_suite.add_argument("--cases", default=str(here), help="folder of case folders [default: this file's folder]")
    run_suite.add_argument("--pg2sf", default=str(here.parent.parent / "target" / "debug" / "pg2sf"))
    run_suite.add_argument("-k", default="", help="only cases whose folder name contains this")
    run_suite.add_argument("--negative", action="store_true",
                           help="cases hold a hand-written converted.sql; pg2sf is not called")
    run_suite.add_argument("-v", "--verbose", action="store_true", help="print details of passing cases too")
    run_one = commands.add_parser("one", help="compare one model with its conversion")
    run_one.add_argument("--setup", required=True)
    run_one.add_argument("--setup-pg")
    run_one.add_argument("--setup-sf")
    run_one.add_argument("--model", required=True)
    run_one.add_argument("--converted", required=True)
    run_one.add_argument("--ordered", action="store_true")
    run_one.add_argument("--tolerance", type=float, default=1e-6)
    args = parser.parse_args()
    if not args.pg_dsn:
        print("harness: error: no PostgreSQL connection string: pass --pg-dsn or set PG2SF_PG_DSN", file=sys.stderr)
        return EXIT_ENVIRONMENT
    try:
        return suite(args) if args.command == "suite" else one(args)
    except MissingEnvironment as e:
        print(f"harness: error: {e}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except ValueError as e:
        print(f"harness: error: {e}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
