"""Summarises one corpus run: statuses, accounting, and error causes."""
import collections, json, os, re, sys

name, code, report_path, src = sys.argv[1:5]
if not os.path.exists(report_path):
    print(f"## {name}: no report (exit {code})")
    sys.exit(0)
report = json.load(open(report_path))
files = report["files"]
sql = [f for f in files if f["kind"] == "sql"]
on_disk = sorted(
    os.path.relpath(os.path.join(d, f), src).replace(os.sep, "/")
    for d, _, fs in os.walk(src) for f in fs if f.endswith(".sql")
)
reported = [f["path"] for f in sql]
print(f"## {name} (exit {code})")
print(f"sql files on disk {len(on_disk)}, in report {len(reported)}, each once: {sorted(reported) == on_disk}")
counts = collections.Counter(f["status"] for f in sql)
for status in ["unchanged", "converted", "review", "unconvertible", "error"]:
    n = counts.get(status, 0)
    print(f"  {status:<14}{n:>5}  {100 * n / max(len(sql), 1):5.1f}%")
causes = collections.Counter()
for f in sql:
    for d in f["diagnostics"]:
        if d["category"] == "error":
            msg = re.sub(r"found: \S+", "found: X", d["message"])
            msg = re.sub(r"`[^`]*`", "`…`", msg)
            causes[(d["code"], msg[:110])] += 1
if causes:
    print("  errors by cause:")
    for (c, m), n in causes.most_common(12):
        print(f"    {n:>4} {c} {m}")
# Parse failures by cause. PostgreSQL's own parser (pglast, libpg_query)
# decides between a sqlparser gap and SQL that PostgreSQL rejects too.
try:
    import pglast
except ImportError:
    pglast = None
kinds = collections.Counter()
examples = {}
for f in sql:
    e001 = [d for d in f["diagnostics"] if d["code"] in ("E001", "E003")]
    if not e001:
        continue
    d = e001[0]
    text = open(os.path.join(src, f["path"]), encoding="utf-8", errors="replace").read()
    if d["code"] == "E003":
        kind = "Jinja syntax error"
    elif "found: __" in d["message"] or "{{" in text or "{%" in text:
        kind = "Jinja pattern (masked Jinja where the parser needs SQL)" if "found: __" in d["message"] else "model with Jinja (cause not classified)"
    elif pglast is None:
        kind = "not classified (pip install pglast)"
    else:
        try:
            pglast.parse_sql(text)
            kind = "sqlparser gap (PostgreSQL parses the file)"
        except Exception:
            kind = "invalid for PostgreSQL too (psql meta-commands, deliberate errors)"
    kinds[kind] += 1
    examples.setdefault(kind, f"{f['path']}:{d['line']}:{d['column']} {d['message'][:90]}")
if kinds:
    print("  parse failures by cause:")
    for k, n in kinds.most_common():
        print(f"    {n:>4} {k}  e.g. {examples[k]}")
codes = collections.Counter(d["code"] for f in sql for d in f["diagnostics"])
print("  findings by code:", ", ".join(f"{c}={n}" for c, n in sorted(codes.items())))
