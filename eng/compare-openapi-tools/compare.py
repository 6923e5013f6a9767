#!/usr/bin/env python3
"""Runs Scenario.Generators ("ours"), Kiota and NSwag side by side on the real OpenAPI documents of
tests/RealOpenApi and writes a Markdown and a CSV report. Called by eng/compare-openapi-tools.sh, which restores the
local tools and makes the work directory; see that script for the usage.

For each document and tool: generate (Kiota and NSwag: their command-line tools; ours: inside the build), restore
(not timed), build with --no-restore (timed), count the operations that became a callable method, and record the
first error. Python 3 standard library only.
"""
import argparse
import csv
import datetime
import gzip
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import time

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
TOOLS = ("ours", "kiota", "nswag")
TOOL_TITLES = {"ours": "Scenario.Generators", "kiota": "Kiota", "nswag": "NSwag"}
KIOTA_BUNDLE = ("Microsoft.Kiota.Bundle", "2.1.2")
NEWTONSOFT = ("Newtonsoft.Json", "13.0.4")
GITHUB = "github"

BUILD_FLAGS = ["-c", "Release", "-v", "quiet", "-nologo"]


# ---------------------------------------------------------------------------------------------------------------
# Running commands with a time bound

class Run:
    def __init__(self, code, seconds, cpu, output, timed_out):
        self.code, self.seconds, self.cpu, self.output, self.timed_out = code, seconds, cpu, output, timed_out

    @property
    def ok(self):
        return not self.timed_out and self.code == 0


def become_subreaper():
    """Linux: processes that the tools leave behind (MSBuild nodes) are reparented to this script, which reaps them,
    so their CPU time is counted in RUSAGE_CHILDREN."""
    try:
        import ctypes
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd, cwd, timeout, log_path=None, env=None):
    """Runs cmd in its own process group; on time-out the whole group is killed. Output (stdout+stderr) is kept.
    Measures the wall time and the CPU time (user + system) of the command and all its descendants."""
    reap()
    cpu_before = children_cpu()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
    seconds = time.monotonic() - start
    time.sleep(0.2)
    reap()
    cpu = children_cpu() - cpu_before
    text = out.decode("utf-8", errors="replace")
    if log_path:
        with open(log_path, "w", encoding="utf-8") as f:
            f.write("$ " + " ".join(cmd) + "\n" + text)
            f.write(f"\n[exit {proc.returncode}, {seconds:.2f} s, CPU {cpu:.2f} s{', TIMED OUT' if timed_out else ''}]\n")
    return Run(proc.returncode, seconds, cpu, text, timed_out)


# ---------------------------------------------------------------------------------------------------------------
# Reading build output

ERR_LINE = re.compile(r":\s*error\s+([A-Za-z]+\d+)?\s*:?")
WARN_COUNT = re.compile(r"^\s*(\d+)\s+Warning\(s\)", re.M)
ERR_COUNT = re.compile(r"^\s*(\d+)\s+Error\(s\)", re.M)


def shorten(line, limit=300):
    line = line.strip()
    line = re.sub(r"\s*\[[^\]]*\.csproj(::[^\]]*)?\]\s*$", "", line)  # MSBuild's trailing [project]
    line = re.sub(r"(?<![\w:/])(/[^\s:()']+/)([^/\s:()']+\.(cs|csproj|json|yaml|yml))", r"\2", line)  # paths -> names
    return line if len(line) <= limit else line[:limit - 1] + "…"


def build_counts(output):
    w = WARN_COUNT.findall(output)
    e = ERR_COUNT.findall(output)
    return (int(e[-1]) if e else None), (int(w[-1]) if w else None)


def first_error(output):
    for line in output.splitlines():
        if ERR_LINE.search(line):
            return shorten(line)
    return ""


# ---------------------------------------------------------------------------------------------------------------
# Counting operations

def count_document_operations(doc):
    return sum(1 for item in (doc.get("paths") or {}).values() if isinstance(item, dict)
               for key in item if key in HTTP_METHODS)


def readme_operation_counts(readme):
    """The operations column of tests/RealOpenApi/README.md's table (counted there by tools/check.js)."""
    counts = {}
    for line in open(readme, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[0].startswith("`") and cells[5].replace(",", "").isdigit():
            counts[cells[0].strip("`")] = int(cells[5].replace(",", ""))
    return counts


OURS_REQUEST = re.compile(r"new global::Scenario\.Runtime\.Http\.ApiRequest\(\s*([^,]+),\s*(\"(?:[^\"\\]|\\.)*\")")


def count_ours(generated_dir):
    """Each operation is one `new global::Scenario.Runtime.Http.ApiRequest(method, "template", …)` in the generated
    client. Returns (occurrences, distinct (method, template) pairs, has_client_file)."""
    occurrences, pairs, files = 0, set(), 0
    for root, _, names in os.walk(generated_dir):
        for name in names:
            if name.endswith(".cs"):
                files += 1
                text = open(os.path.join(root, name), encoding="utf-8", errors="replace").read()
                for m in OURS_REQUEST.finditer(text):
                    occurrences += 1
                    pairs.add((m.group(1).strip(), m.group(2)))
    return occurrences, len(pairs), files


KIOTA_EXECUTOR = re.compile(r"^\s*public\s+async\s+Task\b[^(]*?\s(Get|Put|Post|Delete|Options|Head|Patch|Trace)Async\(",
                            re.M)


def count_kiota(out_dir):
    """Kiota: one request builder class per path (one file), one `public async Task… {Verb}Async(` executor per
    operation. Kiota writes each executor twice (#if NETSTANDARD2_1_OR_GREATER nullable / #else), so the count is the
    number of distinct (request builder file, verb) pairs."""
    pairs = set()
    for root, _, names in os.walk(out_dir):
        for name in names:
            if name.endswith(".cs"):
                path = os.path.join(root, name)
                for m in KIOTA_EXECUTOR.finditer(open(path, encoding="utf-8", errors="replace").read()):
                    pairs.add((path, m.group(1)))
    return len(pairs)


NSWAG_METHOD = re.compile(r"^\s*public\s+virtual\s+async\s+System\.Threading\.Tasks\.Task\b[^\n]*?\s(\w+)Async\("
                          r"[^\n]*System\.Threading\.CancellationToken cancellationToken\)\s*$", re.M)


def count_nswag(client_file):
    """NSwag: per operation, `public virtual System.Threading.Tasks.Task… XAsync(…)` and its implementation
    `public virtual async System.Threading.Tasks.Task… XAsync(…, System.Threading.CancellationToken
    cancellationToken)`; the count is the number of those implementations (the interfaces are not counted)."""
    if not os.path.exists(client_file):
        return 0
    return len(NSWAG_METHOD.findall(open(client_file, encoding="utf-8", errors="replace").read()))


# ---------------------------------------------------------------------------------------------------------------
# Projects

def generated_kb(path):
    """Size of the generated C# (a file, or every .cs file under a folder), in KB."""
    if os.path.isfile(path):
        return round(os.path.getsize(path) / 1024)
    return round(sum(os.path.getsize(os.path.join(root, n)) for root, _, names in os.walk(path) for n in names
                     if n.endswith(".cs")) / 1024)


def pascal(slug):
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", slug) if part)
    return "Api" + name if name[:1].isdigit() else name


def write_project(path, items, extra_props=""):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <IsPackable>false</IsPackable>{extra_props}
  </PropertyGroup>
{items}
</Project>
""")


def ours_project(path, src, document):
    items = f"""  <Import Project="{src}/generator/build/Scenario.Generators.props" />
  <ItemGroup>
    <ProjectReference Include="{src}/generator/Scenario.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{src}/runtime/Scenario.Runtime.csproj" />
""" + (f"""    <AdditionalFiles Include="{document}" />
""" if document else "") + "  </ItemGroup>"
    write_project(path, items, "\n    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>")


def package_project(path, packages):
    refs = "\n".join(f'    <PackageReference Include="{n}" Version="{v}" />' for n, v in packages)
    write_project(path, f"  <ItemGroup>\n{refs}\n  </ItemGroup>")


# ---------------------------------------------------------------------------------------------------------------
# One tool on one document

def new_result(tool, doc):
    return {"tool": tool, "slug": doc["slug"], "openapi": doc["version"], "format": doc["format"],
            "document_operations": doc["operations"], "generated": "no", "generate_seconds": None,
            "generate_error": "", "compiled": "no", "errors": None, "warnings": None, "build_seconds": None,
            "build_error": "", "operations_covered": 0, "total_seconds": None, "generate_cpu": None, "build_cpu": None,
            "total_cpu": None, "generated_kb": None, "notes": "",
            "load_before": load_average()}


def load_average():
    """The 1-minute load average when a step starts: other work on the machine shows in the times."""
    try:
        return float(open("/proc/loadavg").read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def build(proj_dir, timeout, logs, tag, extra=()):
    restore = run(["dotnet", "restore", "-v", "quiet", "-nologo"], proj_dir, timeout, f"{logs}/{tag}.restore.log")
    if not restore.ok:
        return restore, None
    return restore, run(["dotnet", "build", "--no-restore", *BUILD_FLAGS, *extra], proj_dir, timeout,
                        f"{logs}/{tag}.build.log")


def record_build(result, restore, built):
    if built is None:
        result["compiled"] = "timeout" if restore.timed_out else "no"
        result["build_error"] = "restore failed: " + (first_error(restore.output) or shorten(restore.output[-300:]))
        return
    result["build_seconds"] = round(built.seconds, 2)
    result["build_cpu"] = round(built.cpu, 2)
    result["errors"], result["warnings"] = build_counts(built.output)
    if built.timed_out:
        result["compiled"] = "timeout"
        result["build_error"] = "timed out"
    elif built.ok and result["errors"] == 0:
        result["compiled"] = "yes"
    else:
        result["compiled"] = "no"
        result["build_error"] = first_error(built.output) or shorten(built.output.strip().splitlines()[-1:] and
                                                                     built.output.strip().splitlines()[-1] or "")


def run_ours(doc, ctx):
    r = new_result("ours", doc)
    d = os.path.join(ctx.work, "ours", doc["slug"])
    os.makedirs(d)
    ours_project(os.path.join(d, "Ours.csproj"), ctx.src, doc["path"])
    restore, built = build(d, ctx.timeout, ctx.logs, f"ours.{doc['slug']}", ["-p:BuildProjectReferences=false"])
    record_build(r, restore, built)
    output = (built.output if built else "")
    scengen_errors = sorted(set(re.findall(r"error (SCENGEN\d+)", output)))
    scengen_warnings = sorted(set(re.findall(r"warning (SCENGEN\d+)", output)))
    generated_dir = os.path.join(d, "obj", "Release", "net10.0", "generated")
    occurrences, distinct, files = count_ours(generated_dir)
    r["operations_covered"] = occurrences
    r["generated_kb"] = generated_kb(generated_dir) if files else None
    r["generated"] = "timeout" if built is not None and built.timed_out and files == 0 else \
        ("yes" if files > 0 and occurrences > 0 and not scengen_errors else "no")
    if r["generated"] != "yes":
        scengen_line = next((shorten(l) for l in output.splitlines() if "error SCENGEN" in l), "")
        r["generate_error"] = scengen_line or ("no generated client" if built is not None else "restore failed")
    notes = []
    if scengen_errors:
        notes.append("SCENGEN errors: " + " ".join(scengen_errors))
    if scengen_warnings:
        first = next((shorten(l, 200) for l in output.splitlines() if "warning SCENGEN" in l), "")
        notes.append(f"SCENGEN warnings: {' '.join(scengen_warnings)} (first: {first})")
    if distinct != occurrences:
        notes.append(f"{occurrences} ApiRequest constructions but {distinct} distinct (method, path) pairs")
    r["notes"] = "; ".join(notes)
    r["total_seconds"] = r["build_seconds"] if r["build_seconds"] is not None else float(ctx.timeout)
    r["total_cpu"] = r["build_cpu"]
    if not ctx.keep:
        shutil.rmtree(os.path.join(d, "bin"), ignore_errors=True)
    return r


UPDATE_CHECK = re.compile(r"check for updates|api\.github\.com")


def tool_failure(output):
    """The line of a failed tool run that says what went wrong: Kiota's last `crit:` message (Kiota logs one line of
    header, then the message), else the first exception or error line. Kiota's failed update check (it tries
    api.github.com at every run) is not an error of the document."""
    lines = [l for l in output.splitlines() if l.strip() and not l.lstrip().startswith("at ")]
    crit = [i for i, l in enumerate(lines) if re.match(r"\s*(crit|fail):", l)]
    if crit and crit[-1] + 1 < len(lines):
        return shorten(lines[crit[-1] + 1])
    for pattern in (r"Exception:", r"\b(crit|fail|error|Error)\b"):
        for l in lines:
            if re.search(pattern, l) and not UPDATE_CHECK.search(l):
                return shorten(l)
    return shorten(lines[-1]) if lines else ""


def run_generator_tool(tool, doc, ctx, cmd, out_path, counter, packages):
    r = new_result(tool, doc)
    d = os.path.join(ctx.work, tool, doc["slug"])
    os.makedirs(d)
    gen = run(cmd(d), ctx.root, ctx.timeout, f"{ctx.logs}/{tool}.{doc['slug']}.generate.log", ctx.env)
    r["generate_seconds"] = round(gen.seconds, 2)
    r["generate_cpu"] = r["total_cpu"] = round(gen.cpu, 2)
    produced = os.path.exists(os.path.join(d, out_path))
    if gen.timed_out:
        r["generated"], r["generate_error"] = "timeout", "timed out"
    elif gen.ok and produced:
        r["generated"] = "yes"
    else:
        r["generate_error"] = tool_failure(gen.output) or f"exit code {gen.code}"
    if r["generated"] != "yes":
        r["compiled"] = "not run"
        r["total_seconds"] = round(gen.seconds, 2) if not gen.timed_out else float(ctx.timeout)
        return r
    r["operations_covered"] = counter(os.path.join(d, out_path))
    r["generated_kb"] = generated_kb(os.path.join(d, out_path))
    package_project(os.path.join(d, f"{tool.capitalize()}Client.csproj"), packages)
    restore, built = build(d, ctx.timeout, ctx.logs, f"{tool}.{doc['slug']}")
    record_build(r, restore, built)
    r["total_seconds"] = round(gen.seconds + (r["build_seconds"] if r["build_seconds"] is not None else ctx.timeout), 2)
    r["total_cpu"] = round(gen.cpu + (r["build_cpu"] or 0), 2)
    if not ctx.keep:
        shutil.rmtree(os.path.join(d, "bin"), ignore_errors=True)
    return r


def run_kiota(doc, ctx):
    name = pascal(doc["slug"])
    return run_generator_tool(
        "kiota", doc, ctx,
        lambda d: ["dotnet", "tool", "run", "kiota", "generate", "-l", "CSharp", "-d", doc["path"],
                   "-o", os.path.join(d, "Generated"), "-c", f"{name}Client", "-n", f"Bench.Kiota.{name}",
                   "--exclude-backward-compatible", "--clean-output"],
        "Generated", count_kiota, [KIOTA_BUNDLE])


def run_nswag(doc, ctx):
    name = pascal(doc["slug"])
    return run_generator_tool(
        "nswag", doc, ctx,
        lambda d: ["dotnet", "tool", "run", "nswag", "openapi2csclient", f"/input:{doc['path']}",
                   f"/output:{os.path.join(d, 'Client.cs')}", f"/namespace:Bench.NSwag.{name}",
                   f"/ClassName:{name}Client", "/GenerateClientInterfaces:true"],
        "Client.cs", count_nswag, [NEWTONSOFT])


RUNNERS = {"ours": run_ours, "kiota": run_kiota, "nswag": run_nswag}


# ---------------------------------------------------------------------------------------------------------------
# The corpus

def openapi_version(path):
    """The document's `openapi` or `swagger` version: from the parsed JSON, or a YAML document's top-level line."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        text = f.read()
    if ".json" in os.path.basename(path):
        doc = json.loads(text)
        return str(doc.get("openapi") or doc.get("swagger") or "?")
    m = re.search(r"^[\"']?(openapi|swagger)[\"']?\s*:\s*[\"']?([0-9.]+)", text, re.M)
    return m.group(2) if m else "?"


def corpus(root, work, slugs, with_github):
    base = os.path.join(root, "tests", "RealOpenApi")
    readme = readme_operation_counts(os.path.join(base, "README.md"))
    all_slugs = sorted(s for s in os.listdir(base) if os.path.isdir(os.path.join(base, s))
                       and any(n.startswith(s + ".openapi.") for n in os.listdir(os.path.join(base, s))))
    wanted = list(slugs) or all_slugs + ([GITHUB] if with_github else [])
    docs = []
    for slug in wanted:
        if slug == GITHUB:
            gz = os.path.join(base, "github", "api.github.com.openapi.json.gz")
            path = os.path.join(work, "documents", "github.openapi.json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with gzip.open(gz, "rb") as src, open(path, "wb") as dst:
                shutil.copyfileobj(src, dst)
            fmt = "json.gz"
        else:
            if slug not in all_slugs:
                sys.exit(f"no document tests/RealOpenApi/{slug}/{slug}.openapi.*")
            name = next(n for n in os.listdir(os.path.join(base, slug)) if n.startswith(slug + ".openapi."))
            path = os.path.join(base, slug, name)
            fmt = name.rsplit(".", 1)[1]
        if path.endswith(".json"):
            ops = count_document_operations(json.load(open(path, encoding="utf-8")))
            if slug in readme and readme[slug] != ops:
                print(f"warning: {slug}: README.md says {readme[slug]} operations, counted {ops}", file=sys.stderr)
            source = "counted"
        else:
            ops, source = readme[slug], "README.md"
        docs.append({"slug": slug, "path": path, "format": fmt, "operations": ops, "operations_from": source,
                     "version": openapi_version(path if slug != GITHUB else path)})
    return docs


# ---------------------------------------------------------------------------------------------------------------
# Report

def fmt_seconds(s):
    return "" if s is None else f"{s:.1f}"


def cell_compiled(r):
    if r["compiled"] in ("yes", "no") and r["errors"] is not None:
        return f"{r['compiled']} ({r['errors']} E / {r['warnings']} W)"
    return r["compiled"]


def summarize(results, tool, slugs):
    rows = [r for r in results if r["tool"] == tool and r["slug"] in slugs]
    total_ops = sum(r["document_operations"] for r in rows)
    return {
        "documents": len(rows),
        "generated": sum(r["generated"] == "yes" for r in rows),
        "compiled": sum(r["compiled"] == "yes" for r in rows),
        "methods": sum(r["operations_covered"] for r in rows if r["generated"] == "yes"),
        "callable": sum(r["operations_covered"] for r in rows if r["compiled"] == "yes"),
        "total_ops": total_ops,
        "warnings": sum(r["warnings"] or 0 for r in rows if r["compiled"] == "yes"),
        "seconds": sum(r["total_seconds"] or 0 for r in rows),
        "generate_seconds": sum(r["generate_seconds"] or 0 for r in rows),
        "build_seconds": sum(r["build_seconds"] or 0 for r in rows),
        "cpu": sum(r.get("total_cpu") or 0 for r in rows),
        "kb": sum(r.get("generated_kb") or 0 for r in rows if r["generated"] == "yes"),
    }


def write_csv(results, path):
    fields = ["tool", "slug", "openapi", "format", "document_operations", "generated", "generate_seconds",
              "generate_error", "compiled", "errors", "warnings", "build_seconds", "build_error",
              "operations_covered", "total_seconds", "generate_cpu", "build_cpu", "total_cpu", "generated_kb", "load_before", "notes"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in results:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in fields})


def md_escape(text):
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(results, meta, path):
    slugs = []
    for r in results:
        if r["slug"] not in slugs:
            slugs.append(r["slug"])
    corpus_slugs = [s for s in slugs if s != GITHUB]
    by = {(r["tool"], r["slug"]): r for r in results}
    tools = [t for t in TOOLS if any(r["tool"] == t for r in results)]
    L = []
    L.append("# OpenAPI client generators for .NET, side by side on the real documents")
    L.append("")
    L.append(f"Made by `bash eng/compare-openapi-tools.sh{meta['args']}` on {meta['date']}. One run, documents one "
             f"after the other, the three tools in turn on each document; single measurements, not averages.")
    L.append("")
    L.append(f"- Machine: {meta['nproc']} cores (`nproc`), {meta['cpu']}, {meta['memory']}, {meta['os']}.")
    L.append(f"- .NET SDK {meta['sdk']}; every project: `net10.0` class library, `<Nullable>enable</Nullable>`, "
             "`<TreatWarningsAsErrors>false</TreatWarningsAsErrors>`, outside the repository (no Directory.Build.props).")
    L.append(f"- Scenario.Generators: the repository at `{meta['commit']}` (working tree copied at the start of the run, "
             "generator and runtime built once in Release), referenced as the README says (ProjectReference to "
             "`generator/` as an analyzer and to `runtime/`, the generator's props imported, the document as "
             "`AdditionalFiles`), with `<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>`.")
    L.append(f"- Kiota {meta['kiota']} (dotnet tool `Microsoft.OpenApi.Kiota`, from `.config/dotnet-tools.json`): "
             "`kiota generate -l CSharp -d DOC -o DIR -c NameClient -n Bench.Kiota.Name --exclude-backward-compatible "
             f"--clean-output`; the project references `{KIOTA_BUNDLE[0]}` {KIOTA_BUNDLE[1]} (what `kiota info -l "
             "CSharp` lists; the Azure authentication package is optional and left out).")
    L.append(f"- NSwag {meta['nswag']} (dotnet tool `NSwag.ConsoleCore`): `nswag openapi2csclient /input:DOC "
             "/output:DIR/Client.cs /namespace:Bench.NSwag.Name /ClassName:NameClient /GenerateClientInterfaces:true` "
             f"(other settings at their defaults: Newtonsoft.Json); the project references `{NEWTONSOFT[0]}` "
             f"{NEWTONSOFT[1]} (System.ComponentModel.Annotations is part of net10.0).")
    env = meta.get("env", build_environment())
    if env:
        L.append(f"- Build environment of this machine: {env} (so every build starts its own compiler and MSBuild, "
                 "for the three tools alike; the warm-up then only warms the disk cache and the package cache).")
    L.append(f"- Time bound: {meta['timeout']} s for each step (generation, restore, build); a step that runs out "
             "counts as not generated / not compiled, and its time as the bound.")
    L.append("")
    L.append("## How it was measured")
    L.append("")
    L.append("- **Time** = generation + compile. Kiota and NSwag: the wall time of the tool's command (`dotnet tool run "
             "…`, process start included) plus the build. Ours generates inside the compiler, so its time is the build "
             "alone. Every build is `dotnet build --no-restore -c Release -v quiet -nologo` after a separate, untimed "
             "`dotnet restore`. Before the first document, an empty project of each kind (ours with the generator and "
             "runtime references, one with the Kiota bundle, one with Newtonsoft.Json) is restored and built, so SDK "
             "start-up, the compiler server and the package cache are warm for all three alike. Ours is built with "
             "`-p:BuildProjectReferences=false`: the generator and runtime were built once before (as Kiota's and "
             "NSwag's packages come built), so their up-to-date checks are not counted to every document.")
    L.append("- **CPU** = user + system time of the command and every process it started (csc, MSBuild nodes), read "
             "with `getrusage(RUSAGE_CHILDREN)` around each step. The machine may be busy with other work while this "
             "runs (the `load_before` column of the CSV has the 1-minute load average when each step started): wall "
             "times then grow with the load, CPU times much less, so compare tools on CPU time.")
    L.append("- **Generated C#** = the size of the generated `.cs` files (ours: those the generator wrote under "
             "`obj/…/generated/`; Kiota: its output folder; NSwag: `Client.cs`); most of a build's time is compiling it.")
    L.append("- **Compiled** = the build exits 0 with `0 Error(s)`; E / W are MSBuild's `N Error(s)` / `N Warning(s)`. "
             "Kiota and NSwag are compiled only when they generated.")
    L.append("- **Operations** of a document: every (path, method) under `paths` for get, put, post, delete, options, "
             "head, patch and trace. JSON documents are counted by this script (they agree with "
             "tests/RealOpenApi/README.md); YAML documents (no YAML reader in Python's standard library) take the "
             "number in tests/RealOpenApi/README.md's table, counted the same way by the corpus tool "
             "(`tests/RealOpenApi/tools/check.js`).")
    L.append("- **Operations covered** (methods found in the generated code):")
    L.append("  - ours: the number of `new global::Scenario.Runtime.Http.ApiRequest(` in the generated files under "
             "`obj/Release/net10.0/generated/` (each operation's request builder makes one; the script also checks "
             "they are distinct (method, path template) pairs). Generated = the build produced them and reported no "
             "`error SCENGEN…`.")
    L.append("  - Kiota: the number of distinct (request builder file, verb) pairs among methods matching "
             "`public async Task… {Get|Put|Post|Delete|Options|Head|Patch|Trace}Async(` — one request builder per "
             "path, one executor per operation; Kiota writes each executor twice (`#if NETSTANDARD2_1_OR_GREATER` "
             "with nullable annotations, `#else` without), hence distinct pairs.")
    L.append("  - NSwag: the number of lines `public virtual async System.Threading.Tasks.Task… NameAsync(…, "
             "System.Threading.CancellationToken cancellationToken)` — the implementation each operation gets beside "
             "its overload without a token (the interface declarations are not counted).")
    L.append("  - *Callable* (summary) counts only documents whose code compiled with zero errors.")
    L.append("")
    L.append("## Summary (the 35 documents of tests/RealOpenApi)" if len(corpus_slugs) == 35 else
             f"## Summary ({len(corpus_slugs)} documents)")
    L.append("")
    L.append("| tool | documents generated | compiled with 0 errors | operations covered (in generated code) / total "
             "| operations callable (compiled documents) / total | warnings (compiled documents) | generation time (s) "
             "| build time (s) | total time (s) | total CPU time (s) | generated C# (MB) |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for t in tools:
        s = summarize(results, t, corpus_slugs)
        L.append(f"| {TOOL_TITLES[t]} | {s['generated']} / {s['documents']} | {s['compiled']} / {s['documents']} | "
                 f"{s['methods']:,} / {s['total_ops']:,} | {s['callable']:,} / {s['total_ops']:,} | {s['warnings']:,} | "
                 f"{'(in the build)' if t == 'ours' else format(s['generate_seconds'], '.1f')} | {s['build_seconds']:.1f} | "
                 f"{s['seconds']:.1f} | {s['cpu']:.1f} | {s['kb'] / 1024:.1f} |")
    L.append("")
    L.append("Ours generates inside the build, so its generation time is part of its build time. Times of documents "
             "that did not generate count the failed generation only; a time-out counts as the bound.")
    L.append("")
    common = [slug for slug in corpus_slugs if all(by.get((t, slug), {}).get("compiled") == "yes" for t in tools)]
    if len(tools) > 1 and common:
        L.append(f"The same work for every tool — the {len(common)} documents that all {len(tools)} tools generated and "
                 "compiled with zero errors:")
        L.append("")
        L.append("| tool | documents | operations covered / total | total time (s) | total CPU time (s) "
                 "| generated C# (MB) |")
        L.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for t in tools:
            c = summarize(results, t, common)
            L.append(f"| {TOOL_TITLES[t]} | {c['documents']} | {c['methods']:,} / {c['total_ops']:,} | "
                     f"{c['seconds']:.1f} | {c['cpu']:.1f} | {c['kb'] / 1024:.1f} |")
        L.append("")
    versions = sorted({".".join(by[(tools[0], slug)]["openapi"].split(".")[:2]) for slug in corpus_slugs})
    if corpus_slugs:
        L.append("Documents compiled with zero errors, by OpenAPI version (NSwag 14 reads 3.1 documents as 3.0, with no "
                 "warning of its own):")
        L.append("")
        L.append("| tool | " + " | ".join(f"{v} ({sum(1 for slug in corpus_slugs if by[(tools[0], slug)]['openapi'].startswith(v))})"
                                         for v in versions) + " |")
        L.append("| --- |" + " ---: |" * len(versions))
        for t in tools:
            L.append(f"| {TOOL_TITLES[t]} | " + " | ".join(
                str(sum(1 for slug in corpus_slugs if by[(t, slug)]["openapi"].startswith(v)
                        and by[(t, slug)]["compiled"] == "yes")) for v in versions) + " |")
        L.append("")
    loads = [r["load_before"] for r in results if r.get("load_before") is not None]
    if loads:
        L.append(f"1-minute load average when the steps started: {min(loads):.1f} to {max(loads):.1f} "
                 f"(median {sorted(loads)[len(loads) // 2]:.1f}) on {meta['nproc']} cores.")
        L.append("")

    def doc_table(title, which):
        L.append(title)
        L.append("")
        head = "| document | OpenAPI | ops |"
        sep = "| --- | --- | ---: |"
        for t in tools:
            n = TOOL_TITLES[t] if t != "ours" else "ours"
            head += f" {n}: generated | {n}: compiled (E / W) | {n}: ops | {n}: s (CPU s) |"
            sep += " --- | --- | ---: | ---: |"
        L.append(head)
        L.append(sep)
        for slug in which:
            any_r = next(r for r in results if r["slug"] == slug)
            row = f"| `{slug}` | {any_r['openapi']} {any_r['format']} | {any_r['document_operations']} |"
            for t in tools:
                r = by.get((t, slug))
                if r is None:
                    row += " | | | |"
                    continue
                ops = f"{r['operations_covered']}" if r["generated"] == "yes" else "–"
                cpu = f" ({fmt_seconds(r['total_cpu'])})" if r.get("total_cpu") is not None else ""
                row += (f" {r['generated']} | {cell_compiled(r)} | {ops} | {fmt_seconds(r['total_seconds'])}{cpu} |")
            L.append(row)
        L.append("")

    doc_table("## Per document", corpus_slugs)
    if GITHUB in slugs:
        doc_table("## GitHub's description (scale test, not in the summary)", [GITHUB])

    L.append("## Failures and notes")
    L.append("")
    L.append("The first error each tool reported (generation: the tool's own message; build: the first `error` line of "
             "the build output, paths shortened to file names).")
    L.append("")
    for t in tools:
        L.append(f"### {TOOL_TITLES[t]}")
        L.append("")
        lines = []
        for slug in slugs:
            r = by.get((t, slug))
            if r is None:
                continue
            if r["generated"] != "yes":
                lines.append(f"- `{slug}`: not generated ({r['generated']}): `{md_escape(r['generate_error'])}`")
            elif r["compiled"] != "yes":
                lines.append(f"- `{slug}`: not compiled ({cell_compiled(r)}): `{md_escape(r['build_error'])}`")
            if r["generated"] == "yes" and r["operations_covered"] != r["document_operations"]:
                lines.append(f"- `{slug}`: {r['operations_covered']} of {r['document_operations']} operations "
                             "became methods")
            if r["notes"]:
                lines.append(f"- `{slug}`: {md_escape(r['notes'])}")
        L.extend(lines or ["- none"])
        L.append("")
    L.append(f"Raw results, one row per tool and document: `{os.path.basename(path)[:-3]}.csv` beside this file.")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


# ---------------------------------------------------------------------------------------------------------------
# Main

class Context:
    pass


def machine_meta(ctx, args):
    cpu = "?"
    for line in open("/proc/cpuinfo", encoding="utf-8", errors="replace"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "?"
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB memory"
    def out(cmd, cwd=None):
        try:
            return subprocess.run(cmd, cwd=cwd or ctx.root, capture_output=True, text=True, timeout=120,
                                  env=ctx.env).stdout.strip()
        except Exception:
            return "?"
    nswag = re.search(r"NSwag version:\s*([\d.]+)", out(["dotnet", "tool", "run", "nswag", "version"]))
    kiota = out(["dotnet", "tool", "run", "kiota", "--version"]).split("+")[0]
    commit = out(["git", "describe", "--always", "--dirty", "--abbrev=12"]) or "?"
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "memory": mem,
            "os": f"{platform.system()} {platform.release()}", "sdk": out(["dotnet", "--version"]),
            "kiota": kiota or "?", "nswag": nswag.group(1) if nswag else "?", "commit": commit,
            "timeout": ctx.timeout, "args": "".join(" " + a for a in args), "env": build_environment()}


BUILD_ENV_NAMES = ("UseSharedCompilation", "MSBUILDDISABLENODEREUSE", "DOTNET_CLI_USE_MSBUILD_SERVER")


def build_environment():
    """The environment variables set on this machine that change how builds run (they apply to all three tools)."""
    return ", ".join(f"`{n}={os.environ[n]}`" for n in BUILD_ENV_NAMES if n in os.environ)


def warm_up(ctx):
    print("warm-up: empty projects (ours, Kiota bundle, Newtonsoft.Json), and each tool once", flush=True)
    for tool, make in (("ours", lambda p: ours_project(p, ctx.src, None)),
                       ("kiota", lambda p: package_project(p, [KIOTA_BUNDLE])),
                       ("nswag", lambda p: package_project(p, [NEWTONSOFT]))):
        d = os.path.join(ctx.work, "warmup", tool)
        os.makedirs(d)
        make(os.path.join(d, "Warmup.csproj"))
        with open(os.path.join(d, "Empty.cs"), "w") as f:
            f.write("namespace Warmup { public static class Empty { } }\n")
        restore, built = build(d, ctx.timeout, ctx.logs, f"warmup.{tool}")
        if built is None or not built.ok:
            print(f"warm-up build of {tool} failed; see {ctx.logs}/warmup.{tool}.*.log", file=sys.stderr)
            print((built or restore).output[-3000:], file=sys.stderr)
            sys.exit(1)
        # Second build of the same project: up to date, warms the build server's caches.
        run(["dotnet", "build", "--no-restore", *BUILD_FLAGS], d, ctx.timeout)
    run(["dotnet", "tool", "run", "kiota", "--version"], ctx.root, ctx.timeout, env=ctx.env)
    run(["dotnet", "tool", "run", "nswag", "version"], ctx.root, ctx.timeout, env=ctx.env)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--src", help="the copy of the repository whose generator and runtime are referenced")
    p.add_argument("--work", required=True)
    p.add_argument("--timeout", type=int, default=600)
    p.add_argument("--with-github", action="store_true")
    p.add_argument("--tools", default=",".join(TOOLS))
    p.add_argument("--out", help="folder for openapi-tools.md/.csv (default: docs/benchmarks for the whole corpus, "
                                 "else the work folder)")
    p.add_argument("--keep", action="store_true", help="keep the builds' bin folders")
    p.add_argument("--render", help="only write the report from this results.jsonl")
    p.add_argument("--args", default="", help="the arguments the shell script got, for the report")
    p.add_argument("slugs", nargs="*")
    a = p.parse_args()
    become_subreaper()

    ctx = Context()
    ctx.root, ctx.src, ctx.work, ctx.timeout, ctx.keep = a.root, a.src, a.work, a.timeout, a.keep
    ctx.logs = os.path.join(a.work, "logs")
    os.makedirs(ctx.logs, exist_ok=True)
    ctx.env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    out_dir = a.out or (os.path.join(a.root, "docs", "benchmarks") if not a.slugs else a.work)
    md, csv_path = os.path.join(out_dir, "openapi-tools.md"), os.path.join(out_dir, "openapi-tools.csv")

    if a.render:
        lines = [json.loads(l) for l in open(a.render, encoding="utf-8") if l.strip()]
        meta = next(l["meta"] for l in lines if "meta" in l)
        results = [l for l in lines if "tool" in l]
        logs = os.path.join(os.path.dirname(os.path.abspath(a.render)), "logs")
        for r in results:  # the first error again from the logs, in case the rule that finds it changed since
            log = os.path.join(logs, f"{r['tool']}.{r['slug']}.generate.log")
            if r["tool"] != "ours" and r["generated"] == "no" and os.path.exists(log):
                text = open(log, encoding="utf-8", errors="replace").read()
                r["generate_error"] = tool_failure(text.split("\n", 1)[1].rsplit("\n[exit", 1)[0])
        write_csv(results, csv_path)
        write_markdown(results, meta, md)
        print(f"wrote {md} and {csv_path}")
        return

    tools = [t for t in a.tools.split(",") if t]
    docs = corpus(a.root, a.work, a.slugs, a.with_github)
    meta = machine_meta(ctx, a.args.split())
    jsonl = os.path.join(a.work, "results.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        f.write(json.dumps({"meta": meta}) + "\n")
    warm_up(ctx)

    results = []
    print(f"{'document':30} {'tool':6} {'gen':8} {'compiled':22} {'ops':>11} {'s':>7} {'CPU s':>7}  first error",
          flush=True)
    for doc in docs:
        for tool in tools:
            r = RUNNERS[tool](doc, ctx)
            results.append(r)
            with open(jsonl, "a", encoding="utf-8") as f:
                f.write(json.dumps(r) + "\n")
            err = r["generate_error"] or r["build_error"]
            print(f"{doc['slug']:30} {tool:6} {r['generated']:8} {cell_compiled(r):22} "
                  f"{r['operations_covered']:>5}/{doc['operations']:<5} {fmt_seconds(r['total_seconds']):>7} "
                  f"{fmt_seconds(r['total_cpu']):>7}  {err[:120]}",
                  flush=True)
            if not ctx.keep:
                shutil.rmtree(os.path.join(ctx.work, tool, doc["slug"]), ignore_errors=True)

    os.makedirs(out_dir, exist_ok=True)
    write_csv(results, csv_path)
    write_markdown(results, meta, md)
    corpus_slugs = [d["slug"] for d in docs if d["slug"] != GITHUB]
    print()
    print(f"{'tool':22} {'generated':>10} {'compiled':>9} {'ops covered':>15} {'callable':>15} {'time (s)':>9} "
          f"{'CPU (s)':>9}")
    for t in tools:
        s = summarize(results, t, corpus_slugs)
        print(f"{TOOL_TITLES[t]:22} {s['generated']:>5}/{s['documents']:<4} {s['compiled']:>4}/{s['documents']:<4} "
              f"{s['methods']:>7}/{s['total_ops']:<7} {s['callable']:>7}/{s['total_ops']:<7} {s['seconds']:>9.1f} "
              f"{s['cpu']:>9.1f}")
    print(f"\nwrote {md} and {csv_path} (raw: {jsonl})")


if __name__ == "__main__":
    main()
