#!/usr/bin/env bash
# Builds the Unity-shaped sample (samples/Scenario.Unity.Models: netstandard2.1, C# 9, the generator as an analyzer,
# the runtime's netstandard2.0 build) and its .NET 10 host with zero warnings, then runs the host and checks that the
# seed response went through the C# 9 models and back unchanged, on the runtime's netstandard2.0 build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# --no-incremental: warnings are only printed when a project is compiled, so every project is compiled.
dotnet build "$root/samples/Scenario.Unity.Host" -c Release -nologo -v quiet --no-incremental -warnaserror 2>&1 | tee "$log"
if grep -qE "warning [A-Z]+[0-9]+" "$log"; then
  echo "unity sample: the build has warnings" >&2
  exit 1
fi

output=$(dotnet run --project "$root/samples/Scenario.Unity.Host" -c Release --no-build)
echo "$output"
for line in "examples: 1" "first asset kind: 3d" "kind is 3d: True" "read back equal: True" "made in code equal: True" "json unchanged: True" \
  "models: .NETStandard,Version=v2.1" "runtime: .NETStandard,Version=v2.0"; do
  grep -qxF "$line" <<<"$output" || { echo "unity sample: expected the line '$line'" >&2; exit 1; }
done
echo "unity sample: the C# 9 netstandard2.1 models round-trip the seed response on the runtime's netstandard2.0 build"
