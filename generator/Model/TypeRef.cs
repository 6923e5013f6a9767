namespace Scenario.Generators.Model;

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

    /// <summary><c>DateTimeOffset</c>: a <c>date-time</c> string, where the schema file opts in to formats.</summary>
    DateTime,

    /// <summary><c>DateOnly</c>: a <c>date</c> string (formats on, .NET 6 or later).</summary>
    Date,

    /// <summary><c>TimeOnly</c>: a <c>time</c> string (formats on, .NET 6 or later).</summary>
    Time,

    /// <summary><c>Guid</c>: a <c>uuid</c> string (formats on).</summary>
    Guid,

    /// <summary><c>Uri</c>: a <c>uri</c> or <c>uri-reference</c> string (formats on).</summary>
    Uri,

    /// <summary><c>TimeSpan</c>: a <c>duration</c> string (formats on).</summary>
    Duration,

    /// <summary><c>decimal</c>: a number the schema marks decimal (formats on).</summary>
    Decimal,

    /// <summary>A generated record.</summary>
    Record,

    /// <summary>A generated record read from and written as a JSON array (a tuple).</summary>
    Tuple,

    /// <summary>A generated union: a readonly struct holding one branch's value.</summary>
    Union,

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

    public static TypeRef DateTime { get; } = new(TypeKind.DateTime);

    public static TypeRef Date { get; } = new(TypeKind.Date);

    public static TypeRef Time { get; } = new(TypeKind.Time);

    public static TypeRef Guid { get; } = new(TypeKind.Guid);

    public static TypeRef Uri { get; } = new(TypeKind.Uri);

    public static TypeRef Duration { get; } = new(TypeKind.Duration);

    public static TypeRef Decimal { get; } = new(TypeKind.Decimal);

    public static TypeRef Record(string name, string ns) => new(TypeKind.Record, name, null, ns);

    public static TypeRef Enum(string name, string ns) => new(TypeKind.Enum, name, null, ns);

    public static TypeRef Tuple(string name, string ns) => new(TypeKind.Tuple, name, null, ns);

    public static TypeRef Union(string name, string ns) => new(TypeKind.Union, name, null, ns);

    public static TypeRef List(TypeRef element, bool elementAllowsNull = false) => new(TypeKind.List, null, element) { ElementAllowsNull = elementAllowsNull && element.Kind != TypeKind.Any };

    public static TypeRef Map(TypeRef element, bool elementAllowsNull = false) => new(TypeKind.Map, null, element) { ElementAllowsNull = elementAllowsNull && element.Kind != TypeKind.Any };

    /// <summary>For a list or map: its items may be JSON null (<c>IReadOnlyList&lt;string?&gt;</c>). JSON values hold null themselves.</summary>
    public bool ElementAllowsNull { get; init; }

    /// <summary>True for the C# value types (nullable form is <c>T?</c> of a struct).</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Any or TypeKind.StringOrNumber or TypeKind.Enum or TypeKind.Union
        or TypeKind.DateTime or TypeKind.Date or TypeKind.Time or TypeKind.Guid or TypeKind.Duration or TypeKind.Decimal;

    /// <summary>
    /// A value a <c>format</c> types (a date, a uuid, …): read from text that generated code keeps, so it is written back
    /// exactly while the value is unchanged.
    /// </summary>
    public bool IsFormatted => Kind is TypeKind.DateTime or TypeKind.Date or TypeKind.Time or TypeKind.Guid or TypeKind.Uri or TypeKind.Duration or TypeKind.Decimal;

    /// <summary>
    /// This type where formatted values cannot keep their text (a union's branch, a tuple's item, a record's typed map, a
    /// nested list): each formatted value as its plain JSON type, <c>string</c> (or <c>double</c> for a decimal).
    /// </summary>
    public TypeRef WithoutFormats() => Kind switch
    {
        TypeKind.Decimal => Double,
        _ when IsFormatted => String,
        TypeKind.List => List(Element!.WithoutFormats(), ElementAllowsNull),
        TypeKind.Map => Map(Element!.WithoutFormats(), ElementAllowsNull),
        _ => this,
    };

    /// <summary>A whole document or body that is one formatted value has nowhere to keep its text: it is its JSON type.</summary>
    public TypeRef WithoutTopFormats() => IsFormatted ? WithoutFormats() : this;

    /// <summary>True for a type the generator emits (a record, tuple, enum or union), which has a name.</summary>
    public bool IsGenerated => Kind is TypeKind.Record or TypeKind.Tuple or TypeKind.Enum or TypeKind.Union;
}
