#!/usr/bin/env bash
# Publishes the sample with Native AOT (trimming and AOT analyzers on, every IL2xxx/IL3xxx warning an error), runs the
# native binary against its embedded stub, and checks that it prints the table. Prints the binary's size and its
# start-to-table time, next to the JIT build's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/aot"
rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"

rm -rf "$out"
log=$(mktemp)
dotnet publish "$root/samples/Scenario.Sample" -c Release -r "$rid" -o "$out" -nologo -p:TreatWarningsAsErrors=true 2>&1 | tee "$log"
if grep -E "warning (IL[23][0-9]{3}|AOT|CS)" "$log"; then
  echo "aot: the publish has warnings" >&2
  exit 1
fi

binary="$out/Scenario.Sample"
output=$("$binary")
echo "$output"
grep -q "asset id" <<<"$output" || { echo "aot: the native sample printed no table" >&2; exit 1; }

# Start-to-table time: the best of five runs, native and JIT (the framework-dependent build of the same sample).
dotnet build "$root/samples/Scenario.Sample" -c Release -nologo -v quiet
jit_dll="$root/samples/Scenario.Sample/bin/Release/net10.0/$rid/Scenario.Sample.dll"
[ -f "$jit_dll" ] || jit_dll="$root/samples/Scenario.Sample/bin/Release/net10.0/Scenario.Sample.dll"
best() {
  local best_ms=999999
  for _ in 1 2 3 4 5; do
    local start end ms
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    (( ms < best_ms )) && best_ms=$ms
  done
  echo "$best_ms"
}
native_ms=$(best "$binary")
jit_ms=$(best dotnet "$jit_dll")
size_mb=$(awk -v b="$(stat -c %s "$binary")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "aot: native binary $size_mb MiB; start to table: native $native_ms ms, JIT $jit_ms ms (best of 5)"
