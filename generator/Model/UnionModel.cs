namespace Scenario.Generators.Model;

/// <summary>
/// A union (<c>oneOf</c>, <c>anyOf</c>, <c>"type": [...]</c> of two or more shapes): one readonly struct that holds one
/// branch's value, or the raw JSON of a value no branch matches. See docs/decisions.md, "Unions".
/// </summary>
internal sealed record UnionModel(string Name, string? Description, EquatableArray<UnionBranchModel> Branches)
{
    /// <summary>
    /// The JSON property whose value tells the object branches apart (OpenAPI's <c>discriminator</c>, or a property each
    /// object branch fixes with <c>const</c> or a one-value <c>enum</c>); null when their required properties decide.
    /// </summary>
    public string? Discriminator { get; init; }

    /// <summary>The JSON pointer of the union's schema in its file, which its <c>Validate()</c> checks against; null when it has none.</summary>
    public string? SchemaPointer { get; init; }
}

/// <summary>One branch of a union.</summary>
/// <param name="Name">The branch's name in the union's members: <c>IsCard</c>, <c>AsCard</c>, <c>TryGetCard</c>.</param>
/// <param name="Type">The branch's C# type.</param>
/// <param name="Kinds">The kinds of JSON value the branch accepts, which decide the branch first.</param>
internal sealed record UnionBranchModel(string Name, TypeRef Type, ValueKinds Kinds)
{
    /// <summary>For an array branch: the kinds of value its items are, which tell array branches apart by their first item.</summary>
    public ValueKinds ItemKinds { get; init; } = ValueKinds.Any;

    /// <summary>The branch's description, from its schema.</summary>
    public string? Description { get; init; }

    /// <summary>For an object branch: the values of the union's discriminator that select it.</summary>
    public EquatableArray<string> DiscriminatorValues { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For an object branch: the names of its properties.</summary>
    public EquatableArray<string> Properties { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For an object branch: the names of its required properties.</summary>
    public EquatableArray<string> Required { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For an object branch: the schema allows no other properties (<c>additionalProperties: false</c>).</summary>
    public bool IsClosed { get; init; }
}

/// <summary>Kinds of JSON value, as flags.</summary>
[System.Flags]
internal enum ValueKinds
{
    None = 0,
    String = 1,

    /// <summary>A number without a fraction (<c>integer</c>).</summary>
    Integer = 2,

    /// <summary>Any number (<c>number</c>), integers included.</summary>
    Number = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
    Any = String | Integer | Number | Boolean | Object | Array,
}
