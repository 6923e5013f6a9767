#!/usr/bin/env python3
"""chart.py [RESULTS_DIR] [OUT_SVG]
Draws the serialization benchmarks as an SVG bar chart: for each payload and direction, the time of each way of
reading or writing, relative to System.Text.Json's source generator (1.0, the dashed line). Reads BenchmarkDotNet's
CSV report (BenchmarkDotNet.Artifacts/results/*SerializationBenchmarks-report.csv). No dependencies."""
import csv, glob, html, os, sys

results = sys.argv[1] if len(sys.argv) > 1 else 'BenchmarkDotNet.Artifacts/results'
out = sys.argv[2] if len(sys.argv) > 2 else 'docs/benchmarks.svg'
path = glob.glob(os.path.join(results, '*SerializationBenchmarks-report.csv'))[0]
rows = list(csv.DictReader(open(path, encoding='utf-8-sig')))

def ratio(row):
    value = row.get('Ratio', '').replace(',', '')
    try: return float(value)
    except ValueError: return None

groups = {}
for row in rows:
    r = ratio(row)
    if r is None: continue
    key = (row['Payload'], row['Categories'])
    groups.setdefault(key, []).append((row['Method'].split('_', 1)[1], r))

colors = {'Generated': '#2b7bb9', 'StjSourceGen': '#7f7f7f', 'StjReflection': '#b3b3b3', 'Newtonsoft': '#d98c3a',
          'Utf8JsonReaderFloor': '#5aa05a', 'Utf8JsonWriterFloor': '#5aa05a'}
labels = {'Generated': 'Scenario.Generators', 'StjSourceGen': 'STJ source generator', 'StjReflection': 'STJ reflection',
          'Newtonsoft': 'Newtonsoft.Json', 'Utf8JsonReaderFloor': 'Utf8JsonReader floor', 'Utf8JsonWriterFloor': 'Utf8JsonWriter floor'}
bar_h, gap, left, width = 18, 26, 190, 420
scale = max(r for g in groups.values() for _, r in g) * 1.1
y = 40
parts = []
for (payload, category), bars in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    parts.append(f'<text x="10" y="{y}" font-weight="bold">{html.escape(category)}: {html.escape(payload)}</text>')
    y += 8
    top = y
    for name, r in bars:
        w = r / scale * width
        parts.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{html.escape(labels.get(name, name))}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colors.get(name, "#999")}"/>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 13}">{r:.2f}×</text>')
        y += bar_h + 4
    x1 = left + width / scale
    parts.append(f'<line x1="{x1:.1f}" y1="{top - 2}" x2="{x1:.1f}" y2="{y}" stroke="#333" stroke-dasharray="4 3"/>')
    y += gap
svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{y}" font-family="sans-serif" font-size="12">'
       f'<text x="10" y="18" font-size="14">Time relative to System.Text.Json\'s source generator (dashed line = 1.0; shorter is faster)</text>'
       + ''.join(parts) + '</svg>\n')
os.makedirs(os.path.dirname(out) or '.', exist_ok=True)
open(out, 'w', encoding='utf-8').write(svg)
print('wrote', out)
