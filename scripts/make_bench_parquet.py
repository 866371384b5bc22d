#!/usr/bin/env python3
"""The Parquet variant of a benchmark pair: .bench/gen_<rows>/{reference,production}.csv (made by
../shared/bench/gen_data.py, see scripts/bench.mjs) written to {reference,production}.parquet beside them
by pyarrow with its defaults (snappy, dictionary pages, row groups of at most 1Mi rows), after pandas reads
the CSVs with the reader's default missing values, so both formats hold the same columns and values.

Pinned versions (Python 3.11.7): pyarrow 25.0.1, pandas 3.0.6. Usage:
  python3 scripts/make_bench_parquet.py .bench/gen_1000000
"""
import os
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

VERSIONS = {"pyarrow": "25.0.1", "pandas": "3.0.6"}
for name, mod in (("pyarrow", pa), ("pandas", pd)):
    if mod.__version__ != VERSIONS[name]:
        raise SystemExit(f"{name} {mod.__version__} is not the pinned {VERSIONS[name]}")

MISSING = ["", "NA", "NaN", "null", "?"]

for folder in sys.argv[1:]:
    for side in ("reference", "production"):
        df = pd.read_csv(os.path.join(folder, f"{side}.csv"), keep_default_na=False, na_values=MISSING)
        pq.write_table(pa.Table.from_pandas(df, preserve_index=False), os.path.join(folder, f"{side}.parquet"))
        print(f"wrote {os.path.join(folder, side + '.parquet')}")
