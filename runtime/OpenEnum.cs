using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Scenario.Runtime;

/// <summary>
/// A value of the string enum <typeparamref name="TEnum"/> that stays open: it holds either one of the
/// members the schema lists, or the raw wire value of one it does not (servers add values over time).
/// It compares equal to the member it holds (<c>asset.Kind == AssetKind.Image</c>), converts implicitly
/// from a member, and is written back exactly as it was read.
/// </summary>
/// <typeparam name="TEnum">A generated enum whose wire values are registered with <see cref="OpenEnumWire{TEnum}"/>.</typeparam>
public readonly struct OpenEnum<TEnum> : IEquatable<OpenEnum<TEnum>>, IEquatable<TEnum>
    where TEnum : struct, Enum
{
    private readonly TEnum _value;
    private readonly string? _unknown;

    /// <summary>Creates a value holding the known member <paramref name="value"/>.</summary>
    public OpenEnum(TEnum value)
    {
        _value = value;
        _unknown = null;
    }

    private OpenEnum(string unknown)
    {
        _value = default;
        _unknown = unknown;
    }

    /// <summary>Creates a value from its wire form: a known member when the schema lists <paramref name="wireValue"/>, an unknown value otherwise.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="wireValue"/> is null.</exception>
    public static OpenEnum<TEnum> FromWireValue(string wireValue)
    {
        if (wireValue is null)
        {
            throw new ArgumentNullException(nameof(wireValue));
        }

        return OpenEnumWire<TEnum>.TryParse(wireValue, out TEnum member) ? new OpenEnum<TEnum>(member) : new OpenEnum<TEnum>(wireValue);
    }

    /// <summary>Creates a value for a wire value the caller already knows is not one of the schema's members (generated readers call this).</summary>
    public static OpenEnum<TEnum> FromUnknownWireValue(string wireValue) =>
        new(wireValue ?? throw new ArgumentNullException(nameof(wireValue)));

    /// <summary>True when the value is one of the members the schema lists.</summary>
    public bool IsKnown => _unknown is null;

    /// <summary>The known member.</summary>
    /// <exception cref="InvalidOperationException">The value is not one the schema lists; check <see cref="IsKnown"/> or use <see cref="TryGetValue"/>.</exception>
    public TEnum Value => _unknown is null
        ? _value
        : throw new InvalidOperationException($"'{_unknown}' is not a value of {typeof(TEnum).Name} known to this client; check IsKnown or use TryGetValue.");

    /// <summary>Gets the known member, or returns false for a value the schema does not list.</summary>
    public bool TryGetValue(out TEnum value)
    {
        value = _value;
        return _unknown is null;
    }

    /// <summary>The wire value: exactly what was read, or the schema's spelling of the member.</summary>
    public string WireValue => _unknown ?? OpenEnumWire<TEnum>.Format(_value);

    /// <summary>Returns <see cref="WireValue"/>.</summary>
    public override string ToString() => WireValue;

    /// <inheritdoc />
    public bool Equals(OpenEnum<TEnum> other) =>
        _unknown is null
            ? other._unknown is null && EqualityComparer<TEnum>.Default.Equals(_value, other._value)
            : string.Equals(_unknown, other._unknown, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(TEnum other) => _unknown is null && EqualityComparer<TEnum>.Default.Equals(_value, other);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj switch
    {
        OpenEnum<TEnum> open => Equals(open),
        TEnum member => Equals(member),
        _ => false,
    };

    /// <inheritdoc />
    public override int GetHashCode() =>
        _unknown is null ? EqualityComparer<TEnum>.Default.GetHashCode(_value) : StringComparer.Ordinal.GetHashCode(_unknown);

    /// <summary>Wraps a known member.</summary>
    public static implicit operator OpenEnum<TEnum>(TEnum value) => new(value);

    /// <summary>
    /// The wire value (<see cref="WireValue"/>): an open enum is the string it was sent as (<c>string kind = asset.Kind;</c>),
    /// so a <c>Match</c> whose branches give an open enum and a string is a string, with no cast. Nothing is lost:
    /// <see cref="FromWireValue"/> gives the same value back.
    /// </summary>
    public static implicit operator string(OpenEnum<TEnum> value) => value.WireValue;

#pragma warning disable CS1591 // the operators' meaning is the Equals they call
    public static bool operator ==(OpenEnum<TEnum> left, OpenEnum<TEnum> right) => left.Equals(right);
    public static bool operator !=(OpenEnum<TEnum> left, OpenEnum<TEnum> right) => !left.Equals(right);
    public static bool operator ==(OpenEnum<TEnum> left, TEnum right) => left.Equals(right);
    public static bool operator !=(OpenEnum<TEnum> left, TEnum right) => !left.Equals(right);
    public static bool operator ==(TEnum left, OpenEnum<TEnum> right) => right.Equals(left);
    public static bool operator !=(TEnum left, OpenEnum<TEnum> right) => !right.Equals(left);
#pragma warning restore CS1591
}
