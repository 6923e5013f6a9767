#!/usr/bin/env python3
"""chart.py [RESULTS_DIR] [OUT_SVG]

Turns one run of the benchmark command into what docs/benchmarks.md shows, so nothing in it is typed by hand:
- OUT_SVG: the serialization chart (time of each way of reading or writing, relative to System.Text.Json's source
  generator, the dashed line), from the Serialization and Union reports;
- docs/benchmarks/results.md: the tables (floors beside the peers), the machine, and each goal of the speed issue
  computed from the numbers, met or not;
- docs/benchmarks.md, when the current folder has one: the same text, between <!-- benchmarks:results --> and
  <!-- /benchmarks:results -->; and, when the run has the OpenAPI benchmarks, their table and goals between
  <!-- benchmarks:openapi --> and <!-- /benchmarks:openapi --> (a run of those alone, `--filter '*OpenApi*'`, updates
  only that block); likewise the stream and paging benchmarks and transfer-memory.csv (`--transfer-memory`) between
  <!-- benchmarks:transfers --> and <!-- /benchmarks:transfers -->;
- docs/benchmarks.md and README.md, when the run has large-schemas.csv (`--large-schemas`): the large schemas' generator
  and compile times and lines per type, each beside the run kept in docs/benchmarks/large-schemas-before.csv (the run
  before a change of the generated code's shape), between <!-- benchmarks:large-schemas --> and
  <!-- /benchmarks:large-schemas --> (README.md: a summary between <!-- benchmarks:large-schemas-summary --> and its end);
- docs/benchmarks/: a copy of BenchmarkDotNet's reports (CSV and GitHub markdown) of the run, interleaved-ratios.csv and
  large-schemas.csv.
Reads BenchmarkDotNet's CSV reports in RESULTS_DIR (BenchmarkDotNet.Artifacts/results), and interleaved-ratios.csv
(InterleavedRatios: the same cases taking turns in one process), on which the serialization goals are judged when the
run wrote it. No dependencies."""
import csv, glob, html, os, re, shutil, sys

results = sys.argv[1] if len(sys.argv) > 1 else 'BenchmarkDotNet.Artifacts/results'
out = sys.argv[2] if len(sys.argv) > 2 else 'docs/benchmarks/serialization.svg'
docs = os.path.dirname(out) or '.'
page = os.path.join('docs', 'benchmarks.md')


def report(name):
    paths = glob.glob(os.path.join(results, f'*.{name}-report.csv'))
    return list(csv.DictReader(open(paths[0], encoding='utf-8-sig'))) if paths else []


def number(text):
    try:
        return float(text.replace(',', ''))
    except (AttributeError, ValueError):
        return None


def seconds(text):
    """'9.440 μs' -> 9.44e-6."""
    value, unit = text.replace(',', '').split()
    return float(value) * {'ns': 1e-9, 'μs': 1e-6, 'us': 1e-6, 'ms': 1e-3, 's': 1.0}[unit]


def octets(text):
    """'136 B', '8321.58 KB', '-' -> bytes."""
    if text.strip() in ('-', '0', ''):
        return 0.0
    value, unit = text.replace(',', '').split()
    return float(value) * {'B': 1, 'KB': 1024, 'MB': 1024 ** 2, 'GB': 1024 ** 3}[unit]


def time(row):
    """A benchmark's time: its median where BenchmarkDotNet reports one (robust to a shared machine), else its mean."""
    return seconds(row['Median'] if row.get('Median') else row['Mean'])


def duration(s):
    return f'{s * 1e6:,.1f} µs' if s < 1e-3 else f'{s * 1e3:,.2f} ms' if s < 1 else f'{s:,.2f} s'


def size(b):
    return f'{b:,.0f} B' if b < 10 * 1024 else f'{b / 1024:,.1f} KiB' if b < 10 * 1024 ** 2 else f'{b / 1024 ** 2:,.1f} MiB'


serialization = report('SerializationBenchmarks')
unions = report('UnionBenchmarks')
client = report('ClientBenchmarks')
generator = report('GeneratorBenchmarks')
compiled = report('GeneratedCodeCompileBenchmarks')
openapi = report('OpenApiGeneratorBenchmarks')
openapi_compiled = report('OpenApiCompileBenchmarks')
interleaved_path = os.path.join(results, 'interleaved-ratios.csv')
interleaved = list(csv.DictReader(open(interleaved_path, encoding='utf-8-sig'))) if os.path.exists(interleaved_path) else []


def machine_of(name):
    """The environment lines of a BenchmarkDotNet GitHub report: the machine, the SDK, the runtimes and the job."""
    paths = glob.glob(os.path.join(results, f'*.{name}-report-github.md'))
    if not paths:
        return ''
    head = open(paths[0], encoding='utf-8').read().split('```')[1].strip().splitlines()
    return '; '.join(line.strip() for line in head if line.strip() and not line.strip().startswith(('DefaultJob', 'Job=', 'LaunchCount', 'WarmupCount')))


def replace_block(name, text, path=page):
    """Writes TEXT between <!-- NAME --> and <!-- /NAME --> in PATH (docs/benchmarks.md)."""
    if not os.path.exists(path):
        return
    body = open(path, encoding='utf-8').read()
    start, end = f'<!-- {name} -->', f'<!-- /{name} -->'
    if start in body and end in body:
        body = body[:body.index(start) + len(start)] + '\n' + text + body[body.index(end):]
        open(path, 'w', encoding='utf-8').write(body)


# ---- OpenAPI at scale: GitHub's description, whole and filtered (its own block, written whenever the run has it) ----
if openapi:
    labels = {'github': 'GitHub, whole', 'github-issues': 'GitHub, `Operations` keeping the issues, a repository and a star'}
    compile_by = {r['Document']: r for r in openapi_compiled}
    block = ['The generator on GitHub\'s REST API description (`OpenApiGeneratorBenchmarks`: a full run with nothing cached, '
             'and a re-run after an unrelated C# edit; `OpenApiCompileBenchmarks`: the generated files parsed, bound and emitted '
             'to an assembly by Roslyn, in a compilation of their own, which every build of the project pays):', '',
             '| description | operations | full run | re-run after an unrelated edit | allocated (full run) | generated C# | compiling it |',
             '|---|---|---|---|---|---|---|']
    ok = []
    for document in ('github', 'github-issues'):
        full = next((r for r in openapi if r['Method'] == 'FullRun' and r['Document'] == document), None)
        rerun = next((r for r in openapi if r['Method'] == 'CachedRerun' and r['Document'] == document), None)
        if not full or not rerun:
            continue
        built = compile_by.get(document)
        code = (f'{int(built["GeneratedChars"]) / 1e6:,.1f} M characters, {int(built["GeneratedFiles"])} files'
                if built and built.get('GeneratedChars') else '')
        operations = f'{int(built["Operations"]):,}' if built and built.get('Operations') else ''
        block.append(f'| {labels[document]} | {operations} | {duration(time(full))} | {duration(time(rerun))} | '
                     f'{size(octets(full["Allocated"]))} | {code} | {duration(time(built)) if built else ""} |')
        if document == 'github':
            ok.append(f'- {"**met**" if time(full) < 2 else "**not met**"}: generator, full run on GitHub\'s description: '
                      f'{duration(time(full))} (goal < 2 s)')
            ok.append(f'- {"**met**" if time(rerun) < 5e-3 else "**not met**"}: generator, re-run after an unrelated edit on '
                      f'GitHub\'s description: {duration(time(rerun))} (goal < 5 ms)')
    block += ['', 'Goals of the OpenAPI issue, computed from these numbers by `chart.py`:', ''] + ok
    block += ['', f'Measured on: {machine_of("OpenApiGeneratorBenchmarks")}. Full reports: `docs/benchmarks/`.']
    replace_block('benchmarks:openapi', '\n'.join(block) + '\n')
    os.makedirs(docs, exist_ok=True)
    for path in glob.glob(os.path.join(results, '*.OpenApi*-report.csv')) + glob.glob(os.path.join(results, '*.OpenApi*-report-github.md')):
        shutil.copy(path, docs)

# ---- Streams, pages and large files (their own block, written whenever the run has them) ----
streams = report('StreamBenchmarks')
paging = report('PagingBenchmarks')
memory_path = os.path.join(results, 'transfer-memory.csv')
memory = list(csv.DictReader(open(memory_path, encoding='utf-8-sig'))) if os.path.exists(memory_path) else []
if streams or paging or memory:
    block, ok = [], []
    labels = {'SseParser_StjSourceGen': '`HttpClient` stream, `SseParser` (System.Net.ServerSentEvents), System.Text.Json source generator (baseline)',
              'HttpClient_GetFromJson_StjSourceGen': '`HttpClient`, `GetFromJsonAsync` per page with its token, System.Text.Json source generator (baseline)',
              'Client_Generated': 'the generated client (`await foreach`)'}
    for data, what, per in ((streams, '100,000 server-sent events in one response (`StreamBenchmarks`)', 'event'),
                            (paging, '100 pages of 20 assets by cursor (`PagingBenchmarks`)', 'page')):
        if not data:
            continue
        baseline = next((r for r in data if r['Method'] != 'Client_Generated'), None)
        ours = next((r for r in data if r['Method'] == 'Client_Generated'), None)
        block += [f'{what}, from Kestrel on 127.0.0.1, per {per}:', '',
                  f'| way | time per {per} | ratio | allocated per {per} |', '|---|---|---|---|']
        for row in (baseline, ours):
            if row:
                ratio = time(row) / time(baseline) if baseline else 1.0
                took = time(row)
                shown = f'{took * 1e9:,.0f} ns' if took < 1e-6 else duration(took)
                block.append(f'| {labels.get(row["Method"], row["Method"])} | {shown} | {ratio:.2f} | {size(octets(row["Allocated"]))} |')
        block.append('')
    if memory:
        block += ['The process\'s memory while 200 MiB go across (`TransferMemory`, `--transfer-memory 200`; working set and managed '
                  'heap sampled every millisecond, peaks above the idle process\'s; the buffered rows are what the sampling sees '
                  'when a body is held whole):', '',
                  '| transfer | working set, peak above idle | managed heap, peak above idle | allocated |', '|---|---|---|---|']
        names = {'Upload_Generated_ApiFileFromPath': 'upload, the generated client, `ApiFile.FromPath` in a multipart form',
                 'Download_Generated_ApiFileResponse': 'download, the generated client, `ApiFileResponse.Content` read to the end',
                 'Upload_Buffered_ByteArrayContent': 'upload, buffered: the file\'s bytes in a `ByteArrayContent`',
                 'Download_Buffered_GetByteArrayAsync': 'download, buffered: `HttpClient.GetByteArrayAsync`'}
        for row in memory:
            mib = int(row['Bytes']) / 1024 ** 2
            block.append(f'| {names.get(row["Case"], row["Case"])} ({mib:,.0f} MiB) | {float(row["PeakWorkingSetAboveIdleMiB"]):,.1f} MiB | '
                         f'{float(row["PeakManagedHeapAboveIdleMiB"]):,.1f} MiB | {float(row["AllocatedMiB"]):,.1f} MiB |')
            if row['Case'].split('_')[1] == 'Generated':
                peak = float(row['PeakWorkingSetAboveIdleMiB'])
                ok.append(f'- {"**met**" if peak < 16 else "**not met**"}: {row["Case"].split("_")[0].lower()} of {mib:,.0f} MiB through the '
                          f'generated client: the working set peaked {peak:,.1f} MiB above idle (goal: within a few MiB, < 16 MiB)')
        block.append('')
    block += ['Goals of the beyond-JSON issue, computed from these numbers by `chart.py`:', ''] + ok
    machine = machine_of('StreamBenchmarks') or machine_of('PagingBenchmarks')
    if machine:
        block += ['', f'Measured on: {machine}. Full reports: `docs/benchmarks/`.']
    replace_block('benchmarks:transfers', '\n'.join(block) + '\n')
    os.makedirs(docs, exist_ok=True)
    for path in ([p for name in ('StreamBenchmarks', 'PagingBenchmarks') for suffix in ('-report.csv', '-report-github.md')
                  for p in glob.glob(os.path.join(results, f'*.{name}{suffix}'))] + ([memory_path] if memory else [])):
        shutil.copy(path, docs)

# ---- Large schemas: generator, compile and lines per type, beside the run before (their own blocks) ----
large_path = os.path.join(results, 'large-schemas.csv')
large = list(csv.DictReader(open(large_path, encoding='utf-8-sig'))) if os.path.exists(large_path) else []
if large:
    before_path = os.path.join(docs, 'large-schemas-before.csv')
    before = {r['Schema']: r for r in csv.DictReader(open(before_path, encoding='utf-8-sig'))} if os.path.exists(before_path) else {}

    def per(row, lines, count):
        return int(row[lines]) / int(row[count]) if int(row[count]) else None

    def pair(after, before_row, show, of):
        """'before → after' of one measure (its value for a row with OF), or the value alone when there is no before."""
        now = of(after)
        if before_row is None:
            return show(now) if now is not None else ''
        then = of(before_row)
        return f'{show(then)} → {show(now)}' if now is not None and then is not None else ''

    lines_of = lambda v: f'{v:,.0f}'
    seconds_of = lambda v: f'{v:,.1f} s'
    ms_of = lambda v: f'{v:,.0f} ms'
    commits = f' (before: {next(iter(before.values()))["Commit"]}, after: {large[0]["Commit"]})' if before else f' ({large[0]["Commit"]})'
    block = ['The generator and the compiler on the largest schemas here (`LargeSchemaTimings`, `--large-schemas`: the Scenario '
             'schema, the JSON Schemas of `tests/RealSchemas` of 250 kB or more with their siblings, the OpenAPI descriptions '
             'of `tests/RealOpenApi` of 500 kB or more). Lines per type are each type emitted on its own, as in its own file; '
             'the generator is the median of 5 full runs; compiling is the generated files parsed, bound and emitted to an '
             f'assembly by Roslyn in a compilation of their own, the median of {large[0]["CompileRuns"]}, on the clock and in '
             f'processor time (every thread), with server GC as the compiler runs. Each cell: before → after{commits}.', '',
             '| schema | size | enums / records / unions | lines per string enum | lines per record | lines per union | generated lines | generator | compile | compile, processor |',
             '|---|---|---|---|---|---|---|---|---|---|']
    for row in large:
        b = before.get(row['Schema'])
        block.append(
            f'| {row["Schema"]} ({row["Input"]}) | {int(row["Bytes"]) / 1e6:.2f} MB | {int(row["Enums"]):,} / {int(row["Records"]):,} / {int(row["Unions"]):,} | '
            f'{pair(row, b, lines_of, lambda r: per(r, "StringEnumLines", "StringEnums"))} | '
            f'{pair(row, b, lines_of, lambda r: per(r, "RecordLines", "Records"))} | '
            f'{pair(row, b, lines_of, lambda r: per(r, "UnionLines", "Unions"))} | '
            f'{pair(row, b, lines_of, lambda r: int(r["GeneratedLines"]))} | '
            f'{pair(row, b, ms_of, lambda r: float(r["GeneratorMs"]))} | '
            f'{pair(row, b, seconds_of, lambda r: float(r["CompileSeconds"]))} | '
            f'{pair(row, b, seconds_of, lambda r: float(r["CompileCpuSeconds"]))} |')
    both = [(r, before[r['Schema']]) for r in large if r['Schema'] in before]
    total = lambda rows, key: sum(float(r[key]) for r in rows)
    if both:
        afters, befores = [a for a, _ in both], [b for _, b in both]
        block.append(f'| all {len(both)} | | | | | | {lines_of(total(befores, "GeneratedLines"))} → {lines_of(total(afters, "GeneratedLines"))} | '
                     f'{ms_of(total(befores, "GeneratorMs"))} → {ms_of(total(afters, "GeneratorMs"))} | '
                     f'{seconds_of(total(befores, "CompileSeconds"))} → {seconds_of(total(afters, "CompileSeconds"))} | '
                     f'{seconds_of(total(befores, "CompileCpuSeconds"))} → {seconds_of(total(afters, "CompileCpuSeconds"))} |')
    shares = [float(r['GeneratorMs']) / 1000 / float(r['CompileSeconds']) for r in large if float(r['CompileSeconds']) > 0]
    if shares:
        block += ['', f'Where the time goes: the generator\'s full run is {min(shares):.1%} to {max(shares):.1%} of the time the '
                  'compiler then spends on its output; compiling the generated code is the build\'s cost of a large schema.']
    loads = [float(r[k]) for r in large for k in ('LoadBefore', 'LoadAfter') if r.get(k)]
    before_loads = [float(r[k]) for r in before.values() for k in ('LoadBefore', 'LoadAfter') if r.get(k)]
    if loads:
        block += ['', f'The machine\'s load (one-minute average, 2 cores, shared with other builds) was {min(loads):.1f}–{max(loads):.1f} '
                  'during this run' + (f' and {min(before_loads):.1f}–{max(before_loads):.1f} during the run before' if before_loads else '')
                  + ': times on the clock move with it, processor times less.']
    replace_block('benchmarks:large-schemas', '\n'.join(block) + '\n')
    if both:
        summary = ['| schema | lines per string enum | generated lines | compiling them |', '|---|---|---|---|']
        for a, b in both:
            summary.append(f'| {a["Schema"]} ({int(a["Bytes"]) / 1e6:.1f} MB) | {pair(a, b, lines_of, lambda r: per(r, "StringEnumLines", "StringEnums"))} | '
                           f'{lines_of(int(b["GeneratedLines"]))} → {lines_of(int(a["GeneratedLines"]))} | '
                           f'{seconds_of(float(b["CompileSeconds"]))} → {seconds_of(float(a["CompileSeconds"]))} |')
        summary.append(f'| all {len(both)} | | {lines_of(total(befores, "GeneratedLines"))} → {lines_of(total(afters, "GeneratedLines"))} | '
                       f'{seconds_of(total(befores, "CompileSeconds"))} → {seconds_of(total(afters, "CompileSeconds"))} |')
        compile_times = [float(r['CompileSeconds']) for r in afters]
        generator_times = [float(r['GeneratorMs']) for r in afters]
        summary += ['', f'In the run after, compiling the generated code took {seconds_of(min(compile_times))} to '
                    f'{seconds_of(max(compile_times))} a schema, the generator\'s full run {ms_of(min(generator_times))} to '
                    f'{ms_of(max(generator_times))} ({min(shares):.1%} to {max(shares):.1%} of the compile time).']
        replace_block('benchmarks:large-schemas-summary', '\n'.join(summary) + '\n', 'README.md')
    os.makedirs(docs, exist_ok=True)
    shutil.copy(large_path, docs)

if not serialization:
    if openapi or streams or paging or memory or large:
        print(f'no SerializationBenchmarks report in {results}: wrote the OpenAPI, transfer and large-schema results only')
        sys.exit(0)
    sys.exit(f'no SerializationBenchmarks report in {results}')


def rows(data, category, payload):
    return {r['Method'].split('_', 1)[1]: r for r in data if r.get('Categories') == category and r['Payload'] == payload}


# ---- the chart -------------------------------------------------------------------------------------------------
colors = {'Generated': '#2b7bb9', 'StjSourceGen': '#7f7f7f', 'StjReflection': '#b3b3b3', 'Newtonsoft': '#d98c3a',
          'Utf8JsonReaderFloor': '#5aa05a', 'ScanAndStringsFloor': '#8cc98c', 'Utf8JsonWriterFloor': '#5aa05a',
          'Utf8JsonWriterValuesFloor': '#8cc98c'}
labels = {'Generated': 'Scenario.Generators', 'StjSourceGen': 'STJ source generator', 'StjReflection': 'STJ reflection',
          'Newtonsoft': 'Newtonsoft.Json', 'Utf8JsonReaderFloor': 'floor: Utf8JsonReader scan',
          'ScanAndStringsFloor': 'floor: scan + strings', 'Utf8JsonWriterFloor': 'floor: Utf8JsonWriter',
          'Utf8JsonWriterValuesFloor': 'floor: writer from values'}
groups = {}
for row in serialization + unions:
    baseline = rows(serialization + unions, row['Categories'], row['Payload']).get('StjSourceGen')
    if baseline is not None:
        groups.setdefault((row['Categories'], row['Payload']), []).append((row['Method'].split('_', 1)[1], time(row) / time(baseline)))
bar_h, gap, left, width = 18, 26, 200, 420
scale = max(r for g in groups.values() for _, r in g) * 1.1
y = 40
parts = []
for (category, payload), bars in sorted(groups.items()):
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
       f'<text x="10" y="18" font-size="14">Median time relative to System.Text.Json\'s source generator (dashed line = 1.0; shorter is faster)</text>'
       + ''.join(parts) + '</svg>\n')
os.makedirs(docs, exist_ok=True)
open(out, 'w', encoding='utf-8').write(svg)

# ---- the tables and the goals ------------------------------------------------------------------------------------
lines = []
goals = []


def goal(text, ok):
    goals.append(f'- {"**met**" if ok else "**not met**"}: {text}')


machine = machine_of('SerializationBenchmarks')

payloads = [p for p in ('seed (1 example)', '500 examples', '500 typed fields') if any(r['Payload'] == p for r in serialization)]
union_payloads = sorted({r['Payload'] for r in unions})
all_payloads = payloads + union_payloads
data = serialization + unions

lines.append('Median time relative to System.Text.Json\'s source generator in each column (lower is faster; allocations '
             'relative to it in brackets); the floors are what no serializer can avoid: a `Utf8JsonReader` pass over the tokens, '
             'the same pass allocating one string per string value, a `Utf8JsonWriter` writing the same tokens from bytes, and the '
             'same writer from values (strings from .NET strings, numbers from `long` or `double`: what any model\'s writer also '
             'converts). '
             'Times here are medians: on a shared machine a few slow iterations move a mean (the reports in `docs/benchmarks/` '
             'have both).')
lines.append('')
lines.append('| | ' + ' | '.join(all_payloads) + ' |')
lines.append('|---' * (len(all_payloads) + 1) + '|')
order = [('Deserialize', 'Generated', '**deserialize: Scenario.Generators**'), ('Deserialize', 'StjSourceGen', 'deserialize: STJ source generator'),
         ('Deserialize', 'StjReflection', 'deserialize: STJ reflection'), ('Deserialize', 'Newtonsoft', 'deserialize: Newtonsoft.Json'),
         ('Deserialize', 'Utf8JsonReaderFloor', 'deserialize floor: Utf8JsonReader scan'), ('Deserialize', 'ScanAndStringsFloor', 'deserialize floor: scan + strings'),
         ('Serialize', 'Generated', '**serialize: Scenario.Generators**'), ('Serialize', 'StjSourceGen', 'serialize: STJ source generator'),
         ('Serialize', 'StjReflection', 'serialize: STJ reflection'), ('Serialize', 'Newtonsoft', 'serialize: Newtonsoft.Json'),
         ('Serialize', 'Utf8JsonWriterFloor', 'serialize floor: Utf8JsonWriter'),
         ('Serialize', 'Utf8JsonWriterValuesFloor', 'serialize floor: Utf8JsonWriter from values')]
for category, method, label in order:
    cells = []
    for payload in all_payloads:
        row = rows(data, category, payload).get(method)
        if row is None:
            cells.append('')
            continue
        baseline = rows(data, category, payload)['StjSourceGen']
        ratio = time(row) / time(baseline)
        alloc = octets(row['Allocated']) / octets(baseline['Allocated'])
        text = f'{ratio:.2f} ({alloc:.2f})'
        cells.append(f'**{text}**' if method == 'Generated' else text)
    lines.append(f'| {label} | ' + ' | '.join(cells) + ' |')
lines.append('')

absolute = []
for payload in all_payloads:
    d, s = rows(data, 'Deserialize', payload), rows(data, 'Serialize', payload)
    if 'Generated' in d and 'StjSourceGen' in d and 'Generated' in s and 'StjSourceGen' in s:
        absolute.append(f'{payload}: read {duration(time(d["Generated"]))} vs {duration(time(d["StjSourceGen"]))}, '
                        f'write {duration(time(s["Generated"]))} vs {duration(time(s["StjSourceGen"]))}')
lines.append('Absolute times, Scenario.Generators vs STJ source generator: ' + '; '.join(absolute) + '.')
lines.append('')



def interleaved_row(category, payload, method='Generated'):
    """The interleaved run's row of one case, or None."""
    return next((r for r in interleaved if r['Category'] == category and r['Payload'] == payload and r['Method'] == method), None)


def side_by_side(category, payload, method='Generated'):
    """(time relative to STJ's source generator, time relative to the floor) of the interleaved run, or None."""
    row = interleaved_row(category, payload, method)
    return (float(row['RelativeToStjSourceGen']), float(row['RelativeToFloor'])) if row else None


def to_values_floor(payload):
    """Writing's time relative to the writer floor from values in the interleaved run, or None (not measured)."""
    row = interleaved_row('Serialize', payload)
    return float(row['RelativeToValuesFloor']) if row and row.get('RelativeToValuesFloor') else None


if interleaved:
    rounds = interleaved[0]['Rounds']
    lines.append(f'The same cases taking turns in one process (`InterleavedRatios`: 40 ms each, {rounds} rounds, the median of each '
                 'round\'s ratio), so that both sides of a ratio ran at the same speed of the machine; the goals below are judged on these:')
    lines.append('')
    lines.append('| | ' + ' | '.join(all_payloads) + ' |')
    lines.append('|---' * (len(all_payloads) + 1) + '|')
    for category, label, floor in (('Deserialize', 'deserialize', 'scan + strings floor'), ('Serialize', 'serialize', 'writer floor')):
        cells = [side_by_side(category, p) for p in all_payloads]
        lines.append(f'| {label}: × as fast as STJ\'s source generator | ' + ' | '.join(f'{1 / c[0]:.2f}' if c else '' for c in cells) + ' |')
        lines.append(f'| {label}: × the {floor} | ' + ' | '.join(f'{c[1]:.2f}' if c else '' for c in cells) + ' |')
    values = [to_values_floor(p) for p in all_payloads]
    if any(v is not None for v in values):
        lines.append('| serialize: × the writer floor from values | ' + ' | '.join(f'{v:.2f}' if v is not None else '' for v in values) + ' |')
    lines.append('')

judged = ' (side by side)' if interleaved else ''
for payload in payloads:
    s = rows(data, 'Serialize', payload)
    gen_w, stj_w, floor_w = (time(s[m]) for m in ('Generated', 'StjSourceGen', 'Utf8JsonWriterFloor'))
    pair = side_by_side('Serialize', payload)
    speedup, to_floor = (1 / pair[0], pair[1]) if pair else (stj_w / gen_w, gen_w / floor_w)
    values = to_values_floor(payload)
    beside = f'; {values:.2f}× the floor from values' if values is not None else ''
    goal(f'serialize {payload}{judged}: {speedup:.2f}× as fast as STJ\'s source generator (goal ≥ 1.5), {to_floor:.2f}× the writer floor '
         f'(goal ≤ 1.5{beside}), allocating {size(octets(s["Generated"]["Allocated"]))} (the writer floor: {size(octets(s["Utf8JsonWriterFloor"]["Allocated"]))})',
         speedup >= 1.5 and to_floor <= 1.5 and octets(s['Generated']['Allocated']) <= octets(s['Utf8JsonWriterFloor']['Allocated']))
for payload in all_payloads:
    d = rows(data, 'Deserialize', payload)
    gen_r, stj_r, floor_r = (time(d[m]) for m in ('Generated', 'StjSourceGen', 'ScanAndStringsFloor'))
    pair = side_by_side('Deserialize', payload)
    speedup, to_floor = (1 / pair[0], pair[1]) if pair else (stj_r / gen_r, gen_r / floor_r)
    target = 1.5 if payload in union_payloads else 2.0
    goal(f'deserialize {payload}{judged}: {speedup:.2f}× as fast as STJ\'s source generator (goal ≥ {target:g}), '
         f'{to_floor:.2f}× the scan + strings floor (goal ≤ 1.1)', speedup >= target and to_floor <= 1.1)

if client:
    lines.append('The client\'s list call against Kestrel on 127.0.0.1 in the same process (time and allocations per call, the '
                 'server\'s included; relative to a plain `HttpClient` with `GetFromJsonAsync` and STJ\'s source generator):')
    lines.append('')
    lines.append('| | ' + ' | '.join(sorted({r['Payload'] for r in client}, reverse=True)) + ' |')
    lines.append('|---|---|---|')
    names = {'Client_Generated': '**`ScenarioClient` … `ListAsync`**', 'HttpClient_GetFromJson_StjSourceGen': '`HttpClient.GetFromJsonAsync`, STJ source generator',
             'HttpClient_GetFromJson_GeneratedContext': '`HttpClient.GetFromJsonAsync`, generated context'}
    for method, label in names.items():
        cells = []
        for payload in sorted({r['Payload'] for r in client}, reverse=True):
            row = next((r for r in client if r['Method'] == method and r['Payload'] == payload), None)
            base = next((r for r in client if r['Method'] == 'HttpClient_GetFromJson_StjSourceGen' and r['Payload'] == payload), None)
            cells.append(f'{duration(time(row))}, {size(octets(row["Allocated"]))} ({time(row) / time(base):.2f}; {octets(row["Allocated"]) / octets(base["Allocated"]):.2f})' if row and base else '')
        lines.append(f'| {label} | ' + ' | '.join(cells) + ' |')
    lines.append('')

if generator:
    by = {(r['Method'], r['Scale'], r.get('Schema', 'scenario')): r for r in generator}
    lines.append('The generator\'s own cost (`GeneratorBenchmarks`; the synthetic schemas copy every definition N times; a full run '
                 'is parsing, mapping and emitting with nothing cached, the stages also on their own). Two schemas: the Scenario schema, '
                 'and the union-heavy orders schema of the union benchmarks:')
    lines.append('')
    compile = {r['Scale']: time(r) for r in compiled}
    lines.append('| schema | full run | parse | emit | re-run after an unrelated edit | allocated (full run) | compiling the generated code |')
    lines.append('|---|---|---|---|---|---|---|')
    schemas = (('scenario', 'Scenario', 47), ('orders', 'orders', 18))
    for schema, name, types in schemas:
        for scale in ('1', '10', '100'):
            if ('FullRun', scale, schema) in by:
                cell = lambda m: duration(time(by[(m, scale, schema)])) if (m, scale, schema) in by else ''
                label = f'{name} ({types} types)' if scale == '1' else f'{scale} × {name} ({int(scale) * types:,} types)'
                share = f'{duration(compile[scale])} (the full run: {time(by[("FullRun", scale, schema)]) / compile[scale]:.1%} of it)' if schema == 'scenario' and scale in compile else ''
                lines.append(f'| {label} | {cell("FullRun")} | {cell("Parse")} | {cell("Emit")} | {cell("CachedRerun")} | {size(octets(by[("FullRun", scale, schema)]["Allocated"]))} | {share} |')
    lines.append('')
    if compile:
        lines.append('Compiling the generated code (`GeneratedCodeCompileBenchmarks`: the generated files of the Scenario schema parsed, '
                     'bound and emitted to an assembly by Roslyn, in a compilation of their own) is what a build spends on the generator\'s '
                     'output; the last column sets the generator\'s own full run beside it.')
        lines.append('')
    if ('FullRun', '100', 'scenario') in by and ('FullRun', '10', 'scenario') in by:
        full100, full10 = time(by[('FullRun', '100', 'scenario')]), time(by[('FullRun', '10', 'scenario')])
        rerun100 = time(by[('CachedRerun', '100', 'scenario')])
        goal(f'generator, full run on the 100× schema: {duration(full100)} (goal < 0.5 s)', full100 < 0.5)
        goal(f'generator, re-run after an unrelated edit on the 100× schema: {duration(rerun100)} (goal < 5 ms)', rerun100 < 5e-3)
    for schema, name, _ in schemas:
        if ('FullRun', '100', schema) in by and ('FullRun', '10', schema) in by:
            full100, full10 = time(by[('FullRun', '100', schema)]), time(by[('FullRun', '10', schema)])
            goal(f'generator, linear in the schema\'s size ({name}): ×{full100 / full10:.1f} from 10× to 100× (goal ≈ ×10, at most ×12)', full100 / full10 <= 12)

lines.append('Goals of the speed issue, computed from these numbers by `chart.py`:')
lines.append('')
lines += goals
lines.append('')
budget = next((int(r['Gen0MaxBudget']) for r in interleaved if r.get('Gen0MaxBudget')), 0)
pinned = f'; the collector\'s gen-0 budget {budget / 1024 ** 2:g} MiB (`Gen0Budget.cs`)' if budget else ''
lines.append(f'Measured on: {machine}{pinned}. Full reports: `docs/benchmarks/`.')
text = '\n'.join(lines) + '\n'
open(os.path.join(docs, 'results.md'), 'w', encoding='utf-8').write('# Benchmark results\n\n' + text)

replace_block('benchmarks:results', text)

for path in glob.glob(os.path.join(results, '*-report.csv')) + glob.glob(os.path.join(results, '*-report-github.md')) + glob.glob(interleaved_path):
    shutil.copy(path, docs)
print('wrote', out, os.path.join(docs, 'results.md'), 'and the results in', page)
