#!/usr/bin/env bash
# Runs the .NET OpenAPI client generators side by side on the real documents of tests/RealOpenApi: Scenario.Generators
# (this repository's generator, through a ProjectReference), Kiota and NSwag (local dotnet tools pinned in
# .config/dotnet-tools.json). Per tool and document it prints whether the client generated, whether it compiled (with
# the build's error and warning counts), how many of the document's operations became a method, and the time
# (generation + compile); then a summary per tool.
#
#   bash eng/compare-openapi-tools.sh                  # the 35 documents; writes docs/benchmarks/openapi-tools.{md,csv}
#   bash eng/compare-openapi-tools.sh --with-github    # the same, plus GitHub's description as a separate row
#   bash eng/compare-openapi-tools.sh petstore-3.0 jira   # some documents; the report goes to the work folder
#
# Options (before the slugs): --with-github, --timeout SECONDS (per step, default 600), --tools ours,kiota,nswag,
# --out FOLDER, --keep (keep build outputs). The work folder is a new `mktemp -d` under $TMPDIR (default /tmp); it is
# kept (logs of every step, results.jsonl). Needs the .NET SDK, python3 and the NuGet registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d "${TMPDIR:-/tmp}/compare-openapi-tools.XXXXXX")"
echo "work folder: $work"

# Kiota and NSwag from the local tool manifest, not global tools.
dotnet tool restore

# The generator and runtime as they are now, copied so that edits made while the comparison runs change nothing, and
# outside the repository's obj/ and bin/. The copy keeps the repository's Directory.*.props and global.json.
src="$work/src"
mkdir -p "$src"
cp Directory.Build.props Directory.Packages.props global.json "$src/"
tar -cf - --exclude=bin --exclude=obj generator runtime | tar -xf - -C "$src"
dotnet build "$src/generator" -c Release -v quiet -nologo
dotnet build "$src/runtime" -c Release -f net10.0 -v quiet -nologo

python3 "$root/eng/compare-openapi-tools/compare.py" --root "$root" --src "$src" --work "$work" "--args=$*" "$@"
