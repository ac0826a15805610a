"""Turns the JSON lines and peak RSS files of run.sh into a Markdown table with ratios.

Usage: report.py RESULTS_DIR COMMAND LOAD_BEFORE LOAD_AFTER
"""
import datetime
import json
import os
import platform
import sys

folder, command, load_before, load_after = sys.argv[1:5]


def load(label, side):
    with open(f"{folder}/{label}-{side}.json") as src:
        result = json.loads(src.read().strip().splitlines()[-1])
    with open(f"{folder}/{label}-{side}.rss") as src:
        result["rssGb"] = int(src.read().strip()) / 1024 / 1024
    return result


def cpu_model():
    with open("/proc/cpuinfo") as src:
        for line in src:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print(f"`{command}` ({now}; {os.cpu_count()} cores, {cpu_model()}; "
      f"load average before {load_before}, after {load_after})\n")
rows = [
    ("Training, wall s", "trainWall", "{:.1f}", "ours/xgb"),
    ("Training, CPU s", "trainCpu", "{:.1f}", "ours/xgb"),
    ("Holdout ROC-AUC", "auc", "{:.4f}", "diff"),
    ("Peak RSS, GB", "rssGb", "{:.2f}", "ours/xgb"),
    ("Prediction, holdout rows/s", "predictRowsPerSec", "{:,.0f}", "ours/xgb"),
    ("TreeSHAP batch, rows/s", "shapRowsPerSec", "{:,.0f}", "ours/xgb"),
    ("One-row SHAP, median ms", "oneRowShapMedianMs", "{:.2f}", "ours/xgb"),
    ("TreeSHAP batch, depth-6 model, rows/s", "depth6ShapRowsPerSec", "{:,.0f}", "ours/xgb"),
    ("One-row SHAP, depth-6 model, median ms", "depth6OneRowShapMedianMs", "{:.2f}", "ours/xgb"),
]
for label in ("synthetic", "home-credit"):
    if not os.path.exists(f"{folder}/{label}-ours.json"):
        continue
    ours, xgb = load(label, "ours"), load(label, "xgboost")
    print(f"**{label}**: {ours['trainRows']:,} training rows, {ours['holdoutRows']:,} holdout rows, "
          f"{ours['cols']} features, {ours['rounds']} rounds; SHAP on {ours['shapRows']:,} rows"
          + (f" (depth-6 model: {ours['depth6Rounds']} rounds on {ours['depth6TrainRows']:,} rows)"
             if "depth6Rounds" in ours else "") + "; "
          f"XGBoost {xgb['version']}\n")
    print("| Measure | Ours | XGBoost | Ratio |")
    print("|---|---:|---:|---:|")
    for name, key, fmt, kind in rows:
        if key not in ours or key not in xgb:
            continue
        a, b = ours[key], xgb[key]
        ratio = f"{a - b:+.4f}" if kind == "diff" else f"{a / b:.2f}×"
        print(f"| {name} | {fmt.format(a)} | {fmt.format(b)} | {ratio} |")
    print()
