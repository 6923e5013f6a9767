using System;
using System.Collections.Generic;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using Scenario.Generators.Parsing.Yaml;

namespace Scenario.Generators.Parsing;

/// <summary>
/// A file's text → its tree, JSON or YAML, and never an exception: every fault is a diagnostic at its place. JSON is
/// checked strictly (<see cref="StrictJson"/>) and read by <see cref="JsonTreeReader"/>; YAML (<c>.yaml</c>, <c>.yml</c>,
/// or a Unity additional file whose text does not start like JSON) by <see cref="YamlText"/>. Both give the same nodes.
/// </summary>
internal static class DocumentText
{
    /// <summary>Whether the file is YAML: by its name, or, for a name that says nothing (Unity's), by its first character.</summary>
    public static bool IsYaml(string path, string text)
    {
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                continue;
            }

            return c is not '{' and not '[';
        }

        return false;
    }

    /// <summary>The tree of the text; null, with a diagnostic, when it cannot be read.</summary>
    public static JsonNode? Read(string path, string text, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        string fileName = System.IO.Path.GetFileName(path);
        if (IsYaml(path, text))
        {
            try
            {
                JsonNode? tree = YamlText.Read(text, SchemaDocument.MaxJsonDepth, out string? unavailable);
                if (tree is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidYaml, locator.File, fileName, unavailable!));
                }

                return tree;
            }
            catch (JsonTreeException ex)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidYaml, locator.AtOffset(ex.Offset), fileName, ex.Message));
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidYaml, locator.File, fileName, ex.Message.TrimEnd('.')));
                return null;
            }
        }

        if (StrictJson.Check(text) is { } fault)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtOffset(fault.Offset), fileName, fault.Message));
            return null;
        }

        try
        {
            return JsonTreeReader.Read(text, SchemaDocument.MaxJsonDepth);
        }
        catch (JsonTreeException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtOffset(ex.Offset), fileName, ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader has no other failure on text StrictJson passed; if it had one, it is a diagnostic, not a crash.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.File, fileName, ex.Message.TrimEnd('.')));
            return null;
        }
    }
}
