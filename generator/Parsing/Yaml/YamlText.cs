using System;
using System.IO;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing.Yaml;

/// <summary>
/// Reads YAML through <see cref="YamlTreeReader"/>, where YamlDotNet's assembly can be loaded. The package ships it beside
/// the generator; a host that loads the generator alone (a Unity project given only Scenario.Generators.dll) gets a
/// diagnostic that says so for its YAML files, while its JSON files are read as ever.
/// </summary>
internal static class YamlText
{
    /// <summary>Why YAML cannot be read here, as the end of a sentence; null once YamlDotNet loaded.</summary>
    private static string? s_unavailable;

    /// <summary>The tree of <paramref name="text"/>, or null with <paramref name="unavailable"/> saying why YAML cannot be read in this host.</summary>
    /// <exception cref="JsonTreeException">The text is not one YAML document the tree can hold.</exception>
    public static JsonNode? Read(string text, int maxDepth, out string? unavailable)
    {
        unavailable = s_unavailable;
        if (unavailable is not null)
        {
            return null;
        }

        try
        {
            return YamlTreeReader.Read(text, maxDepth);
        }
        catch (Exception missing) when (missing is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            // The reader's method could not be compiled: YamlDotNet is not beside the generator.
            unavailable = s_unavailable = "reading YAML needs YamlDotNet.dll beside Scenario.Generators.dll (the package has both under analyzers/dotnet/cs), and this compiler could not load it ("
                + missing.GetType().Name + "); put YamlDotNet.dll (netstandard2.0, 18.1.0) beside the generator, or convert the document to JSON";
            return null;
        }
    }
}
