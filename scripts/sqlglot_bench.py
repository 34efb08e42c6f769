"""sqlglot (postgres -> snowflake) over a folder of .sql files, one thread:
the comparison point for pg2sf's throughput.

sqlglot stops a file at its first unparsable statement, which would time a
fraction of the text; with ErrorLevel.IGNORE it reads every statement of
every file, as pg2sf does, so the MB/s compare like with like."""
import logging
import pathlib
import sys
import time

import sqlglot
from sqlglot.errors import ErrorLevel

logging.disable(logging.CRITICAL)

texts = [p.read_text(errors="replace") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.sql"))]
size = sum(len(t.encode()) for t in texts)
failed = 0
start = time.perf_counter()
for text in texts:
    try:
        sqlglot.transpile(text, read="postgres", write="snowflake", error_level=ErrorLevel.IGNORE)
    except Exception:
        failed += 1
elapsed = time.perf_counter() - start
label = sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]
print(
    f"sqlglot {sqlglot.__version__} on {label}: {len(texts)} files ({failed} raised), "
    f"{size/1e6:.2f} MB in {elapsed:.2f} s: {size/1e6/elapsed:.2f} MB/s"
)
