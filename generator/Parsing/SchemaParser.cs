using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;

namespace Scenario.Generators.Parsing;

/// <summary>
/// Schema text to <see cref="SchemaModel"/>: checks the JSON and its references (with locations), lets NJsonSchema
/// read the schema, then walks it into plain, value-equatable records. Never throws: problems are diagnostics.
/// </summary>
internal sealed class SchemaParser
{
    public const string SchemaSuffix = ".schema.json";

    private static readonly string[] RecordMemberNames =
    {
        "ExtensionData", "ReadJson", "WriteJson", "WriteJsonBody", "EqualityContract", "Equals", "GetHashCode", "ToString",
        "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "Clone",
    };

    private readonly SchemaLocator _locator;
    private readonly JToken _document;
    private readonly JsonSchema _root;
    private readonly Dictionary<JsonSchema, string> _definitionPointers = new();
    private readonly Dictionary<JsonSchema, string> _namedTypes = new();
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);
    private readonly List<RecordModel> _records = new();
    private readonly List<EnumModel> _enums = new();
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private string? _rootName;

    private SchemaParser(SchemaLocator locator, JToken document, JsonSchema root, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _locator = locator;
        _document = document;
        _root = root;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static SchemaModel Parse(SchemaInput input, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(input.Path);
        string stem = fileName.Substring(0, Math.Max(0, fileName.Length - SchemaSuffix.Length));
        string baseName = Identifiers.ToPascalCase(stem);
        var diagnostics = new List<DiagnosticInfo>();
        var locator = new SchemaLocator(input.Path, input.Text ?? string.Empty);

        string ns = input.Namespace is { Length: > 0 } configured ? configured.Trim() : baseName;
        if (!IsNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "Namespace", ns, "use a C# namespace such as 'Contoso.Api'"));
            ns = baseName;
        }

        bool isPublic = true;
        if (input.Visibility is { Length: > 0 } visibility)
        {
            if (string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
            {
                isPublic = false;
            }
            else if (!string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "Visibility", visibility, "use 'public' or 'internal'"));
            }
        }

        var empty = new SchemaModel(fileName, ns, baseName + "JsonContext", isPublic, EquatableArray<RecordModel>.Empty, EquatableArray<EnumModel>.Empty, null, diagnostics.ToEquatableArray());
        if (input.Text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "the compiler could not read the file"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        JToken document;
        try
        {
            document = JToken.Parse(input.Text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
        }
        catch (JsonReaderException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, locator.AtLine(ex.LineNumber, ex.LinePosition), fileName, FirstSentence(ex.Message)));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (document is not JObject rootObject)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, "a schema is a JSON object"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (rootObject.Property("$defs", StringComparison.Ordinal) is { } defs && rootObject.Property("definitions", StringComparison.Ordinal) is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.Of(defs.Value), fileName, "'$defs' (draft 2020-12) is not supported; name the section 'definitions' (draft-07) and point each $ref at '#/definitions/Name'"));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        if (!CheckReferences(document, locator, diagnostics))
        {
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        JsonSchema root;
        try
        {
            // Every $ref is local (checked above), so NJsonSchema does no file or network IO here.
            root = JsonSchema.FromJsonAsync(input.Text, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, locator.File, fileName, FirstSentence(ex.Message)));
            return empty with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        var parser = new SchemaParser(locator, document, root, diagnostics, cancellationToken);
        parser.Walk(baseName, empty.ContextName);
        string? clientName = input.ClientName?.Trim();
        if (clientName is not null && (!IsNamespace(clientName) || clientName.Contains(".")))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "ClientName", clientName, "use a C# identifier such as 'Acme'"));
            clientName = null;
        }

        ClientModel? client = new ClientParser(locator, parser.RecordsByPointer(), parser.Unique, diagnostics).Parse(rootObject, clientName);
        return empty with
        {
            Records = parser._records.ToEquatableArray(),
            Enums = parser._enums.ToEquatableArray(),
            Client = client,
            RootName = parser._rootName,
            Diagnostics = diagnostics.ToEquatableArray(),
        };
    }

    private void Walk(string baseName, string contextName)
    {
        _takenTypeNames.Add(contextName);
        var named = new List<KeyValuePair<string, JsonSchema>>();
        foreach (KeyValuePair<string, JsonSchema> definition in _root.Definitions)
        {
            _definitionPointers[definition.Value] = "/definitions/" + EscapePointer(definition.Key);
            if (IsEnum(definition.Value) || IsRecord(definition.Value, named: true))
            {
                named.Add(definition);
            }
        }

        Dictionary<string, string> names = Identifiers.NameScope(named.Select(d => d.Key), new HashSet<string>(_takenTypeNames, StringComparer.Ordinal), "Type");
        foreach (KeyValuePair<string, JsonSchema> definition in named)
        {
            string name = names[definition.Key];
            _namedTypes[definition.Value] = name;
            _takenTypeNames.Add(name);
            if (IsEnum(definition.Value))
            {
                _takenTypeNames.Add(name + "Converter");
            }
        }

        foreach (KeyValuePair<string, JsonSchema> definition in named)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string name = _namedTypes[definition.Value];
            if (IsEnum(definition.Value))
            {
                AddEnum(name, definition.Value);
            }
            else
            {
                AddRecord(name, definition.Value, _definitionPointers[definition.Value]);
            }
        }

        if (_root.Properties.Count > 0)
        {
            string name = Unique(_root.Title is { Length: > 0 } title ? Identifiers.ToPascalCase(title) : baseName);
            AddRecord(name, _root, string.Empty);
            _rootName = name;
        }
    }

    /// <summary>The records of the named definitions, by JSON pointer (<c>/definitions/Asset</c>), for the client's <c>$ref</c>s.</summary>
    private Dictionary<string, string> RecordsByPointer()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<JsonSchema, string> named in _namedTypes)
        {
            if (!IsEnum(named.Key) && _definitionPointers.TryGetValue(named.Key, out string? pointer))
            {
                result[pointer] = named.Value;
            }
        }

        return result;
    }

    private void AddRecord(string name, JsonSchema schema, string pointer)
    {
        var properties = new List<(string JsonName, JsonSchemaProperty Schema, bool Required)>();
        CollectProperties(schema, properties, depth: 0);
        var reserved = new HashSet<string>(RecordMemberNames, StringComparer.Ordinal) { name };
        Dictionary<string, string> names = Identifiers.NameScope(properties.Select(p => p.JsonName), reserved, "Value");

        var models = new List<PropertyModel>(properties.Count);
        foreach ((string jsonName, JsonSchemaProperty property, bool required) in properties)
        {
            string propertyPointer = pointer + "/properties/" + EscapePointer(jsonName);
            TypeRef type = MapType(property, name + Identifiers.ToPascalCase(jsonName), propertyPointer, depth: 0);
            JsonSchema target = Follow(property);
            bool allowsNull = type.Kind != TypeKind.Any && (AllowsNull(property) || AllowsNull(target));
            string? description = Describe(property) ?? Describe(target);
            models.Add(new PropertyModel(jsonName, names[jsonName], type, required, allowsNull, description, IsDeprecated(property), Location(property, propertyPointer)));
        }

        _records.Add(new RecordModel(name, Describe(schema), models.ToEquatableArray()));
    }

    private void CollectProperties(JsonSchema schema, List<(string, JsonSchemaProperty, bool)> into, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        foreach (JsonSchema part in schema.AllOf)
        {
            CollectProperties(Follow(part), into, depth + 1);
        }

        foreach (KeyValuePair<string, JsonSchemaProperty> property in schema.Properties)
        {
            into.RemoveAll(p => p.Item1 == property.Key);
            into.Add((property.Key, property.Value, property.Value.IsRequired || schema.RequiredProperties.Contains(property.Key)));
        }
    }

    private void AddEnum(string name, JsonSchema schema)
    {
        List<string> values = schema.Enumeration.OfType<string>().ToList();
        Dictionary<string, string> names = Identifiers.NameScope(values, new HashSet<string>(StringComparer.Ordinal), string.Empty);
        var members = values.Distinct(StringComparer.Ordinal).Select(v => new EnumMemberModel(names[v], v));
        _enums.Add(new EnumModel(name, Describe(schema), members.ToEquatableArray()));
    }

    private TypeRef MapType(JsonSchema schema, string nameHint, string pointer, int depth)
    {
        if (depth > 32)
        {
            return Unsupported("A chain of $ref aliases", pointer);
        }

        if (schema.HasReference)
        {
            JsonSchema target = schema.Reference!;
            if (_namedTypes.TryGetValue(target, out string? typeName))
            {
                return IsEnum(target) ? TypeRef.Enum(typeName) : TypeRef.Record(typeName);
            }

            return MapType(target, nameHint, _definitionPointers.TryGetValue(target, out string? targetPointer) ? targetPointer : pointer, depth + 1);
        }

        if (schema.AllOf.Count == 1 && schema.Properties.Count == 0 && (schema.Type & ~JsonObjectType.Null) == JsonObjectType.None)
        {
            return MapType(schema.AllOf.First(), nameHint, pointer + "/allOf/0", depth + 1);
        }

        ICollection<JsonSchema> alternatives = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (alternatives.Count > 0)
        {
            List<JsonSchema> nonNull = alternatives.Where(a => Follow(a).Type != JsonObjectType.Null).ToList();
            if (nonNull.Count == 1)
            {
                return MapType(nonNull[0], nameHint, pointer, depth + 1);
            }

            List<TypeRef> mapped = nonNull.Select(a => MapType(a, nameHint, pointer, depth + 1)).ToList();
            if (mapped.All(m => m.Kind is TypeKind.String or TypeKind.Double or TypeKind.Int32 or TypeKind.Int64 or TypeKind.StringOrNumber)
                && mapped.Any(m => m.Kind == TypeKind.String) && mapped.Any(m => m.Kind != TypeKind.String))
            {
                return TypeRef.StringOrNumber;
            }

            return Unsupported("A oneOf/anyOf of several shapes", pointer);
        }

        if (IsEnum(schema))
        {
            string name = Unique(nameHint);
            _takenTypeNames.Add(name + "Converter");
            AddEnum(name, schema);
            return TypeRef.Enum(name);
        }

        JsonObjectType type = schema.Type & ~JsonObjectType.Null;
        const JsonObjectType Numeric = JsonObjectType.Number | JsonObjectType.Integer;
        switch (type)
        {
            case JsonObjectType.String:
                return TypeRef.String;
            case JsonObjectType.Boolean:
                return TypeRef.Boolean;
            case JsonObjectType.Integer:
                return schema.Format == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case JsonObjectType.Number:
            case Numeric:
                return TypeRef.Double;
            case JsonObjectType.Array:
                return TypeRef.List(MapItems(schema, nameHint, pointer, depth));
            case JsonObjectType.Object:
            case JsonObjectType.None:
                if (IsRecord(schema, named: false))
                {
                    string name = Unique(nameHint);
                    AddRecord(name, schema, pointer);
                    return TypeRef.Record(name);
                }

                if (type == JsonObjectType.None && schema.Item is not null)
                {
                    return TypeRef.List(MapItems(schema, nameHint, pointer, depth));
                }

                if (type == JsonObjectType.None)
                {
                    return TypeRef.Any;
                }

                return schema.AdditionalPropertiesSchema is { } values
                    ? TypeRef.Map(MapType(values, nameHint + "Value", pointer + "/additionalProperties", depth + 1))
                    : TypeRef.Map(TypeRef.Any);
            default:
                if ((type & JsonObjectType.String) != 0 && (type & Numeric) != 0 && (type & ~(JsonObjectType.String | Numeric)) == 0)
                {
                    return TypeRef.StringOrNumber;
                }

                return Unsupported("A value of types " + type.ToString(), pointer);
        }
    }

    private TypeRef MapItems(JsonSchema schema, string nameHint, string pointer, int depth)
    {
        JsonSchema? item = schema.Item ?? (schema.Items.Count == 1 ? schema.Items.First() : null);
        return item is null ? TypeRef.Any : MapType(item, nameHint + "Item", pointer + "/items", depth + 1);
    }

    private TypeRef Unsupported(string what, string pointer)
    {
        JToken? token = SchemaLocator.Resolve(_document, pointer);
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedShape, token is null ? _locator.File : _locator.Of(token), what, "#" + pointer));
        return TypeRef.Any;
    }

    /// <summary>A type name not taken yet, starting from <paramref name="hint"/>; the name is taken from then on.</summary>
    private string Unique(string hint)
    {
        string name = hint;
        for (int n = 2; !_takenTypeNames.Add(name); n++)
        {
            name = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static JsonSchema Follow(JsonSchema schema)
    {
        for (int i = 0; i < 32 && schema.HasReference; i++)
        {
            schema = schema.Reference!;
        }

        return schema;
    }

    private static bool IsEnum(JsonSchema schema) =>
        schema.Enumeration.Count > 0
        && schema.Enumeration.All(v => v is null or string)
        && (schema.Type & ~JsonObjectType.Null) is JsonObjectType.String or JsonObjectType.None;

    private static bool IsRecord(JsonSchema schema, bool named)
    {
        if (schema.HasReference || IsEnum(schema))
        {
            return false;
        }

        JsonObjectType type = schema.Type & ~JsonObjectType.Null;
        if (schema.Properties.Count > 0 || (schema.AllOf.Count > 1 && type is JsonObjectType.Object or JsonObjectType.None))
        {
            return true;
        }

        // A named object with no properties and no additionalProperties schema is still a type of its own (it keeps what it is sent).
        return named && type == JsonObjectType.Object && schema.AdditionalPropertiesSchema is null;
    }

    private static bool AllowsNull(JsonSchema schema) =>
        (schema.Type & JsonObjectType.Null) != 0
        || schema.IsNullableRaw == true
        || schema.OneOf.Concat(schema.AnyOf).Any(a => Follow(a).Type == JsonObjectType.Null);

    /// <summary>The <c>x-in</c> extension of an operation parameter: true for <c>query</c>, false for <c>body</c>, null when absent.</summary>
    private bool? Location(JsonSchema property, string pointer)
    {
        if (property.ExtensionData is not { } extensions || !extensions.TryGetValue("x-in", out object? value))
        {
            return null;
        }

        switch (value as string)
        {
            case "query":
                return true;
            case "body":
                return false;
            default:
                JToken? token = SchemaLocator.Resolve(_document, pointer + "/x-in");
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidClient, token is null ? _locator.File : _locator.Of(token), "'x-in' is \"query\" or \"body\""));
                return null;
        }
    }

    private static bool IsDeprecated(JsonSchema schema) =>
        schema.IsDeprecated
        || (schema.ExtensionData is { } extensions && extensions.TryGetValue("deprecated", out object? value) && value is true);

    private static string? Describe(JsonSchema schema) => string.IsNullOrWhiteSpace(schema.Description) ? null : schema.Description!.Trim();

    private static bool CheckReferences(JToken document, SchemaLocator locator, List<DiagnosticInfo> diagnostics)
    {
        bool ok = true;
        foreach (JProperty reference in ((JContainer)document).Descendants().OfType<JProperty>().Where(p => p.Name == "$ref"))
        {
            if (reference.Value is not JValue { Type: JTokenType.String } value)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, locator.Of(reference.Value), reference.Value.ToString(Formatting.None), "a $ref is a string"));
                ok = false;
                continue;
            }

            string target = (string)value!;
            if (!target.StartsWith("#", StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, locator.Of(value), target, "only references inside the schema file are supported (a generator reads no other file)"));
                ok = false;
            }
            else if (SchemaLocator.Resolve(document, target.Substring(1)) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, locator.Of(value), target, "nothing in the file is at that path"));
                ok = false;
            }
        }

        return ok;
    }

    private static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string FirstSentence(string message)
    {
        string trimmed = message.Trim();
        return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed.Substring(0, trimmed.Length - 1) : trimmed;
    }

    private static bool IsNamespace(string value) =>
        value.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));
}
