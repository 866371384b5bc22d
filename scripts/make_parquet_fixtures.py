#!/usr/bin/env python3
"""Parquet test fixtures (tests/fixtures/parquet/), written by pyarrow and by DuckDB.

Writes, from the repository root:
- real/<pair>/{reference,production}.parquet: the real-data CSV pairs (tests/fixtures/real, and
  tests/fixtures/generated) read by pandas with the reader's default missing values
  ("", NA, NaN, null, ?) and written by pyarrow (zstd, dictionary pages, 1000-row row groups);
  real/bank/production.duckdb.parquet: bank's production file written by DuckDB from the same CSV
  (typed as BIGINT, DOUBLE or VARCHAR: DuckDB's CSV sniffer would make its "yes"/"no" columns BOOLEAN).
- types_<codec>.parquet (pyarrow): one table of every type the reader maps (ints, floats,
  decimals, booleans, dates, timestamps, strings, dictionary strings, nulls), nested columns (list,
  struct, map) it skips, and hostile column names, in 100-row row groups, once per compression codec;
  types_v2.parquet: the same with data page v2; types_duckdb.parquet: the same columns from DuckDB.
- types_expected.json: per column, what pandas reads from the pyarrow file (missing count, number
  sum, distinct values), the oracle the reader's tests compare with.
- windows/{reference.csv, production.csv, production.parquet}: seeded rows over four days around the
  Europe/Berlin spring DST change (unsorted, a few timestamps missing or not a date), the same
  production rows as CSV (written by pandas) and Parquet (pyarrow): the timestamp as TIMESTAMP with
  isAdjustedToUTC (ts_utc), as a naive TIMESTAMP (ts_local), as strings with offsets (ts_text) and as
  DATE (day), so windows cut by each column can be compared between the two files.
  (`python3 scripts/make_parquet_fixtures.py windows` writes only these.)
- texts.parquet: 80,000 rows of string columns past the reader's dictionary limit (a dictionary page
  that fills up, then PLAIN pages; PLAIN throughout; untyped bytes with invalid UTF-8), with spaces,
  missing markers, non-ASCII and long texts, and an INT64 column past 2^53: the reader hashes such
  texts from their bytes, which must give what their strings give.
  (`python3 scripts/make_parquet_fixtures.py texts` writes only this one.)

Pinned versions (Python 3.11.7): pyarrow 25.0.1, duckdb 1.5.6, pandas 3.0.6. Python is never a runtime
dependency. Usage: python3 scripts/make_parquet_fixtures.py
"""
import datetime as dt
import decimal
import json
import os

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

VERSIONS = {"pyarrow": "25.0.1", "duckdb": "1.5.6", "pandas": "3.0.6"}
for name, mod in (("pyarrow", pa), ("duckdb", duckdb), ("pandas", pd)):
    if mod.__version__ != VERSIONS[name]:
        raise SystemExit(f"{name} {mod.__version__} is not the pinned {VERSIONS[name]}")

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures")
OUT = os.path.join(FIXTURES, "parquet")
MISSING = ["", "NA", "NaN", "null", "?"]
PAIRS = {"adult": "real/adult", "bank": "real/bank", "electricity": "real/electricity", "bike": "real/bike", "generated": "generated"}

HOSTILE = {
    "quote": 'say "hi"',
    "html": "<img src=x onerror=alert(1)>",
    "delims": "a,b;c\td",
    "unicode": "ünïcödé 列 🚀",
    "proto": "__proto__",
    "formula": "=SUM(A1)",
    "backslash": "back\\slash",
}
ROWS = 300


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline()
    sep = ";" if head.count(";") > head.count(",") else ","
    return pd.read_csv(path, sep=sep, keep_default_na=False, na_values=MISSING)


def write_real():
    for pair, folder in PAIRS.items():
        os.makedirs(os.path.join(OUT, "real", pair), exist_ok=True)
        for side in ("reference", "production"):
            df = read_csv(os.path.join(FIXTURES, folder, f"{side}.csv"))
            table = pa.Table.from_pandas(df, preserve_index=False)
            pq.write_table(table, os.path.join(OUT, "real", pair, f"{side}.parquet"), compression="zstd", row_group_size=1000)
    src = os.path.join(FIXTURES, "real", "bank", "production.csv").replace("'", "''")
    dst = os.path.join(OUT, "real", "bank", "production.duckdb.parquet").replace("'", "''")
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM read_csv('{src}', delim=';', quote='\"', header=true, nullstr=['', 'NA', 'NaN', 'null', '?'], auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR'])) TO '{dst}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2048)")


def types_table():
    n = ROWS
    idx = range(n)
    cities = ["Paris", "Berlin", "Oslo", " Lima ", None]
    cols = {
        "id": pa.array([1000 + i for i in idx], pa.int64()),
        "small_int": pa.array([i % 5 for i in idx], pa.int32()),
        "big_int": pa.array([None if i % 17 == 0 else (i * 7919) % 1009 - 500 for i in idx], pa.int64()),
        "u8": pa.array([i % 3 for i in idx], pa.uint8()),
        "score": pa.array([None if i % 11 == 0 else (i * 0.37) % 13.1 - 2.5 for i in idx], pa.float64()),
        "ratio": pa.array([float((i * 13) % 97) / 8 for i in idx], pa.float32()),
        "price": pa.array([decimal.Decimal(f"{(i * 37) % 500}.{i % 100:02d}") for i in idx], pa.decimal128(10, 2)),
        "flag": pa.array([None if i % 13 == 0 else i % 3 == 0 for i in idx], pa.bool_()),
        "day": pa.array([dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in idx], pa.date32()),
        "ts": pa.array([dt.datetime(2024, 1, 1, 0, 0, 0) + dt.timedelta(minutes=37 * i) for i in idx], pa.timestamp("us")),
        "city": pa.array([cities[i % 5] for i in idx], pa.string()).dictionary_encode(),
        "comment": pa.array([None if i % 7 == 0 else f"note {i % 9}" for i in idx], pa.string()),
        "all_null": pa.array([None] * n, pa.float64()),
        "tags": pa.array([[f"t{i % 3}", "x"] if i % 4 else None for i in idx], pa.list_(pa.string())),
        "point": pa.array([{"x": i, "y": -i} for i in idx], pa.struct([("x", pa.int32()), ("y", pa.int32())])),
        "attrs": pa.array([[("k", i)] for i in idx], pa.map_(pa.string(), pa.int64())),
    }
    for key, name in HOSTILE.items():
        cols[name] = pa.array([f"{key}{i % 4}" if key != "proto" else ["a", "b"][i % 2] for i in idx], pa.string())
    cols["label"] = pa.array([i % 2 for i in idx], pa.int64())
    return pa.table(cols)


def write_types():
    table = types_table()
    for codec in ("none", "snappy", "gzip", "zstd", "brotli", "lz4"):
        pq.write_table(table, os.path.join(OUT, f"types_{codec}.parquet"), compression=codec, row_group_size=100, use_dictionary=True)
    pq.write_table(table, os.path.join(OUT, "types_v2.parquet"), compression="snappy", row_group_size=100, data_page_version="2.0")
    con = duckdb.connect()
    con.register("t", table)
    dst = os.path.join(OUT, "types_duckdb.parquet").replace("'", "''")
    con.execute(f"COPY (SELECT * FROM t) TO '{dst}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 128)")
    # What pandas reads: the oracle for the flat columns.
    df = pq.read_table(os.path.join(OUT, "types_none.parquet")).to_pandas()
    expected = {"versions": VERSIONS, "rows": ROWS, "columns": {}}
    for name in df.columns:
        s = df[name]
        if name in ("tags", "point", "attrs"):
            continue
        entry = {"missing": int(s.isna().sum())}
        present = s.dropna()
        if name in ("day", "ts"):
            entry["first"] = str(present.iloc[0])
        elif pd.api.types.is_bool_dtype(present) or name == "flag":
            entry["true"] = int((present == True).sum())  # noqa: E712
        elif name == "price":
            entry["sum"] = float(sum(float(v) for v in present))
        elif pd.api.types.is_numeric_dtype(present):
            entry["sum"] = float(present.astype(float).sum())
            entry["distinct"] = int(present.nunique())
        else:
            entry["distinct"] = sorted({str(v).strip() for v in present})
        expected["columns"][name] = entry
    with open(os.path.join(OUT, "types_expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")


def write_windows():
    import random

    out = os.path.join(OUT, "windows")
    os.makedirs(out, exist_ok=True)
    r = random.Random(12)
    plans = ["basic", "plus", "pro"]

    def features(shift):
        amount = round(r.gauss(50 + 8 * shift, 10), 2)
        return amount, plans[min(2, int(r.random() * 3 + shift * r.random()))], "yes" if r.random() < 0.2 + 0.3 * shift else "no"

    ref = [features(0) for _ in range(1500)]
    pd.DataFrame(ref, columns=["amount", "plan", "churn"]).to_csv(os.path.join(out, "reference.csv"), index=False)
    berlin = dt.timezone(dt.timedelta(hours=1))
    rows = []
    for day, shift in (("2024-03-29", 0), ("2024-03-30", 0), ("2024-03-31", 1), ("2024-04-01", 1)):
        for _ in range(150):
            h = int(r.random() * 24)
            m = int(r.random() * 60)
            ms = int(r.random() * 1000)
            # An instant written with a +01:00 offset (what a Berlin logger writes in winter time).
            at = dt.datetime.fromisoformat(day).replace(hour=h, minute=m, microsecond=ms * 1000, tzinfo=berlin)
            rows.append((at, *features(shift)))
    r.shuffle(rows)
    data = {"ts_utc": [], "ts_local": [], "ts_text": [], "day": [], "amount": [], "plan": [], "churn": []}
    for i, (at, amount, plan, churn) in enumerate(rows):
        utc = at.astimezone(dt.timezone.utc)
        missing = i % 97 == 5
        data["ts_utc"].append(None if missing else utc)
        # The wall clock of the writer (+01:00), without a zone.
        data["ts_local"].append(None if missing else at.replace(tzinfo=None))
        data["ts_text"].append("" if missing else "not a date" if i % 97 == 7 else at.isoformat(timespec="milliseconds"))
        data["day"].append(None if missing else at.date())
        data["amount"].append(amount)
        data["plan"].append(plan)
        data["churn"].append(churn)
    table = pa.table(
        {
            "ts_utc": pa.array(data["ts_utc"], pa.timestamp("ms", tz="UTC")),
            "ts_local": pa.array(data["ts_local"], pa.timestamp("us")),
            "ts_text": pa.array(data["ts_text"], pa.string()),
            "day": pa.array(data["day"], pa.date32()),
            "amount": pa.array(data["amount"], pa.float64()),
            "plan": pa.array(data["plan"], pa.string()),
            "churn": pa.array(data["churn"], pa.string()),
        }
    )
    pq.write_table(table, os.path.join(out, "production.parquet"), compression="zstd", row_group_size=250)
    # The same rows as a CSV, as pandas writes them (ISO text; an empty cell where missing).
    table.to_pandas().to_csv(os.path.join(out, "production.csv"), index=False)


TEXT_ROWS = 80_000  # past the reader's dictionary limit (65536 distinct texts) by some 10,000 rows


def text_value(i):
    """Row i of the many-texts column: mostly distinct ASCII, with what trimming, markers and decoding meet."""
    k = i % 23
    if k == 0:
        return None
    if k == 1:
        return ["", " ", "NA", " NA ", "null", "?", "NaN", "\tnull\n", "N/A", "Nope"][i % 10]
    if k == 2:
        return f"  pad {i}\t"
    if k == 3:
        return f"\x0b\x0c\r{i}\x1c"  # \x1c is no space for trim()
    if k == 4:
        return f"ünï {i} 列"
    if k == 5:
        return f"\u00a0nbsp {i}\u2003"  # Unicode spaces trim() removes
    if k == 6:
        return "N" + "x" * 300 + str(i)  # long, starts like a marker
    if k == 7 and i > 74_000:
        # An early value again once hashed, padded otherwise: the same text when trimmed.
        again = text_value(i * 7 % 70_000)
        return None if again is None else f"\t{again} \x0b"
    if k == 8:
        return f"nul\x00{i}"
    return f"2024-01-{1 + i % 28:02d} {i:07d}"


def write_texts():
    """texts.parquet: string columns past the dictionary limit, whose PLAIN pages the reader hashes from bytes."""
    n = TEXT_ROWS
    idx = range(n)
    texts = [text_value(i) for i in idx]
    table = pa.table(
        {
            # Dictionary-encoded until a small dictionary page is full, then PLAIN.
            "text": pa.array(texts, pa.string()),
            # PLAIN throughout (no dictionary), without nulls and required.
            "plain": pa.array([t if t is not None else "-" for t in reversed(texts)], pa.string()),
            # Bytes without a type (read as UTF-8), with invalid UTF-8 sequences.
            "raw": pa.array([None if i % 31 == 0 else (b"\xff\xfe%d" % i if i % 5 == 0 else b"r%d" % i) for i in idx], pa.binary()),
            # INT64 PLAIN, mostly null; past 2^53 (not all exact as doubles) and negative.
            "big": pa.array([(i * 0x9E3779B97F4A7C15) % (1 << 63) - (1 << 62) if i % 13 == 0 else None for i in idx], pa.int64()),
        }
    )
    schema = table.schema.set(1, pa.field("plain", pa.string(), nullable=False))
    pq.write_table(
        table.cast(schema),
        os.path.join(OUT, "texts.parquet"),
        compression="zstd",
        row_group_size=40_000,
        use_dictionary=["text"],
        dictionary_pagesize_limit=1 << 16,
        data_page_size=1 << 15,
    )


if __name__ == "__main__":
    import sys

    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ["texts"]:
        write_texts()
        sys.exit(0)
    if sys.argv[1:] != ["windows"]:
        write_real()
        write_types()
    write_windows()
    write_texts()
