namespace Scenario.Generators.Model;

/// <summary>Everything the emitter needs to write the code of one schema, and the diagnostics the parser found.</summary>
internal sealed record SchemaModel(
    string FileName,
    string Namespace,
    string ContextName,
    bool IsPublic,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    ClientModel? Client,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The context property that reads and writes a whole document (<c>{Context}.Default.{RootName}</c>),
    /// or null when the schema's root gives no type.
    /// </summary>
    public string? RootName { get; init; }

    /// <summary>The type of a whole document (the root schema's type); null when there is no root.</summary>
    public TypeRef? RootType { get; init; }
}

/// <summary>An object schema: one sealed partial record.</summary>
internal sealed record RecordModel(string Name, string? Description, EquatableArray<PropertyModel> Properties);

/// <summary>A property of a record.</summary>
/// <param name="JsonName">The name on the wire, kept exactly.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The property's type, without nullability.</param>
/// <param name="IsRequired">The schema lists the property as required.</param>
/// <param name="AllowsNull">The schema allows JSON null as the property's value.</param>
/// <param name="Description">The schema's description, for the XML doc.</param>
/// <param name="IsDeprecated">The schema marks the property deprecated.</param>
/// <param name="InQuery">The property is a query parameter (<c>"x-in": "query"</c>) when its record is an operation's parameters.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool AllowsNull,
    string? Description,
    bool IsDeprecated,
    bool? InQuery = null);

/// <summary>A string enum: one C# enum and its converter.</summary>
internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

/// <summary>A member of an enum: its C# name and its exact wire value.</summary>
internal sealed record EnumMemberModel(string Name, string WireValue);

/// <summary>The shapes a value can take in generated code.</summary>
internal enum TypeKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>int</c> (<c>integer</c> with <c>format: int32</c>).</summary>
    Int32,

    /// <summary><c>long</c> (any other <c>integer</c>).</summary>
    Int64,

    /// <summary><c>double</c> (<c>number</c>).</summary>
    Double,

    /// <summary><c>JsonElement</c>: a schema with no type (<c>{}</c>, unknown).</summary>
    Any,

    /// <summary><c>StringOrNumber</c>: <c>"type": ["string", "number"]</c>.</summary>
    StringOrNumber,

    /// <summary>A generated record.</summary>
    Record,

    /// <summary>A generated enum, held as <c>OpenEnum&lt;T&gt;</c>.</summary>
    Enum,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> (<c>additionalProperties</c>).</summary>
    Map,
}

/// <summary>A type in generated code: a primitive, a generated type by name, or a collection of an element type.</summary>
/// <param name="Namespace">For a generated type: its namespace (types of several schema files refer to each other).</param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, string? Namespace = null)
{
    public static TypeRef String { get; } = new(TypeKind.String);

    public static TypeRef Boolean { get; } = new(TypeKind.Boolean);

    public static TypeRef Int32 { get; } = new(TypeKind.Int32);

    public static TypeRef Int64 { get; } = new(TypeKind.Int64);

    public static TypeRef Double { get; } = new(TypeKind.Double);

    public static TypeRef Any { get; } = new(TypeKind.Any);

    public static TypeRef StringOrNumber { get; } = new(TypeKind.StringOrNumber);

    public static TypeRef Record(string name, string ns) => new(TypeKind.Record, name, null, ns);

    public static TypeRef Enum(string name, string ns) => new(TypeKind.Enum, name, null, ns);

    public static TypeRef List(TypeRef element) => new(TypeKind.List, null, element);

    public static TypeRef Map(TypeRef element) => new(TypeKind.Map, null, element);

    /// <summary>True for the C# value types (nullable form is <c>T?</c> of a struct).</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Any or TypeKind.StringOrNumber or TypeKind.Enum;
}
