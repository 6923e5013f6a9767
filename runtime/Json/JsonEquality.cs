using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// Value equality for what generated records hold: lists and maps compare by their items, JSON values by their content
/// (object members in any order, numbers by value), so two records read from the same JSON are equal and hash alike.
/// Generated <c>Equals</c> and <c>GetHashCode</c> call these.
/// </summary>
public static class JsonEquality
{
    /// <summary>The deepest JSON compared; deeper values are compared by their raw text.</summary>
    private const int MaxDepth = 256;

    /// <summary>Whether two JSON values are the same: same kind, same members (in any order), same items (in order), numbers equal by value.</summary>
    public static bool Equal(JsonElement left, JsonElement right) => Equal(left, right, 0);

    /// <summary>Whether two optional JSON values are the same (both absent, or both present and equal).</summary>
    public static bool Equal(JsonElement? left, JsonElement? right) =>
        left is { } l ? right is { } r && Equal(l, r, 0) : right is null;

    /// <summary>Whether two lists have equal items in the same order (two nulls are equal).</summary>
    public static bool List<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right, Func<T, T, bool> equal)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!equal(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two maps have the same keys with equal values (two nulls are equal).</summary>
    public static bool Map<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right, Func<T, T, bool> equal)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, T> pair in left)
        {
            if (!right.TryGetValue(pair.Key, out T? other) || !equal(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two records kept the same unknown properties (no properties and none kept are the same).</summary>
    public static bool Extension(IReadOnlyDictionary<string, JsonElement>? left, IReadOnlyDictionary<string, JsonElement>? right) =>
        (left is null || left.Count == 0) ? (right is null || right.Count == 0) : Map(left, right, Equal);

    /// <summary>A hash code consistent with <see cref="Equal(JsonElement, JsonElement)"/>.</summary>
    public static int Hash(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringComparer.Ordinal.GetHashCode(value.GetString()!),
        JsonValueKind.Array => unchecked((int)JsonValueKind.Array * 31 + value.GetArrayLength()),
        _ => (int)value.ValueKind,
    };

    /// <summary>A hash code consistent with <see cref="Equal(JsonElement?, JsonElement?)"/>.</summary>
    public static int Hash(JsonElement? value) => value is { } present ? Hash(present) : 0;

    /// <summary>A hash code of a list or map consistent with comparing its items: its count.</summary>
    public static int Count<T>(IReadOnlyCollection<T>? value) => value?.Count ?? -1;

    private static bool Equal(JsonElement left, JsonElement right, int depth)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        if (depth > MaxDepth)
        {
            return left.GetRawText() == right.GetRawText();
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.String:
                return left.ValueEquals(right.GetString());
            case JsonValueKind.Number:
                return NumbersEqual(left, right);
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (JsonElement.ArrayEnumerator a = left.EnumerateArray())
                using (JsonElement.ArrayEnumerator b = right.EnumerateArray())
                {
                    while (a.MoveNext() && b.MoveNext())
                    {
                        if (!Equal(a.Current, b.Current, depth + 1))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                return ObjectsEqual(left, right, depth);
            default:
                return true;
        }
    }

    /// <summary>
    /// Objects are equal when they have the same members in any order. Members in the same order compare pair by pair
    /// (which also holds for an object that repeats a name); otherwise each side's members must be found in the other.
    /// </summary>
    private static bool ObjectsEqual(JsonElement left, JsonElement right, int depth)
    {
        int count = 0;
        bool sameOrder = true;
        using (JsonElement.ObjectEnumerator a = left.EnumerateObject())
        using (JsonElement.ObjectEnumerator b = right.EnumerateObject())
        {
            while (true)
            {
                bool moreLeft = a.MoveNext();
                bool moreRight = b.MoveNext();
                if (moreLeft != moreRight)
                {
                    return false;
                }

                if (!moreLeft)
                {
                    break;
                }

                count++;
                if (sameOrder && (!a.Current.NameEquals(b.Current.Name) || !Equal(a.Current.Value, b.Current.Value, depth + 1)))
                {
                    sameOrder = false;
                }
            }
        }

        return sameOrder || (Contains(left, right, depth) && Contains(right, left, depth));
    }

    /// <summary>Whether every member of <paramref name="part"/> is in <paramref name="whole"/> with an equal value.</summary>
    private static bool Contains(JsonElement whole, JsonElement part, int depth)
    {
        foreach (JsonProperty property in part.EnumerateObject())
        {
            if (!whole.TryGetProperty(property.Name, out JsonElement other) || !Equal(property.Value, other, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NumbersEqual(JsonElement left, JsonElement right)
    {
        if (left.GetRawText() == right.GetRawText())
        {
            return true;
        }

        if (left.TryGetInt64(out long l) && right.TryGetInt64(out long r))
        {
            return l == r;
        }

        if (left.TryGetDecimal(out decimal ld) && right.TryGetDecimal(out decimal rd))
        {
            return ld == rd;
        }

        return left.TryGetDouble(out double x) && right.TryGetDouble(out double y) && x.Equals(y);
    }
}
