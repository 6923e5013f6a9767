using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scenario.Runtime.Validation;

/// <summary>
/// Reads the documents of a set into <see cref="SchemaNode"/>s, once: parses each, walks every subschema in a keyword
/// that holds schemas (registering the resources their <c>$id</c>s make and their anchors), reads each keyword's value,
/// then resolves every <c>$ref</c> and <c>$dynamicRef</c> (compiling the schema a JSON pointer reaches when no keyword
/// walk did). A malformed document throws <see cref="JsonException"/> (not JSON) or <see cref="ArgumentException"/>
/// (a keyword of the wrong type), naming the schema's location.
/// </summary>
internal sealed class SchemaCompiler
{
    private readonly IReadOnlyList<JsonSchemaDocument> _documents;
    private readonly JsonElement[] _roots;
    private readonly Dictionary<string, SchemaNode>[] _nodes;
    private readonly List<SchemaNode> _pending = new();

    /// <summary>Parses <paramref name="documents"/>; call <see cref="CompileAll"/> next.</summary>
    public SchemaCompiler(IReadOnlyList<JsonSchemaDocument> documents)
    {
        _documents = documents;
        _roots = new JsonElement[documents.Count];
        _nodes = new Dictionary<string, SchemaNode>[documents.Count];
        var options = new JsonDocumentOptions { MaxDepth = 256 };
        for (int i = 0; i < documents.Count; i++)
        {
            JsonSchemaDocument document = documents[i] ?? throw new ArgumentException("The schema set holds a null document.", nameof(documents));
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(document.Json, options);
                _roots[i] = parsed.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new JsonException("The schema document '" + document.Uri + "' is not valid JSON: " + ex.Message, ex);
            }

            _nodes[i] = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        }
    }

    /// <summary>Every resource of the set by its absolute URI (without fragment): documents and embedded <c>$id</c>s.</summary>
    public Dictionary<string, SchemaResource> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiles every document and resolves every reference.</summary>
    public void CompileAll()
    {
        for (int i = 0; i < _documents.Count; i++)
        {
            string uri = SchemaPointer.Normalize(_documents[i].Uri);
            (JsonSchemaDialect dialect, bool noAssertions) = DialectOf(_roots[i], _documents[i].Dialect);
            var resource = new SchemaResource(uri, _roots[i], i, "", dialect);
            Resources[uri] = resource;
            SchemaNode root = Compile(_roots[i], new Scope(resource, "", "", dialect, noAssertions, i, register: true));
            resource.Root ??= root;
            if (!ReferenceEquals(root.Resource, resource))
            {
                // The root names itself with an $id: the document's URI is another name of the same resource.
                Resources[uri] = root.Resource;
            }
        }

        // Other names of documents, where a reference found the file by its name: each names the document's root resource,
        // unless a resource of the set already has that name.
        for (int i = 0; i < _documents.Count; i++)
        {
            SchemaResource resource = Resources[SchemaPointer.Normalize(_documents[i].Uri)];
            foreach (string alias in _documents[i].Aliases)
            {
                string name = SchemaPointer.Normalize(alias);
                if (!Resources.ContainsKey(name))
                {
                    Resources[name] = resource;
                }
            }
        }

        ResolvePending();
    }

    /// <summary>The schema an absolute URI with fragment names (a JSON pointer or an anchor), compiled if need be; null when none.</summary>
    public SchemaNode? Resolve(string absolute)
    {
        SchemaNode? node = ResolveCore(absolute);
        ResolvePending();
        return node;
    }

    private SchemaNode? ResolveCore(string absolute)
    {
        (string uri, string fragment) = SchemaPointer.Split(absolute);
        if (!Resources.TryGetValue(SchemaPointer.Normalize(uri), out SchemaResource? resource))
        {
            return null;
        }

        if (fragment.Length == 0)
        {
            return resource.Root;
        }

        if (fragment[0] != '/')
        {
            return resource.Anchors.TryGetValue(fragment, out SchemaNode? anchored) ? anchored : null;
        }

        List<string>? segments = SchemaPointer.Segments(fragment);
        if (segments is null || !SchemaPointer.TryFollow(resource.Element, segments, out JsonElement target))
        {
            return null;
        }

        Dictionary<string, SchemaNode> nodes = _nodes[resource.DocumentIndex];
        string[] prefixes = new string[segments.Count + 1];
        prefixes[0] = resource.DocumentPointer;
        for (int i = 0; i < segments.Count; i++)
        {
            prefixes[i + 1] = prefixes[i] + "/" + SchemaPointer.Escape(segments[i]);
        }

        if (nodes.TryGetValue(prefixes[segments.Count], out SchemaNode? known))
        {
            return known;
        }

        // No keyword walk reached it (a schema under an unknown keyword, say): compile it as a schema of its nearest
        // compiled ancestor's resource and dialect, without registering ids or anchors found under it.
        for (int k = segments.Count - 1; k >= 0; k--)
        {
            if (nodes.TryGetValue(prefixes[k], out SchemaNode? ancestor))
            {
                string rest = prefixes[segments.Count].Substring(prefixes[k].Length);
                return Compile(target, new Scope(ancestor.Resource, ancestor.ResourcePointer + rest, prefixes[segments.Count], ancestor.Dialect, ancestor.NoAssertions, resource.DocumentIndex, register: false));
            }
        }

        return null;
    }

    /// <summary>Resolves the references of the nodes compiled since the last call, and of those their resolution compiles.</summary>
    private void ResolvePending()
    {
        for (int i = 0; i < _pending.Count; i++)
        {
            SchemaNode node = _pending[i];
            if (node.Ref is not null && node.RefTarget is null)
            {
                node.RefTarget = ResolveCore(node.Ref);
            }

            if (node.DynamicRef is not null && node.DynamicRefTarget is null)
            {
                node.DynamicRefTarget = ResolveCore(node.DynamicRef);
            }
        }

        _pending.Clear();
    }

    /// <summary>The dialect a schema's <c>$schema</c> names (a json-schema.org draft, or a meta-schema of the set), and whether that meta-schema leaves out the validation vocabulary.</summary>
    private (JsonSchemaDialect Dialect, bool NoAssertions) DialectOf(JsonElement schema, JsonSchemaDialect fallback)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$schema", out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            return (fallback, false);
        }

        string uri = value.GetString()!;
        if (SchemaDialects.FromMetaSchema(uri) is { } known)
        {
            return (known, false);
        }

        string wanted = SchemaPointer.Normalize(uri);
        for (int i = 0; i < _documents.Count; i++)
        {
            JsonElement root = _roots[i];
            bool named = SchemaPointer.Normalize(_documents[i].Uri) == wanted
                || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$id", out JsonElement id) && id.ValueKind == JsonValueKind.String && SchemaPointer.Normalize(id.GetString()!) == wanted);
            if (!named || root.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            JsonSchemaDialect dialect = root.TryGetProperty("$schema", out JsonElement meta) && meta.ValueKind == JsonValueKind.String && SchemaDialects.FromMetaSchema(meta.GetString()!) is { } d ? d : fallback;
            bool noAssertions = false;
            if (root.TryGetProperty("$vocabulary", out JsonElement vocabulary) && vocabulary.ValueKind == JsonValueKind.Object)
            {
                noAssertions = true;
                foreach (JsonProperty entry in vocabulary.EnumerateObject())
                {
                    if (entry.Name.EndsWith("/vocab/validation", StringComparison.Ordinal))
                    {
                        noAssertions = false;
                    }
                }
            }

            return (dialect, noAssertions);
        }

        return (fallback, false);
    }

    private SchemaNode Compile(JsonElement schema, Scope scope)
    {
        Dictionary<string, SchemaNode> nodes = _nodes[scope.Document];
        if (nodes.TryGetValue(scope.DocumentPointer, out SchemaNode? existing))
        {
            return existing;
        }

        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var boolean = new SchemaNode(scope.Resource, scope.ResourcePointer, scope.DocumentPointer, scope.Dialect) { Always = schema.ValueKind == JsonValueKind.True };
            nodes[scope.DocumentPointer] = boolean;
            return boolean;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The schema at " + scope.Resource.Uri + "#" + scope.ResourcePointer + " is " + Describe(schema.ValueKind) + "; a schema is an object or a boolean.");
        }

        JsonSchemaDialect dialect = scope.Dialect;
        bool noAssertions = scope.NoAssertions;
        string idKeyword = SchemaDialects.IsDraft4(dialect) ? "id" : "$id";
        bool hasId = schema.TryGetProperty(idKeyword, out JsonElement idValue) && idValue.ValueKind == JsonValueKind.String;
        if (schema.TryGetProperty("$schema", out _) && (scope.DocumentPointer.Length == 0 || (hasId && SchemaDialects.IsModern(dialect))))
        {
            (dialect, noAssertions) = DialectOf(schema, dialect);
            idKeyword = SchemaDialects.IsDraft4(dialect) ? "id" : "$id";
            hasId = schema.TryGetProperty(idKeyword, out idValue) && idValue.ValueKind == JsonValueKind.String;
        }

        bool refOnly = SchemaDialects.RefOverridesSiblings(dialect) && schema.TryGetProperty("$ref", out _);
        SchemaResource resource = scope.Resource;
        string resourcePointer = scope.ResourcePointer;
        string? anchor = null;
        if (hasId && !refOnly)
        {
            string id = idValue.GetString()!;
            if (!SchemaDialects.IsModern(dialect) && id.StartsWith("#", StringComparison.Ordinal))
            {
                anchor = id.Substring(1);
            }
            else
            {
                (string uri, string fragment) = SchemaPointer.Split(SchemaPointer.Resolve(resource.Uri, id));
                uri = SchemaPointer.Normalize(uri);
                if (uri != resource.Uri || resourcePointer.Length > 0)
                {
                    resource = new SchemaResource(uri, schema, scope.Document, scope.DocumentPointer, dialect);
                    resourcePointer = "";
                    if (scope.Register)
                    {
                        AddFirst(Resources, uri, resource);
                    }
                }

                if (fragment.Length > 0 && !SchemaDialects.IsModern(dialect))
                {
                    anchor = fragment;
                }
            }
        }

        var node = new SchemaNode(resource, resourcePointer, scope.DocumentPointer, dialect) { NoAssertions = noAssertions };
        nodes[scope.DocumentPointer] = node;
        if (resourcePointer.Length == 0 && resource.Root is null)
        {
            resource.Root = node;
        }

        if (scope.Register)
        {
            Register(node, schema, anchor);
        }

        var inner = new Scope(resource, resourcePointer, scope.DocumentPointer, dialect, noAssertions, scope.Document, scope.Register);
        ReadKeywords(node, schema, inner, refOnly);
        return node;
    }

    private static void Register(SchemaNode node, JsonElement schema, string? anchor)
    {
        SchemaResource resource = node.Resource;
        if (anchor is { Length: > 0 })
        {
            AddFirst(resource.Anchors, anchor, node);
        }

        if (!SchemaDialects.IsModern(node.Dialect))
        {
            return;
        }

        if (schema.TryGetProperty("$anchor", out JsonElement plain) && plain.ValueKind == JsonValueKind.String)
        {
            AddFirst(resource.Anchors, plain.GetString()!, node);
        }

        if (node.Dialect == JsonSchemaDialect.Draft202012 && schema.TryGetProperty("$dynamicAnchor", out JsonElement dynamic) && dynamic.ValueKind == JsonValueKind.String)
        {
            string name = dynamic.GetString()!;
            AddFirst(resource.Anchors, name, node);
            resource.DynamicAnchors ??= new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            AddFirst(resource.DynamicAnchors, name, node);
        }

        if (node.Dialect == JsonSchemaDialect.Draft201909 && node.ResourcePointer.Length == 0 && schema.TryGetProperty("$recursiveAnchor", out JsonElement recursive) && recursive.ValueKind == JsonValueKind.True)
        {
            resource.RecursiveAnchor = true;
        }
    }

    private void ReadKeywords(SchemaNode node, JsonElement schema, Scope scope, bool refOnly)
    {
        JsonSchemaDialect dialect = node.Dialect;
        bool modern = SchemaDialects.IsModern(dialect);
        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            node.Ref = SchemaPointer.Resolve(node.Resource.Uri, String(node, "$ref", reference));
            node.RefReplacesSiblings = refOnly;
            _pending.Add(node);
        }

        // Definitions hold schemas for references: compiled so their ids and anchors are known, whatever else the schema says.
        CompileMap(schema, scope, "definitions");
        if (modern)
        {
            CompileMap(schema, scope, "$defs");
        }

        if (refOnly)
        {
            return;
        }

        if (dialect == JsonSchemaDialect.Draft202012 && schema.TryGetProperty("$dynamicRef", out JsonElement dynamicRef))
        {
            node.DynamicRef = SchemaPointer.Resolve(node.Resource.Uri, String(node, "$dynamicRef", dynamicRef));
            string fragment = SchemaPointer.Split(node.DynamicRef).Fragment;
            node.DynamicRefAnchor = fragment.Length > 0 && fragment[0] != '/' ? fragment : null;
            _pending.Add(node);
        }

        if (dialect == JsonSchemaDialect.Draft201909 && schema.TryGetProperty("$recursiveRef", out JsonElement recursiveRef))
        {
            if (String(node, "$recursiveRef", recursiveRef) != "#")
            {
                node.Ref = SchemaPointer.Resolve(node.Resource.Uri, recursiveRef.GetString()!);
                _pending.Add(node);
            }
            else
            {
                node.RecursiveRef = true;
            }
        }

        foreach (JsonProperty keyword in schema.EnumerateObject())
        {
            ReadKeyword(node, schema, keyword.Name, keyword.Value, scope, modern);
        }

        if (node.PrefixItemsKeyword == "prefixItems" || node.PrefixItems is null)
        {
            node.AdditionalItems = null;
        }
    }

    private void ReadKeyword(SchemaNode node, JsonElement schema, string name, JsonElement value, Scope scope, bool modern)
    {
        JsonSchemaDialect dialect = node.Dialect;
        bool draft4 = SchemaDialects.IsDraft4(dialect);
        switch (name)
        {
            case "type":
                node.TypeText = value.GetRawText();
                if (value.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        node.Types |= TypeOf(node, String(node, name, item));
                    }
                }
                else
                {
                    node.Types = TypeOf(node, String(node, name, value));
                }

                break;
            case "nullable" when dialect == JsonSchemaDialect.OpenApi30:
            case "x-nullable" when dialect == JsonSchemaDialect.OpenApi30:
                // OpenAPI 3.0's nullable, and Swagger 2.0's x-nullable, which the generator reads alike.
                node.Nullable |= value.ValueKind == JsonValueKind.True;
                break;
            case "enum":
                node.Enum = Array(node, name, value);
                break;
            case "const" when !draft4:
                node.HasConst = true;
                node.Const = value;
                break;
            case "minimum":
                node.Minimum = Number(node, name, value);
                break;
            case "maximum":
                node.Maximum = Number(node, name, value);
                break;
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                bool minimum = name == "exclusiveMinimum";
                if (draft4)
                {
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw Wrong(node, name, "true or false");
                    }

                    if (value.ValueKind == JsonValueKind.True && schema.TryGetProperty(minimum ? "minimum" : "maximum", out JsonElement bound))
                    {
                        if (minimum)
                        {
                            node.ExclusiveMinimum = Number(node, "minimum", bound);
                            node.ExclusiveMinimumKeyword = "minimum";
                        }
                        else
                        {
                            node.ExclusiveMaximum = Number(node, "maximum", bound);
                            node.ExclusiveMaximumKeyword = "maximum";
                        }
                    }
                }
                else if (minimum)
                {
                    node.ExclusiveMinimum = Number(node, name, value);
                }
                else
                {
                    node.ExclusiveMaximum = Number(node, name, value);
                }

                break;
            case "multipleOf":
                node.MultipleOf = Number(node, name, value);
                if (node.MultipleOf.Exact.Sign <= 0)
                {
                    throw Wrong(node, name, "a number greater than 0");
                }

                break;
            case "minLength":
                node.MinLength = Count(node, name, value);
                break;
            case "maxLength":
                node.MaxLength = Count(node, name, value);
                break;
            case "pattern":
                node.PatternText = String(node, name, value);
                node.Pattern = Pattern(node, name, node.PatternText);
                break;
            case "format":
                node.Format = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                break;
            case "minItems":
                node.MinItems = Count(node, name, value);
                break;
            case "maxItems":
                node.MaxItems = Count(node, name, value);
                break;
            case "uniqueItems":
                node.UniqueItems = value.ValueKind == JsonValueKind.True;
                break;
            case "items":
                if (value.ValueKind == JsonValueKind.Array)
                {
                    if (dialect != JsonSchemaDialect.Draft202012)
                    {
                        node.PrefixItems = SchemaArray(node, value, scope, name, allowEmpty: true);
                        node.PrefixItemsKeyword = "items";
                    }
                }
                else
                {
                    node.Items = Sub(value, scope, name);
                }

                break;
            case "prefixItems" when dialect == JsonSchemaDialect.Draft202012:
                node.PrefixItems = SchemaArray(node, value, scope, name, allowEmpty: true);
                node.PrefixItemsKeyword = name;
                break;
            case "additionalItems" when dialect != JsonSchemaDialect.Draft202012:
                node.AdditionalItems = Sub(value, scope, name);
                break;
            case "contains" when !draft4:
                node.Contains = Sub(value, scope, name);
                break;
            case "minContains" when modern:
                node.MinContains = Count(node, name, value);
                break;
            case "maxContains" when modern:
                node.MaxContains = Count(node, name, value);
                break;
            case "unevaluatedItems" when modern:
                node.UnevaluatedItems = Sub(value, scope, name);
                break;
            case "unevaluatedProperties" when modern:
                node.UnevaluatedProperties = Sub(value, scope, name);
                break;
            case "minProperties":
                node.MinProperties = Count(node, name, value);
                break;
            case "maxProperties":
                node.MaxProperties = Count(node, name, value);
                break;
            case "required":
                node.Required = Strings(node, name, value);
                break;
            case "properties":
                node.Properties = SchemaMap(node, value, scope, name);
                node.PropertyLookup = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, SchemaNode> property in node.Properties)
                {
                    node.PropertyLookup[property.Key] = property.Value;
                }

                break;
            case "patternProperties":
                KeyValuePair<string, SchemaNode>[] patterns = SchemaMap(node, value, scope, name);
                node.PatternProperties = new PatternSchema[patterns.Length];
                for (int i = 0; i < patterns.Length; i++)
                {
                    node.PatternProperties[i] = new PatternSchema(patterns[i].Key, Pattern(node, name, patterns[i].Key), patterns[i].Value);
                }

                break;
            case "additionalProperties":
                node.AdditionalProperties = Sub(value, scope, name);
                break;
            case "propertyNames" when !draft4:
                node.PropertyNames = Sub(value, scope, name);
                break;
            case "dependencies" when !modern:
                ReadDependencies(node, value, scope, name);
                break;
            case "dependentRequired" when modern:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw Wrong(node, name, "an object");
                }

                var required = new List<KeyValuePair<string, string[]>>();
                foreach (JsonProperty entry in value.EnumerateObject())
                {
                    required.Add(new KeyValuePair<string, string[]>(entry.Name, Strings(node, name + "/" + SchemaPointer.Escape(entry.Name), entry.Value)));
                }

                node.DependentRequired = required.ToArray();
                break;
            case "dependentSchemas" when modern:
                node.DependentSchemas = SchemaMap(node, value, scope, name);
                break;
            case "allOf":
                node.AllOf = SchemaArray(node, value, scope, name, allowEmpty: false);
                break;
            case "anyOf":
                node.AnyOf = SchemaArray(node, value, scope, name, allowEmpty: false);
                break;
            case "oneOf":
                node.OneOf = SchemaArray(node, value, scope, name, allowEmpty: false);
                break;
            case "not":
                node.Not = Sub(value, scope, name);
                break;
            case "if" when SchemaDialects.HasDraft7(dialect):
                node.If = Sub(value, scope, name);
                break;
            case "then" when SchemaDialects.HasDraft7(dialect):
                node.Then = Sub(value, scope, name);
                break;
            case "else" when SchemaDialects.HasDraft7(dialect):
                node.Else = Sub(value, scope, name);
                break;
        }
    }

    private void ReadDependencies(SchemaNode node, JsonElement value, Scope scope, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(node, name, "an object");
        }

        var required = new List<KeyValuePair<string, string[]>>();
        var schemas = new List<KeyValuePair<string, SchemaNode>>();
        foreach (JsonProperty entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Array)
            {
                required.Add(new KeyValuePair<string, string[]>(entry.Name, Strings(node, name + "/" + SchemaPointer.Escape(entry.Name), entry.Value)));
            }
            else
            {
                schemas.Add(new KeyValuePair<string, SchemaNode>(entry.Name, Sub(entry.Value, scope, name, entry.Name)));
            }
        }

        node.DependentRequired = required.Count > 0 ? required.ToArray() : null;
        node.DependentRequiredKeyword = name;
        node.DependentSchemas = schemas.Count > 0 ? schemas.ToArray() : null;
        node.DependentSchemasKeyword = name;
    }

    private void CompileMap(JsonElement schema, Scope scope, string keyword)
    {
        if (schema.TryGetProperty(keyword, out JsonElement map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                {
                    _ = Sub(entry.Value, scope, keyword, entry.Name);
                }
            }
        }
    }

    private SchemaNode Sub(JsonElement value, Scope scope, string keyword, string? segment = null)
    {
        string path = "/" + SchemaPointer.Escape(keyword) + (segment is null ? "" : "/" + SchemaPointer.Escape(segment));
        return Compile(value, scope.Child(path));
    }

    private SchemaNode[] SchemaArray(SchemaNode node, JsonElement value, Scope scope, string keyword, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.Array || (!allowEmpty && value.GetArrayLength() == 0))
        {
            throw Wrong(node, keyword, allowEmpty ? "an array of schemas" : "a non-empty array of schemas");
        }

        var schemas = new SchemaNode[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            schemas[i] = Sub(item, scope, keyword, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            i++;
        }

        return schemas;
    }

    private KeyValuePair<string, SchemaNode>[] SchemaMap(SchemaNode node, JsonElement value, Scope scope, string keyword)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(node, keyword, "an object whose values are schemas");
        }

        var entries = new List<KeyValuePair<string, SchemaNode>>();
        foreach (JsonProperty entry in value.EnumerateObject())
        {
            entries.Add(new KeyValuePair<string, SchemaNode>(entry.Name, Sub(entry.Value, scope, keyword, entry.Name)));
        }

        return entries.ToArray();
    }

    /// <summary>Adds <paramref name="key"/> unless present: the first resource or anchor of a name wins.</summary>
    private static void AddFirst<T>(Dictionary<string, T> map, string key, T value)
    {
        if (!map.ContainsKey(key))
        {
            map[key] = value;
        }
    }

    private static JsonTypes TypeOf(SchemaNode node, string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "string" => JsonTypes.String,
        _ => throw Wrong(node, "type", "one of null, boolean, object, array, number, integer and string (not '" + name + "')"),
    };

    private static Regex Pattern(SchemaNode node, string keyword, string pattern)
    {
        try
        {
            return EcmaPattern.Get(pattern);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("The " + keyword + " '" + pattern + "' at " + node.KeywordLocation(keyword) + " is not a valid regular expression: " + ex.Message, ex);
        }
    }

    private static string String(SchemaNode node, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(node, keyword, "a string");

    private static JsonElement[] Array(SchemaNode node, string keyword, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(node, keyword, "an array");
        }

        var items = new JsonElement[value.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            items[i++] = item;
        }

        return items;
    }

    private static string[] Strings(SchemaNode node, string keyword, JsonElement value)
    {
        JsonElement[] items = Array(node, keyword, value);
        var strings = new string[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            strings[i] = String(node, keyword, items[i]);
        }

        return strings;
    }

    private static NumberBound Number(SchemaNode node, string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? new NumberBound(value) : throw Wrong(node, keyword, "a number");

    private static long Count(SchemaNode node, string keyword, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            ExactNumber number = ExactNumber.From(value);
            if (number.IsInteger && number.Sign >= 0)
            {
                return number.TryGetInt64(out long count) ? count : long.MaxValue;
            }
        }

        throw Wrong(node, keyword, "a non-negative integer");
    }

    private static ArgumentException Wrong(SchemaNode node, string keyword, string expected) =>
        new("The schema keyword '" + keyword + "' at " + node.KeywordLocation(keyword) + " must be " + expected + ".");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    /// <summary>Where a schema being compiled is: its resource and pointers, its dialect, and whether ids and anchors under it count.</summary>
    private readonly struct Scope
    {
        public Scope(SchemaResource resource, string resourcePointer, string documentPointer, JsonSchemaDialect dialect, bool noAssertions, int document, bool register)
        {
            Resource = resource;
            ResourcePointer = resourcePointer;
            DocumentPointer = documentPointer;
            Dialect = dialect;
            NoAssertions = noAssertions;
            Document = document;
            Register = register;
        }

        public SchemaResource Resource { get; }

        public string ResourcePointer { get; }

        public string DocumentPointer { get; }

        public JsonSchemaDialect Dialect { get; }

        public bool NoAssertions { get; }

        public int Document { get; }

        public bool Register { get; }

        public Scope Child(string path) => new(Resource, ResourcePointer + path, DocumentPointer + path, Dialect, NoAssertions, Document, Register);
    }
}
