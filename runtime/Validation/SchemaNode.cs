using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scenario.Runtime.Validation;

/// <summary>The JSON types a <c>type</c> keyword allows, as flags.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
}

/// <summary>
/// One schema, compiled: its keywords read once into fields (absent keywords are null or -1), its subschemas compiled in
/// turn, its references resolved to other nodes. Evaluation only reads it, from any thread.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>Creates the node of the schema at <paramref name="resourcePointer"/> in <paramref name="resource"/>.</summary>
    public SchemaNode(SchemaResource resource, string resourcePointer, string documentPointer, JsonSchemaDialect dialect)
    {
        Resource = resource;
        ResourcePointer = resourcePointer;
        DocumentPointer = documentPointer;
        Dialect = dialect;
        Location = resource.Uri + "#" + resourcePointer;
    }

    /// <summary>The resource the schema belongs to (its own when it has an <c>$id</c>).</summary>
    public SchemaResource Resource { get; set; }

    /// <summary>The schema's JSON pointer in its resource.</summary>
    public string ResourcePointer { get; set; }

    /// <summary>The schema's JSON pointer in its document.</summary>
    public string DocumentPointer { get; }

    /// <summary>The schema's absolute location: its resource's URI, <c>#</c>, and its pointer in the resource.</summary>
    public string Location { get; set; }

    /// <summary>The rules of the schema.</summary>
    public JsonSchemaDialect Dialect { get; set; }

    /// <summary><c>true</c> or <c>false</c> for a boolean schema, null for an object.</summary>
    public bool? Always;

    /// <summary>Whether the meta-schema leaves out the validation vocabulary (its assertions are annotations).</summary>
    public bool NoAssertions;

    // Assertions on any value.
    public JsonTypes Types;
    public string? TypeText;
    public bool Nullable;
    public JsonElement[]? Enum;
    public bool HasConst;
    public JsonElement Const;

    // Numbers.
    public NumberBound? Minimum;
    public NumberBound? Maximum;
    public NumberBound? ExclusiveMinimum;
    public NumberBound? ExclusiveMaximum;
    public string ExclusiveMinimumKeyword = "exclusiveMinimum";
    public string ExclusiveMaximumKeyword = "exclusiveMaximum";
    public NumberBound? MultipleOf;

    // Strings.
    public long MinLength = -1;
    public long MaxLength = -1;
    public Regex? Pattern;
    public string? PatternText;
    public string? Format;

    // Arrays.
    public long MinItems = -1;
    public long MaxItems = -1;
    public bool UniqueItems;
    public SchemaNode[]? PrefixItems;
    public string? PrefixItemsKeyword;
    public SchemaNode? Items;
    public SchemaNode? AdditionalItems;
    public SchemaNode? Contains;
    public long MinContains = -1;
    public long MaxContains = -1;
    public SchemaNode? UnevaluatedItems;

    // Objects.
    public long MinProperties = -1;
    public long MaxProperties = -1;
    public string[]? Required;
    public KeyValuePair<string, SchemaNode>[]? Properties;
    public Dictionary<string, SchemaNode>? PropertyLookup;
    public PatternSchema[]? PatternProperties;
    public SchemaNode? AdditionalProperties;
    public SchemaNode? PropertyNames;
    public KeyValuePair<string, string[]>[]? DependentRequired;
    public string DependentRequiredKeyword = "dependentRequired";
    public KeyValuePair<string, SchemaNode>[]? DependentSchemas;
    public string DependentSchemasKeyword = "dependentSchemas";
    public SchemaNode? UnevaluatedProperties;

    // Applicators.
    public SchemaNode[]? AllOf;
    public SchemaNode[]? AnyOf;
    public SchemaNode[]? OneOf;
    public SchemaNode? Not;
    public SchemaNode? If;
    public SchemaNode? Then;
    public SchemaNode? Else;

    // References.
    public string? Ref;
    public SchemaNode? RefTarget;
    public bool RefReplacesSiblings;
    public string? DynamicRef;
    public SchemaNode? DynamicRefTarget;
    public string? DynamicRefAnchor;
    public bool RecursiveRef;

    /// <summary>Whether the schema has <c>unevaluatedItems</c> or <c>unevaluatedProperties</c>, so it collects what its subschemas evaluated.</summary>
    public bool HasUnevaluated => UnevaluatedItems is not null || UnevaluatedProperties is not null;

    /// <summary>The location of <paramref name="keyword"/> of this schema, for a problem.</summary>
    public string KeywordLocation(string keyword) => Location + "/" + SchemaPointer.Escape(keyword);
}

/// <summary>A number of a keyword: exact, as a long when it is one, and as written for messages.</summary>
internal sealed class NumberBound
{
    public NumberBound(JsonElement element)
    {
        Exact = ExactNumber.From(element);
        IsInt64 = Exact.TryGetInt64(out Int64);
        Text = element.GetRawText();
    }

    public readonly ExactNumber Exact;
    public readonly bool IsInt64;
    public readonly long Int64;
    public readonly string Text;
}

/// <summary>A <c>patternProperties</c> entry: its expression, as written and compiled, and its schema.</summary>
internal sealed class PatternSchema
{
    public PatternSchema(string text, Regex regex, SchemaNode schema)
    {
        Text = text;
        Regex = regex;
        Schema = schema;
    }

    public string Text { get; }

    public Regex Regex { get; }

    public SchemaNode Schema { get; }
}
