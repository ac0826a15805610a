"""The benchmark's binary matrix file, read by both sides so no CSV parsing enters the timings.

Layout (little-endian): b"CLB1", int32 rows, int32 cols, 4 zero bytes, then float32 labels[rows],
then float32 features[rows * cols] row-major, NaN = missing.
"""
import numpy as np

MAGIC = b"CLB1"


def write_matrix(path, x, y):
    x = np.ascontiguousarray(x, dtype=np.float32)
    y = np.ascontiguousarray(y, dtype=np.float32)
    with open(path, "wb") as out:
        out.write(MAGIC)
        out.write(np.array([x.shape[0], x.shape[1], 0], dtype="<i4").tobytes())
        out.write(y.tobytes())
        out.write(x.tobytes())


def read_matrix(path, max_rows=None):
    with open(path, "rb") as src:
        if src.read(4) != MAGIC:
            raise SystemExit(f"{path}: not a CLB1 matrix file")
        rows, cols, _ = np.frombuffer(src.read(12), dtype="<i4")
        y = np.frombuffer(src.read(4 * rows), dtype="<f4")
        x = np.frombuffer(src.read(4 * rows * cols), dtype="<f4").reshape(rows, cols)
    if max_rows is not None and max_rows < rows:
        x, y = x[:max_rows], y[:max_rows]
    return x, y
