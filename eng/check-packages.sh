#!/usr/bin/env bash
# Packs Scenario.Generators, Scenario.Runtime and Scenario.Extensions.DependencyInjection into a local feed, then builds
# and runs a fresh console app outside the repository (tests/Consumer) that references only packages (no schema file:
# the generator package carries it), with warnings as errors; then publishes it with Native AOT (every IL2xxx/IL3xxx
# warning an error) and runs the native binary. Then a netstandard2.0 library in C# 9 (tests/ConsumerNetStandard) builds
# from the same packages with zero warnings, and an app that references it round-trips the seed response through it.
# Then the same library with PrivateAssets="all" (SCENGEN016), and a project of mistakes (tests/ConsumerDiagnostics)
# whose plain build must show every diagnostic of the catalogue (docs/diagnostics.md) at its file.
# A DLL missing from a package fails here, and so does one beside the generator.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
feed="$root/artifacts/packages"

rm -rf "$feed"
dotnet pack "$root/Scenario.Generators.sln" -c Release -v quiet -nologo

# The generator loads one library beside itself, YamlDotNet (for OpenAPI documents in YAML): the analyzer folder holds
# the two DLLs and nothing else (docs/decisions.md, "YAML is read by YamlDotNet").
analyzers=$(python3 -c 'import sys, zipfile; print(" ".join(sorted(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("analyzers/"))))' "$feed/Scenario.Generators.$version.nupkg")
[ "$analyzers" = "analyzers/dotnet/cs/Scenario.Generators.dll analyzers/dotnet/cs/YamlDotNet.dll" ] || { echo "packages: analyzers/ should hold Scenario.Generators.dll and YamlDotNet.dll, not: $analyzers" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tests/Consumer/Consumer.csproj" "$root/tests/Consumer/Program.cs" "$root/tests/Consumer/todo.openapi.yaml" "$work/"
for slug in azure-network-delegations 1password-connect petstore-2.0 docker-engine; do
  cp "$root"/tests/RealOpenApi/$slug/$slug.openapi.* "$work/"
done
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

expected=("kind image: True" "type known: False (txt2hologram)" "seed is number: True" "round trip equal: True" "client: connection failure reported"
  "di: connection failure reported" "openapi yaml client: connection failure reported" "openapi yaml streams, pages, downloads and uploads: 4 connection failures reported" "real documents' pages, download, upload and events: 4 connection failures reported" "logged: True" "secret logged: False" "metrics recorded: True")
check() {
  for line in "${expected[@]}"; do
    grep -qxF "$line" <<<"$1" || { echo "consumer: expected the line '$line'" >&2; exit 1; }
  done
}
check "$output"
[ ! -e "$work/scenario.schema.json" ] || { echo "consumer: the schema must come from the package" >&2; exit 1; }
echo "consumer: the packages work from a fresh project (Scenario.Generators $version)"

# The same app, published with Native AOT: zero trim/AOT warnings, and the native binary prints the same lines.
rid="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
log=$(mktemp)
dotnet publish -c Release -r "$rid" -nologo -v quiet -p:ScenarioVersion="$version" -p:PublishAot=true -warnaserror -o "$work/aot" 2>&1 | tee "$log"
if grep -E "warning (IL[23][0-9]{3}|AOT|CS)" "$log"; then
  echo "consumer: the Native AOT publish has warnings" >&2
  exit 1
fi
check "$("$work/aot/Consumer")"
echo "consumer: Native AOT publish without warnings; the native binary works"

# A netstandard2.0 library in C# 9 (as .NET Framework and Unity users write one) with the package and the schema it
# carries builds with zero warnings, and a .NET app that references it round-trips the seed response through it.
cp -r "$root/tests/ConsumerNetStandard" "$work/netstandard"
cp "$root/samples/Scenario.Sample/Data/list-response.json" "$work/netstandard/App/"
cp "$work/nuget.config" "$work/netstandard/"
log=$(mktemp)
dotnet build "$work/netstandard/App" -c Release -nologo -v quiet -p:ScenarioVersion="$version" -warnaserror 2>&1 | tee "$log"
if grep -qE "warning [A-Z]+[0-9]+" "$log"; then
  echo "netstandard library: the build has warnings" >&2
  exit 1
fi
output=$(dotnet run --project "$work/netstandard/App" -c Release --no-build)
echo "$output"
for line in "library round trip equal: True" "first kind: 3d" "made in code equal: True" "library framework: .NETStandard,Version=v2.0"; do
  grep -qxF "$line" <<<"$output" || { echo "netstandard library: expected the line '$line'" >&2; exit 1; }
done
echo "netstandard library: C# 9 on netstandard2.0 builds from the packages without warnings; an app round-trips the seed through it"

# The same library with PrivateAssets="all" on the generator package (a habit with analyzers): its build warns
# (SCENGEN016) that apps referencing it would lack Scenario.Runtime, and they do; with the fix the warning gives, a
# direct reference to the runtime, the app runs again.
cp -r "$work/netstandard" "$work/private"
rm -rf "$work/private/Library/bin" "$work/private/Library/obj" "$work/private/App/bin" "$work/private/App/obj"
sed -i 's|<PackageReference Include="Scenario.Generators" Version="$(ScenarioVersion)" />|<PackageReference Include="Scenario.Generators" Version="$(ScenarioVersion)" PrivateAssets="all" />|' "$work/private/Library/Library.csproj"
grep -q 'PrivateAssets="all"' "$work/private/Library/Library.csproj" || { echo "private assets: the library's reference was not changed" >&2; exit 1; }
log=$(dotnet build "$work/private/Library" -c Release -nologo -v quiet -p:ScenarioVersion="$version" 2>&1)
grep -q "SCENGEN016: Scenario.Generators is referenced with PrivateAssets=\"all\"" <<<"$log" || { echo "private assets: expected SCENGEN016, got: $log" >&2; exit 1; }
# What the warning is about: past it, the app that references the library fails (CS0012 or a missing assembly).
if dotnet build "$work/private/App" -c Release -nologo -v quiet -p:ScenarioVersion="$version" -p:TreatWarningsAsErrors=false > /dev/null 2>&1 \
  && dotnet run --project "$work/private/App" -c Release --no-build > /dev/null 2>&1; then
  echo "private assets: the app ran without Scenario.Runtime; SCENGEN016 warns of nothing" >&2
  exit 1
fi
rm -rf "$work/private/Library/bin" "$work/private/Library/obj" "$work/private/App/bin" "$work/private/App/obj"
sed -i 's|PrivateAssets="all" />|PrivateAssets="all" />\n    <PackageReference Include="Scenario.Runtime" Version="$(ScenarioVersion)" />|' "$work/private/Library/Library.csproj"
dotnet build "$work/private/App" -c Release -nologo -v quiet -p:ScenarioVersion="$version" -warnaserror > /dev/null
grep -qxF "library round trip equal: True" <<<"$(dotnet run --project "$work/private/App" -c Release --no-build)" || { echo "private assets: the app does not run with the runtime referenced" >&2; exit 1; }
echo "private assets: SCENGEN016 names the fix, and with it the app runs"

# Every diagnostic of the catalogue (docs/diagnostics.md) in plain `dotnet build` output, at its file: a project of mistakes, one
# file each (tests/ConsumerDiagnostics; its build fails, as some are errors), and the generator without the runtime.
cp -r "$root/tests/ConsumerDiagnostics" "$work/diagnostics"
cp "$work/nuget.config" "$work/diagnostics/"
if log=$(dotnet build "$work/diagnostics/Diagnostics.csproj" -c Release -nologo -v quiet -p:ScenarioVersion="$version" 2>&1); then
  echo "diagnostics: the project of mistakes built without an error" >&2
  exit 1
fi
for n in 001 002 003 004 005 006 007 008 009 011 012 013 014 015 017; do
  grep -qE "Inputs/d$n[^ :]*(\([0-9]+,[0-9]+(,[0-9]+,[0-9]+)?\))?: (error|warning) SCENGEN$n:" <<<"$log" \
    || { echo "diagnostics: plain dotnet build did not show SCENGEN$n at Inputs/d$n; its output was:" >&2; echo "$log" >&2; exit 1; }
done
if log=$(dotnet build "$work/diagnostics/NoRuntime/NoRuntime.csproj" -c Release -nologo -v quiet -p:ScenarioVersion="$version" 2>&1); then
  echo "diagnostics: the project without the runtime built" >&2
  exit 1
fi
grep -qE "item\.schema\.json\(1,1\): error SCENGEN010: .*it references no assembly named Scenario\.Runtime" <<<"$log" \
  || { echo "diagnostics: expected SCENGEN010 at item.schema.json naming the missing reference; the output was:" >&2; echo "$log" >&2; exit 1; }
echo "diagnostics: plain dotnet build shows SCENGEN001-015 and 017 at their files (SCENGEN010 without the runtime, SCENGEN016 above)"
