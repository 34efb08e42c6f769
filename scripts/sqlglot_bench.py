"""sqlglot (postgres -> snowflake) over a folder of .sql files, one thread:
the comparison point for pg2sf's throughput. Statements sqlglot cannot
handle are skipped and counted; the time covers every attempt."""
import pathlib
import sys
import time

import logging

import sqlglot

logging.disable(logging.CRITICAL)

texts = [p.read_text(errors="replace") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.sql"))]
size = sum(len(t.encode()) for t in texts)
failed = 0
start = time.perf_counter()
for text in texts:
    try:
        sqlglot.transpile(text, read="postgres", write="snowflake")
    except Exception:
        failed += 1
elapsed = time.perf_counter() - start
print(f"sqlglot {sqlglot.__version__}: {len(texts)} files ({failed} failed), {size/1e6:.2f} MB in {elapsed:.2f} s: {size/1e6/elapsed:.2f} MB/s")
