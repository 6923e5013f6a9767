namespace Scenario.Generators.Model;

/// <summary>
/// An object schema (one sealed partial record), or a tuple (<c>prefixItems</c>, or an <c>items</c> array), which is a
/// record whose properties are the array's items in order.
/// </summary>
internal sealed record RecordModel(string Name, string? Description, EquatableArray<PropertyModel> Properties)
{
    /// <summary>Typed maps of the properties the schema does not name: <c>patternProperties</c> and <c>additionalProperties</c> with a schema.</summary>
    public EquatableArray<MapPropertyModel> Maps { get; init; } = EquatableArray<MapPropertyModel>.Empty;

    /// <summary>The schema allows no other properties (<c>additionalProperties: false</c>); any read are still kept in <c>ExtensionData</c>.</summary>
    public bool IsClosed { get; init; }

    /// <summary>A tuple: read from and written as a JSON array, its properties the items in order.</summary>
    public bool IsTuple { get; init; }

    /// <summary>For a tuple: the type of the items past the named ones (<c>items</c> after <c>prefixItems</c>), kept in <c>AdditionalItems</c>.</summary>
    public TypeRef? RestItems { get; init; }

    /// <summary>
    /// The interface of this record's properties (<c>IItem</c> for <c>Item</c>), when other records build on it through an
    /// <c>allOf</c> reference and have its properties; the record implements it too. Null when none does.
    /// </summary>
    public string? Interface { get; init; }

    /// <summary>The interfaces of the records this one builds on (an <c>allOf</c> reference to each), which it implements.</summary>
    public EquatableArray<BaseModel> Bases { get; init; } = EquatableArray<BaseModel>.Empty;

    /// <summary>The JSON pointer of the record's schema in its file, which its <c>Validate()</c> checks against; null when it has none.</summary>
    public string? SchemaPointer { get; init; }
}

/// <summary>
/// A record another builds on (<c>allOf: [{"$ref": "#/$defs/Item"}, …]</c>): the interface the base declares, and the
/// base's properties, which the derived record implements with its own (explicitly where its own is non-nullable and the
/// base's is nullable, as a part of an <c>allOf</c> may require what the base leaves optional).
/// </summary>
internal sealed record BaseModel(TypeRef Interface, EquatableArray<PropertyModel> Properties);

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
    bool? InQuery = null)
{
    /// <summary>The C# type of the property is nullable: all but the required properties that do not allow null.</summary>
    public bool IsNullable => !(IsRequired && !AllowsNull);

    /// <summary>What the schema says of the values beyond their type (<c>minimum: 0</c>, <c>pattern: ^a</c>, <c>default: 5</c>), for the XML doc.</summary>
    public EquatableArray<string> Constraints { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// The C# literal of the property's <c>const</c> value (<c>"Point"</c>, <c>2L</c>, <c>true</c>): records made in code
    /// start with it; a different value read from the wire is kept.
    /// </summary>
    public string? Constant { get; init; }

    /// <summary>
    /// The property's type is <c>JsonElement</c> (or a list or map of it) because the schema allows any value there
    /// (<c>{}</c>, <c>true</c>): typed as the schema says. False for a <c>JsonElement</c> the generator fell back to
    /// (with a warning), and for every typed property.
    /// </summary>
    public bool IsFreeForm { get; init; }
}

/// <summary>
/// A map of a record's other properties: those whose names match one of <see cref="Patterns"/> (<c>patternProperties</c>),
/// or, with no pattern, every name the schema does not describe (<c>additionalProperties</c> with a schema).
/// </summary>
/// <param name="Name">The C# property name (<c>PatternProperties</c>, <c>AdditionalProperties</c>).</param>
/// <param name="Patterns">The patterns whose names the map holds; empty for <c>additionalProperties</c>.</param>
/// <param name="Value">The type of the map's values.</param>
internal sealed record MapPropertyModel(string Name, EquatableArray<PatternModel> Patterns, TypeRef Value)
{
    /// <summary>The map's values may be JSON null.</summary>
    public bool ValueAllowsNull { get; init; }

    /// <summary>The property's type: a map of <see cref="Value"/>.</summary>
    public TypeRef Type => TypeRef.Map(Value, ValueAllowsNull);
}

/// <summary>A <c>patternProperties</c> pattern (ECMA-262, as written), and whether .NET runs it with <c>RegexOptions.ECMAScript</c> (else with its own syntax).</summary>
internal sealed record PatternModel(string Pattern, bool IsEcmaScript);
