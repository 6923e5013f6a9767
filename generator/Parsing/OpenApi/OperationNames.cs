using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Scenario.Generators.Parsing.OpenApi;

/// <summary>
/// Names an OpenAPI document's operations the way a hand-written SDK reads (docs/openapi.md, "Operation names"), by one
/// deterministic rule that depends on the document alone:
/// <list type="number">
/// <item>The resource is the path's fixed segments, each in PascalCase (<c>/models/{modelId}/examples</c> →
/// <c>Models.Examples</c>), after the leading segments every path shares that are an API prefix or a version
/// (<c>/api</c>, <c>/v1</c>, <c>/2.0</c>), when every path has a fixed segment after them. A path with none is the
/// resource <c>Root</c>.</item>
/// <item>The method is the verb's on the path's shape: <c>GET</c> of a path ending in a parameter (an item) is
/// <c>Get</c>, of any other <c>List</c>; <c>POST</c> of a collection is <c>Create</c>; <c>PUT</c> and <c>PATCH</c> are
/// <c>Update</c>; <c>DELETE</c> is <c>Delete</c>; anything else (<c>POST</c> of an item, <c>HEAD</c>, <c>OPTIONS</c>,
/// <c>TRACE</c>) is named from its <c>operationId</c> (its last part after <c>/</c> or <c>.</c>, without the resource's
/// name in front), else the verb.</item>
/// <item>The operation's <c>x-client</c> extension overrides either: <c>"resource": "models.examples"</c>,
/// <c>"method": "list"</c>.</item>
/// <item>Operations of one resource that get one method name are all named from their <c>operationId</c> instead; any
/// still alike (or without one) keep the name in document order and the next get <c>2</c>, <c>3</c>, … appended.</item>
/// </list>
/// </summary>
internal static class OperationNames
{
    private static readonly Regex PrefixSegment = new(@"^(api|rest|v\d+([._-]?[a-z0-9]+)*|\d+(\.\d+)*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Sets each operation's <see cref="OperationView.Resource"/> and <see cref="OperationView.MethodName"/>.</summary>
    public static void Assign(IReadOnlyList<OperationView> operations)
    {
        int skipped = CommonPrefix(operations.Select(o => Segments(o.Path)).ToList());
        var explicitMethods = new HashSet<OperationView>();
        foreach (OperationView operation in operations)
        {
            List<string> segments = Segments(operation.Path);
            List<string> rest = segments.Skip(skipped).ToList();
            string? resourceOverride = SchemaKeywords.StringOf(operation.Extension?["resource"]);
            operation.Resource = resourceOverride is not null
                ? resourceOverride.Split('.').Where(p => p.Length > 0).Select(Identifiers.ToPascalCase).ToArray()
                : rest.Where(s => !IsParameter(s)).Select(Identifiers.ToPascalCase).ToArray();
            if (operation.Resource.Count == 0)
            {
                operation.Resource = new[] { "Root" };
            }

            if (SchemaKeywords.StringOf(operation.Extension?["method"]) is { } methodOverride)
            {
                operation.MethodName = Identifiers.ToPascalCase(methodOverride);
                explicitMethods.Add(operation);
                continue;
            }

            bool item = rest.Count > 0 && IsParameter(rest[rest.Count - 1]);
            operation.MethodName = (operation.Method, item) switch
            {
                ("GET", true) => "Get",
                ("GET", false) => rest.Count == 0 ? "Get" : "List",
                ("POST", false) => "Create",
                ("PUT" or "PATCH", _) => "Update",
                ("DELETE", _) => "Delete",
                _ => FromOperationId(operation) ?? Identifiers.ToPascalCase(operation.Method.ToLowerInvariant()),
            };
        }

        foreach (IGrouping<string, OperationView> resource in operations.GroupBy(o => string.Join(".", o.Resource), StringComparer.Ordinal))
        {
            // Alike names from the rule: named from their operationId instead (an override keeps its name).
            foreach (IGrouping<string, OperationView> alike in resource.GroupBy(o => o.MethodName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (OperationView operation in alike.Where(o => !explicitMethods.Contains(o)))
                {
                    operation.MethodName = FromOperationId(operation) ?? operation.MethodName;
                }
            }

            // What is still alike keeps its name in document order; the next get 2, 3, ….
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (OperationView operation in resource)
            {
                string name = operation.MethodName;
                for (int n = 2; !taken.Add(name); n++)
                {
                    name = operation.MethodName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                operation.MethodName = name;
            }
        }
    }

    /// <summary>
    /// A method name from the <c>operationId</c>: its last part after <c>/</c> or <c>.</c>, in PascalCase (<c>issues/list-for-repo</c>
    /// → <c>ListForRepo</c>), without the resource's own name in front (<c>cookies_standard</c> in <c>Cookies</c> → <c>Standard</c>).
    /// </summary>
    private static string? FromOperationId(OperationView operation)
    {
        if (operation.OperationId is not { Length: > 0 } id)
        {
            return null;
        }

        int cut = Math.Max(id.LastIndexOf('/'), id.LastIndexOf('.'));
        string name = Identifiers.ToPascalCase(cut >= 0 && cut < id.Length - 1 ? id.Substring(cut + 1) : id);
        string resource = operation.Resource[operation.Resource.Count - 1];
        return name.Length > resource.Length && name.StartsWith(resource, StringComparison.Ordinal) && char.IsUpper(name[resource.Length])
            ? name.Substring(resource.Length)
            : name;
    }

    /// <summary>The path's segments, without a fragment or a query the key holds (empty ones dropped: <c>/a//b/</c> is <c>a</c>, <c>b</c>).</summary>
    public static List<string> Segments(string path)
    {
        int end = path.IndexOfAny(new[] { '#', '?' });
        return (end < 0 ? path : path.Substring(0, end)).Split('/').Where(s => s.Length > 0).ToList();
    }

    /// <summary>Whether a segment holds a parameter (<c>{id}</c>, <c>{id}.json</c>, <c>v{version}</c>).</summary>
    public static bool IsParameter(string segment) => segment.IndexOf('{') >= 0;

    /// <summary>How many leading segments every path shares that are an API prefix or a version, every path having a fixed segment after them.</summary>
    private static int CommonPrefix(List<List<string>> paths)
    {
        if (paths.Count == 0)
        {
            return 0;
        }

        int count = 0;
        while (true)
        {
            string? segment = paths[0].Count > count ? paths[0][count] : null;
            if (segment is null || IsParameter(segment) || !PrefixSegment.IsMatch(segment))
            {
                return count;
            }

            foreach (List<string> path in paths)
            {
                if (path.Count <= count + 1 || !string.Equals(path[count], segment, StringComparison.Ordinal) || path.Skip(count + 1).All(IsParameter))
                {
                    return count;
                }
            }

            count++;
        }
    }
}
