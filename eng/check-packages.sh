#!/usr/bin/env bash
# Packs Scenario.Generators and Scenario.Runtime into a local feed, then builds and runs a fresh console app outside
# the repository (tests/Consumer) that references only the Scenario.Generators package and the schema, with warnings
# as errors. A DLL missing from the package fails here.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"

rm -rf "$feed"
dotnet pack "$root/Scenario.Generators.sln" -c Release -v quiet -nologo

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tests/Consumer/Consumer.csproj" "$root/tests/Consumer/Program.cs" "$work/"
cp "$root/schema/scenario.schema.json" "$work/"
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Scenario.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

# A packages folder of its own, so no earlier build of the same version is reused.
export NUGET_PACKAGES="$work/nuget-packages"
cd "$work"
dotnet build -c Release -nologo -v quiet -p:ScenarioVersion="$version" -warnaserror
output=$(dotnet run -c Release --no-build)
echo "$output"

expected=("kind image: True" "type known: False (txt2hologram)" "seed is number: True" "round trip equal: True" "client: connection failure reported")
for line in "${expected[@]}"; do
  grep -qxF "$line" <<<"$output" || { echo "consumer: expected the line '$line'" >&2; exit 1; }
done
echo "consumer: the packages work from a fresh project (Scenario.Generators $version)"
