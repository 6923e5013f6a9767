using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>The C# spelling of a <see cref="TypeRef"/>: its type, and the calls that read and write it.</summary>
internal sealed class TypeSyntax
{
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";
    public const string JsonRead = "global::Scenario.Runtime.Json.JsonRead";
    public const string JsonWrite = "global::Scenario.Runtime.Json.JsonWrite";
    public const string OpenEnum = "global::Scenario.Runtime.OpenEnum";
    public const string JsonFormats = "global::Scenario.Runtime.Json.JsonFormats";

    private readonly string _namespace;

    public TypeSyntax(string ns) => _namespace = ns;

    public string Qualified(string typeName) => "global::" + _namespace + "." + typeName;

    /// <summary>A generated type's full name, in its own namespace (types of one schema may refer to another's).</summary>
    public string Qualified(TypeRef type, string suffix = "") => "global::" + (type.Namespace ?? _namespace) + "." + type.Name + suffix;

    /// <summary>The C# type, without nullability.</summary>
    public string Type(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.StringOrNumber => "global::Scenario.Runtime.StringOrNumber",
        TypeKind.DateTime => "global::System.DateTimeOffset",
        TypeKind.Date => "global::System.DateOnly",
        TypeKind.Time => "global::System.TimeOnly",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Uri => "global::System.Uri",
        TypeKind.Duration => "global::System.TimeSpan",
        TypeKind.Decimal => "decimal",
        TypeKind.Record or TypeKind.Tuple or TypeKind.Union => Qualified(type),
        TypeKind.Enum => OpenEnum + "<" + Qualified(type) + ">",
        TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + ElementType(type) + ">",
        _ => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + ElementType(type) + ">",
    };

    /// <summary>The C# type of a list's or map's items, nullable when they may be null.</summary>
    public string ElementType(TypeRef collection) => Type(collection.Element!) + (collection.ElementAllowsNull ? "?" : string.Empty);

    /// <summary>
    /// The null a value of <paramref name="type"/> is read as: a bare <c>null</c>, cast where the type converts from
    /// a reference type (unions and <c>StringOrNumber</c> from <c>string</c>), since the bare literal would go through
    /// that conversion.
    /// </summary>
    public string Null(TypeRef type) => type.Kind is TypeKind.Union or TypeKind.StringOrNumber ? "(" + Type(type) + "?)null" : "null";

    /// <summary>A name for the type made of identifier characters (for the context's properties): <c>IReadOnlyListAsset</c>.</summary>
    public static string Moniker(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Double => "Double",
        TypeKind.Any => "JsonElement",
        TypeKind.StringOrNumber => "StringOrNumber",
        TypeKind.DateTime => "DateTimeOffset",
        TypeKind.Date => "DateOnly",
        TypeKind.Time => "TimeOnly",
        TypeKind.Guid => "Guid",
        TypeKind.Uri => "Uri",
        TypeKind.Duration => "TimeSpan",
        TypeKind.Decimal => "Decimal",
        TypeKind.Record or TypeKind.Tuple or TypeKind.Union or TypeKind.Enum => type.Name!,
        TypeKind.List => "IReadOnlyList" + (type.ElementAllowsNull ? "Nullable" : string.Empty) + Moniker(type.Element!),
        _ => "IReadOnlyDictionaryString" + (type.ElementAllowsNull ? "Nullable" : string.Empty) + Moniker(type.Element!),
    };

    /// <summary>The name of the runtime's reader and writer of a primitive (<c>JsonRead.Element</c> for <c>JsonElement</c>).</summary>
    private static string RuntimeName(TypeRef type) => type.Kind == TypeKind.Any ? "Element" : Moniker(type);

    /// <summary>An expression that reads one value of the type from <c>reader</c>.</summary>
    public string ReadCall(TypeRef type, string reader = "reader", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.Record or TypeKind.Tuple or TypeKind.Union => Qualified(type) + ".ReadJson(ref " + reader + ", " + options + ")",
        TypeKind.Enum => Qualified(type, "Converter") + ".ReadValue(ref " + reader + ", " + options + ")",
        TypeKind.List => (type.Element!.IsFormatted ? JsonFormats + ".ReadList<" : JsonRead + ".List<") + ElementType(type) + ">(ref " + reader + ", " + options + ", " + ItemReader(type, depth + 1) + ")",
        TypeKind.Map => (type.Element!.IsFormatted ? JsonFormats + ".ReadMap<" : JsonRead + ".Map<") + ElementType(type) + ">(ref " + reader + ", " + options + ", " + ItemReader(type, depth + 1) + ")",
        _ when type.IsFormatted => JsonFormats + ".Read" + Moniker(type) + "(ref " + reader + ", " + options + ")",
        _ => JsonRead + "." + RuntimeName(type) + "(ref " + reader + ", " + options + ")",
    };

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for the type: a static lambda that reads it.</summary>
    /// <remarks>
    /// Never a method group: below C# 11 the compiler allocates a delegate for a method group at every conversion (once
    /// per list read), while a lambda's delegate is created once and cached; and a delegate of a lambda (an instance
    /// method of the compiler's cached closure) is called without the argument shuffle a static method's needs.
    /// </remarks>
    public string ReaderDelegate(TypeRef type, int depth = 0) =>
        "static (ref " + Reader + " r" + depth + ", " + Options + " o" + depth + ") => " + ReadCall(type, "r" + depth, "o" + depth, depth);

    /// <summary>The reader of a collection's items: the item type's, or, where items may be null, a lambda that reads null too.</summary>
    private string ItemReader(TypeRef collection, int depth) =>
        collection.ElementAllowsNull
            ? "static (ref " + Reader + " r" + depth + ", " + Options + " o" + depth + ") => r" + depth + ".TokenType == global::System.Text.Json.JsonTokenType.Null ? (" + ElementType(collection) + ")null : " + ReadCall(collection.Element!, "r" + depth, "o" + depth, depth)
            : ReaderDelegate(collection.Element!, depth);

    /// <summary>The writer of a collection's items: the item type's, or, where items may be null, a lambda that writes null too.</summary>
    public string ItemWriter(TypeRef collection, int depth) =>
        collection.ElementAllowsNull
            ? "static (" + Writer + " w" + depth + ", " + ElementType(collection) + " v" + depth + ", " + Options + " o" + depth + ") => { if (v" + depth + " is { } x" + depth + ") { " + WriteCall(collection.Element!, "x" + depth, "w" + depth, "o" + depth, depth) + " } else { w" + depth + ".WriteNullValue(); } }"
            : WriterDelegate(collection.Element!, depth);

    /// <summary>A statement that writes <paramref name="value"/> of the type to <c>writer</c>.</summary>
    public string WriteCall(TypeRef type, string value, string writer = "writer", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.String => writer + ".WriteStringValue(" + value + ");",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 => writer + ".WriteNumberValue(" + value + ");",
        TypeKind.Double => JsonWrite + ".Number(" + writer + ", " + value + ");",
        TypeKind.Any => value + ".WriteTo(" + writer + ");",
        TypeKind.Record or TypeKind.Tuple or TypeKind.Union => Qualified(type) + ".WriteJson(" + writer + ", " + value + ", " + options + ");",
        TypeKind.Enum => Qualified(type, "Converter") + ".WriteValue(" + writer + ", " + value + ", " + options + ");",
        TypeKind.List => (type.Element!.IsFormatted ? JsonFormats + ".WriteList<" : JsonWrite + (type.ElementAllowsNull ? ".ListWithNulls<" : ".List<")) + ElementType(type) + ">(" + writer + ", " + value + ", " + options + ", " + ItemWriter(type, depth + 1) + ");",
        TypeKind.Map => (type.Element!.IsFormatted ? JsonFormats + ".WriteMap<" : JsonWrite + ".Map<") + ElementType(type) + ">(" + writer + ", " + value + ", " + options + ", " + ItemWriter(type, depth + 1) + ");",
        _ when type.IsFormatted => JsonFormats + ".Write" + Moniker(type) + "(" + writer + ", " + value + ", " + options + ");",
        _ => JsonWrite + "." + RuntimeName(type) + "(" + writer + ", " + value + ", " + options + ");",
    };

    /// <summary>
    /// A statement that writes a property, its name and value, in one call (one bounds check, one validation) where
    /// there is one for the type; null where the name is written on its own, then the value. <paramref name="name"/> is a
    /// <c>JsonEncodedText</c> when <paramref name="encodedName"/>, else a string.
    /// </summary>
    public string? WritePropertyCall(TypeRef type, string name, bool encodedName, string value, string writer = "writer", string options = "options") => type.Kind switch
    {
        TypeKind.String => writer + ".WriteString(" + name + ", " + value + ");",
        TypeKind.Boolean => writer + ".WriteBoolean(" + name + ", " + value + ");",
        TypeKind.Int32 or TypeKind.Int64 => writer + ".WriteNumber(" + name + ", " + value + ");",
        TypeKind.Double => JsonWrite + ".Number(" + writer + ", " + name + ", " + value + ");",
        TypeKind.Enum when encodedName => Qualified(type, "Converter") + ".WriteProperty(" + writer + ", " + name + ", " + value + ", " + options + ");",
        TypeKind.Record when encodedName => Qualified(type) + ".WriteJson(" + writer + ", " + name + ", " + value + ", " + options + ");",
        TypeKind.List when encodedName && !type.ElementAllowsNull && !type.Element!.IsFormatted => JsonWrite + ".List<" + ElementType(type) + ">(" + writer + ", " + name + ", " + value + ", " + options + ", " + ItemWriter(type, 1) + ");",
        _ => null,
    };

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for the type: a static lambda that writes it (see <see cref="ReaderDelegate"/>).</summary>
    public string WriterDelegate(TypeRef type, int depth = 0) =>
        "static (" + Writer + " w" + depth + ", " + Type(type) + " v" + depth + ", " + Options + " o" + depth + ") => " + WriteCall(type, "v" + depth, "w" + depth, "o" + depth, depth).TrimEnd(';');

    /// <summary>An expression that compares <paramref name="left"/> and <paramref name="right"/> by value (lists, maps and JSON by content).</summary>
    public string EqualsCall(TypeRef type, string left, string right, int depth = 0) => type.Kind switch
    {
        TypeKind.String => "string.Equals(" + left + ", " + right + ", global::System.StringComparison.Ordinal)",
        TypeKind.Any => Equality + ".Equal(" + left + ", " + right + ")",
        TypeKind.Record or TypeKind.Tuple => "global::System.Collections.Generic.EqualityComparer<" + Type(type) + "?>.Default.Equals(" + left + ", " + right + ")",
        TypeKind.List or TypeKind.Map =>
            Equality + "." + (type.Kind == TypeKind.List ? "List" : "Map") + "(" + left + ", " + right + ", static (" + ElementType(type) + " x" + depth + ", " + ElementType(type) + " y" + depth + ") => "
            + EqualsCall(type.Element!, "x" + depth, "y" + depth, depth + 1) + ")",
        _ => left + " == " + right,
    };

    /// <summary>An expression for the hash code of <paramref name="value"/>, consistent with <see cref="EqualsCall"/>.</summary>
    public static string HashCall(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => "(" + value + " is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(" + value + "))",
        TypeKind.Any => Equality + ".Hash(" + value + ")",
        TypeKind.List or TypeKind.Map => Equality + ".Count(" + value + ")",
        TypeKind.Record or TypeKind.Tuple or TypeKind.Uri => "(" + value + "?.GetHashCode() ?? 0)",
        _ => value + ".GetHashCode()",
    };

    public const string Equality = "global::Scenario.Runtime.Json.JsonEquality";
}
