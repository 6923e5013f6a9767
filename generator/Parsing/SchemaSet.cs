using System;
using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Parsing.Json;

namespace Scenario.Generators.Parsing;

/// <summary>
/// Every schema file of the compilation, and how a <c>$ref</c> finds its target among them: JSON pointers, plain-name
/// anchors (<c>$anchor</c>, <c>$dynamicAnchor</c>, <c>"$id": "#name"</c>), embedded resources (<c>$id</c>), other
/// files by relative path or by their <c>$id</c>. No file or network is ever read: what is not among the files is
/// reported, never fetched.
/// </summary>
internal sealed class SchemaSet
{
    private readonly Dictionary<string, Target> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Target> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonNode, Uri> _baseOf = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _unreadable;

    public SchemaSet(IReadOnlyList<SchemaDocument> documents, IEnumerable<string> unreadablePaths)
    {
        Documents = documents;
        _unreadable = new HashSet<string>(unreadablePaths.Select(p => SchemaDocument.FileUriOf(p).AbsoluteUri), StringComparer.Ordinal);
        foreach (SchemaDocument document in documents)
        {
            Index(document);
        }
    }

    public IReadOnlyList<SchemaDocument> Documents { get; }

    /// <summary>A schema found by a reference: its file, the token, and the token's JSON pointer in that file.</summary>
    public readonly struct Target
    {
        public Target(SchemaDocument document, JsonNode token)
        {
            Document = document;
            Token = token;
        }

        public SchemaDocument Document { get; }

        public JsonNode Token { get; }
    }

    /// <summary>The outcome of resolving a reference: a target, or why there is none.</summary>
    public readonly struct Resolution
    {
        private Resolution(Target? target, string? problem, bool isExternal)
        {
            Found = target;
            Problem = problem;
            IsExternal = isExternal;
        }

        public Target? Found { get; }

        /// <summary>Why the reference does not resolve, as the end of a sentence.</summary>
        public string? Problem { get; }

        /// <summary>The reference names a URL that no schema file of the compilation has as its <c>$id</c>.</summary>
        public bool IsExternal { get; }

        public static Resolution Of(Target target) => new(target, null, false);

        public static Resolution Broken(string problem) => new(null, problem, false);

        public static Resolution External(string problem) => new(null, problem, true);
    }

    /// <summary>Resolves <paramref name="reference"/> written in <paramref name="owner"/> (a schema object of <paramref name="document"/>).</summary>
    public Resolution Resolve(SchemaDocument document, JsonNode owner, string reference)
    {
        Uri baseUri = BaseOf(document, owner);
        int hash = reference.IndexOf('#');
        string resourcePart = hash < 0 ? reference : reference.Substring(0, hash);
        string? fragment = hash < 0 ? null : reference.Substring(hash + 1);

        Target resource;
        if (resourcePart.Length == 0)
        {
            // A reference within the file stays within it, even when another file claims the same $id.
            resource = _resources.TryGetValue(baseUri.AbsoluteUri, out Target current) && ReferenceEquals(current.Document, document)
                ? current
                : new Target(document, document.Root);
        }
        else
        {
            if (!Uri.TryCreate(baseUri, resourcePart, out Uri? absolute))
            {
                return Resolution.Broken("'" + resourcePart + "' is not a valid URI reference");
            }

            string key = SchemaDocument.WithoutFragment(absolute).AbsoluteUri;
            if (!_resources.TryGetValue(key, out resource) && !TryBesideFile(document, resourcePart, out resource))
            {
                if (_unreadable.Contains(key))
                {
                    return Resolution.Broken("the file it names could not be read (see that file's own diagnostic)");
                }

                if (absolute.Scheme == Uri.UriSchemeFile)
                {
                    return Resolution.Broken("no schema file of the compilation is at '" + absolute.LocalPath + "'; add it as an AdditionalFiles item whose name ends in .schema.json");
                }

                return Resolution.External("it names '" + key + "', which is not among the compilation's schema files (a generator reads no network); add that schema as an AdditionalFiles item, with that $id, to type it");
            }
        }

        if (string.IsNullOrEmpty(fragment))
        {
            return Resolution.Of(resource);
        }

        if (fragment![0] == '/')
        {
            JsonNode? token = SchemaLocator.Resolve(resource.Token, fragment);
            if (token is null)
            {
                return Resolution.Broken("nothing in " + resource.Document.FileName + " is at '#" + fragment + "'" + Suggest(resource.Token, fragment));
            }

            return Resolution.Of(new Target(resource.Document, token));
        }

        string resourceKey = BaseOf(resource.Document, resource.Token).AbsoluteUri;
        if (_anchors.TryGetValue(resourceKey + "#" + Uri.UnescapeDataString(fragment), out Target anchored))
        {
            return Resolution.Of(anchored);
        }

        return Resolution.Broken("no schema in " + resource.Document.FileName + " declares the anchor '" + fragment + "'");
    }

    /// <summary>
    /// A relative reference that no <c>$id</c> answers, looked for as a path beside the referring file: schemas published
    /// with an <c>$id</c> that differs from their file's name (CycloneDX's <c>spdx.SNAPSHOT.schema.json</c>, whose
    /// <c>$id</c> ends in <c>spdx.schema.json</c>) are still found where the project keeps them.
    /// </summary>
    private bool TryBesideFile(SchemaDocument document, string reference, out Target target)
    {
        target = default;
        return Uri.TryCreate(reference, UriKind.Relative, out _)
            && Uri.TryCreate(document.FileUri, reference, out Uri? beside)
            && _resources.TryGetValue(SchemaDocument.WithoutFragment(beside).AbsoluteUri, out target);
    }

    /// <summary>The base URI relative references of <paramref name="token"/> resolve against.</summary>
    public Uri BaseOf(SchemaDocument document, JsonNode token)
    {
        for (JsonNode? current = token; current is not null; current = current.Parent)
        {
            if (_baseOf.TryGetValue(current, out Uri? found))
            {
                return found;
            }
        }

        return document.BaseUri;
    }

    private void Index(SchemaDocument document)
    {
        Register(_resources, document.FileUri.AbsoluteUri, new Target(document, document.Root));
        Register(_resources, document.BaseUri.AbsoluteUri, new Target(document, document.Root));

        // A tree: each schema object is reached once. Only a schema whose $id moves the base is recorded; the others
        // find their base at the nearest ancestor recorded (BaseOf), or the document's.
        var pending = new Stack<(JsonNode Token, Uri Base)>();
        pending.Push((document.Root, document.BaseUri));
        while (pending.Count > 0)
        {
            (JsonNode token, Uri baseUri) = pending.Pop();
            if (token is not JsonObject schema)
            {
                continue;
            }

            // Before 2019-09 a $ref's siblings are ignored, its id among them: the id moves no base and names nothing.
            string? id = schema["$ref"] is not null && !Drafts.RefHasSiblings(document.Draft) ? null : Drafts.IdOf(schema, document.Draft);
            if (id is not null && !id.StartsWith("#", StringComparison.Ordinal) && Uri.TryCreate(baseUri, id, out Uri? resolved))
            {
                baseUri = SchemaDocument.WithoutFragment(resolved);
                Register(_resources, baseUri.AbsoluteUri, new Target(document, schema));
                _baseOf[schema] = baseUri;
            }

            // Plain-name anchors: $anchor, $dynamicAnchor, and an $id that is one ("#name", not a pointer "#/…").
            RegisterAnchor(document, schema, baseUri, SchemaKeywords.StringOf(schema["$anchor"]));
            RegisterAnchor(document, schema, baseUri, SchemaKeywords.StringOf(schema["$dynamicAnchor"]));
            RegisterAnchor(document, schema, baseUri, id is { Length: > 1 } && id[0] == '#' && id[1] != '/' ? id.Substring(1) : null);
            PushSubschemas(schema, baseUri, pending);
        }
    }

    private void RegisterAnchor(SchemaDocument document, JsonObject schema, Uri baseUri, string? anchor)
    {
        if (anchor is not null)
        {
            Register(_anchors, baseUri.AbsoluteUri + "#" + anchor, new Target(document, schema));
        }
    }

    /// <summary>The subschemas of a schema object, in every position the drafts define, onto <paramref name="pending"/>.</summary>
    private static void PushSubschemas(JsonObject schema, Uri baseUri, Stack<(JsonNode Token, Uri Base)> pending)
    {
        foreach (string keyword in Drafts.SingleSubschemas)
        {
            if (schema[keyword] is JsonObject single)
            {
                pending.Push((single, baseUri));
            }
        }

        foreach (string keyword in Drafts.ArraySubschemas)
        {
            if (schema[keyword] is JsonArray items)
            {
                foreach (JsonNode item in items.Items())
                {
                    pending.Push((item, baseUri));
                }
            }
        }

        foreach (string keyword in Drafts.MapSubschemas)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (JsonProperty entry in map.Properties())
                {
                    pending.Push((entry.Value, baseUri));
                }
            }
        }
    }

    private static void Register(Dictionary<string, Target> index, string key, Target target)
    {
        if (!index.ContainsKey(key))
        {
            index[key] = target;
        }
    }

    /// <summary>", did you mean '#/definitions/Pet'?" for the name closest to the first segment that is missing.</summary>
    private static string Suggest(JsonNode root, string pointer)
    {
        string[] segments = pointer.Substring(1).Split('/');
        JsonNode current = root;
        string prefix = string.Empty;
        foreach (string raw in segments)
        {
            string segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            JsonNode? next = current is JsonObject obj && obj.TryGetValue(segment, StringComparison.Ordinal, out JsonNode? child) ? child : null;
            if (next is null)
            {
                if (current is not JsonObject container)
                {
                    return string.Empty;
                }

                string? best = null;
                int bestDistance = int.MaxValue;
                foreach (JsonProperty candidate in container.Properties())
                {
                    int distance = Distance(segment.ToLowerInvariant(), candidate.Name.ToLowerInvariant());
                    if (distance < bestDistance)
                    {
                        best = candidate.Name;
                        bestDistance = distance;
                    }
                }

                return best is not null && bestDistance <= Math.Max(2, segment.Length / 3)
                    ? "; did you mean '#" + prefix + "/" + SchemaDocument.EscapePointer(best) + "'?"
                    : string.Empty;
            }

            prefix += "/" + raw;
            current = next;
        }

        return string.Empty;
    }

    /// <summary>The Levenshtein distance, on names short enough to compare (longer ones are simply far apart).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256)
        {
            return int.MaxValue;
        }

        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
