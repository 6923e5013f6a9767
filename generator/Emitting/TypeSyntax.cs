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
        TypeKind.Record => Qualified(type),
        TypeKind.Enum => OpenEnum + "<" + Qualified(type) + ">",
        TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Type(type.Element!) + ">",
        _ => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Type(type.Element!) + ">",
    };

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
        TypeKind.Record or TypeKind.Enum => type.Name!,
        TypeKind.List => "IReadOnlyList" + Moniker(type.Element!),
        _ => "IReadOnlyDictionaryString" + Moniker(type.Element!),
    };

    /// <summary>The name of the runtime's reader and writer of a primitive (<c>JsonRead.Element</c> for <c>JsonElement</c>).</summary>
    private static string RuntimeName(TypeRef type) => type.Kind == TypeKind.Any ? "Element" : Moniker(type);

    /// <summary>An expression that reads one value of the type from <c>reader</c>.</summary>
    public string ReadCall(TypeRef type, string reader = "reader", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.Record => Qualified(type) + ".ReadJson(ref " + reader + ", " + options + ")",
        TypeKind.Enum => Qualified(type, "Converter") + ".ReadValue(ref " + reader + ", " + options + ")",
        TypeKind.List => JsonRead + ".List(ref " + reader + ", " + options + ", " + ReaderDelegate(type.Element!, depth + 1) + ")",
        TypeKind.Map => JsonRead + ".Map(ref " + reader + ", " + options + ", " + ReaderDelegate(type.Element!, depth + 1) + ")",
        _ => JsonRead + "." + RuntimeName(type) + "(ref " + reader + ", " + options + ")",
    };

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for the type: a method group, or a static lambda for collections.</summary>
    public string ReaderDelegate(TypeRef type, int depth = 0) => type.Kind switch
    {
        TypeKind.Record => Qualified(type) + ".ReadJson",
        TypeKind.Enum => Qualified(type, "Converter") + ".ReadValue",
        TypeKind.List or TypeKind.Map =>
            "static (ref " + Reader + " r" + depth + ", " + Options + " o" + depth + ") => " + ReadCall(type, "r" + depth, "o" + depth, depth),
        _ => JsonRead + "." + RuntimeName(type),
    };

    /// <summary>A statement that writes <paramref name="value"/> of the type to <c>writer</c>.</summary>
    public string WriteCall(TypeRef type, string value, string writer = "writer", string options = "options", int depth = 0) => type.Kind switch
    {
        TypeKind.String => writer + ".WriteStringValue(" + value + ");",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => writer + ".WriteNumberValue(" + value + ");",
        TypeKind.Any => value + ".WriteTo(" + writer + ");",
        TypeKind.Record => Qualified(type) + ".WriteJson(" + writer + ", " + value + ", " + options + ");",
        TypeKind.Enum => Qualified(type, "Converter") + ".WriteValue(" + writer + ", " + value + ", " + options + ");",
        TypeKind.List => JsonWrite + ".List(" + writer + ", " + value + ", " + options + ", " + WriterDelegate(type.Element!, depth + 1) + ");",
        TypeKind.Map => JsonWrite + ".Map(" + writer + ", " + value + ", " + options + ", " + WriterDelegate(type.Element!, depth + 1) + ");",
        _ => JsonWrite + "." + RuntimeName(type) + "(" + writer + ", " + value + ", " + options + ");",
    };

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for the type.</summary>
    public string WriterDelegate(TypeRef type, int depth = 0) => type.Kind switch
    {
        TypeKind.Record => Qualified(type) + ".WriteJson",
        TypeKind.Enum => Qualified(type, "Converter") + ".WriteValue",
        TypeKind.List or TypeKind.Map =>
            "static (" + Writer + " w" + depth + ", " + Type(type) + " v" + depth + ", " + Options + " o" + depth + ") => " + WriteCall(type, "v" + depth, "w" + depth, "o" + depth, depth).TrimEnd(';'),
        _ => JsonWrite + "." + RuntimeName(type),
    };
}
