namespace Scenario.Generators.Model;

/// <summary>An enum: one C# enum and its converter. Properties hold it as <c>OpenEnum&lt;T&gt;</c>, which keeps unlisted values.</summary>
internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members)
{
    /// <summary>What the values are on the wire.</summary>
    public EnumKind Kind { get; init; } = EnumKind.String;

    /// <summary>For an <see cref="EnumKind.Integer"/> enum whose values do not all fit an <c>int</c>: the C# enum is a <c>long</c> enum.</summary>
    public bool IsLong { get; init; }

    /// <summary>The JSON pointer of the enum's schema in its file, which a validating context checks its values against; null when it has none.</summary>
    public string? SchemaPointer { get; init; }
}

/// <summary>
/// A member of an enum: its C# name and its wire value — the string for a string enum, else the value's JSON text
/// (<c>2</c>, <c>0.5</c>, <c>true</c>, <c>"auto"</c>).
/// </summary>
internal sealed record EnumMemberModel(string Name, string WireValue);

/// <summary>The kinds of values an enum lists.</summary>
internal enum EnumKind
{
    /// <summary>Strings only: the C# members are numbered in schema order.</summary>
    String,

    /// <summary>Integers only: each C# member's value is its wire value.</summary>
    Integer,

    /// <summary>Numbers with fractions, or values of several kinds (strings, numbers, booleans): matched by JSON value.</summary>
    Mixed,
}
