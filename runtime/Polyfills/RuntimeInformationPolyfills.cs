#if !NET
using System.Runtime.InteropServices;

namespace Scenario.Runtime;

/// <summary><c>RuntimeInformation.RuntimeIdentifier</c>, which netstandard2.0 lacks: the portable identifier (<c>win-x64</c>, <c>linux-arm64</c>, …).</summary>
internal static class RuntimeInformationPolyfills
{
    extension(RuntimeInformation)
    {
        public static string RuntimeIdentifier => OperatingSystem() + "-" + RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X86 => "x86",
            Architecture.X64 => "x64",
            Architecture.Arm => "arm",
            Architecture.Arm64 => "arm64",
            Architecture other => other.ToString().ToLowerInvariant(),
        };
    }

    private static string OperatingSystem() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
        : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
        : "unknown";
}
#endif
