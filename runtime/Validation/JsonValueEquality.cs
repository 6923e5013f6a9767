using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// JSON Schema's equality of values, for <c>enum</c>, <c>const</c> and <c>uniqueItems</c>: same kind, strings by their
/// characters, numbers by exact value (<c>1</c> equals <c>1.0</c>, and integers beyond 64 bits are not rounded), arrays
/// item by item, objects by their members in any order.
/// </summary>
internal static class JsonValueEquality
{
    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are the same JSON value.</summary>
    public static bool Equal(JsonElement left, JsonElement right) => Equal(left, right, 0);

    /// <summary>Whether two number elements have the same value, exactly.</summary>
    public static bool NumbersEqual(JsonElement left, JsonElement right)
    {
        if (left.TryGetInt64(out long l) && right.TryGetInt64(out long r))
        {
            return l == r;
        }

        return ExactNumber.Compare(ExactNumber.From(left), ExactNumber.From(right)) == 0;
    }

    private static bool Equal(JsonElement left, JsonElement right, int depth)
    {
        if (left.ValueKind != right.ValueKind)
        {
            // true and false are different kinds already; numbers, strings and the rest compare below.
            return false;
        }

        // Deeper than any document System.Text.Json parses by default; compared as text beyond it.
        if (depth > 512)
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

                JsonElement.ArrayEnumerator b = right.EnumerateArray();
                foreach (JsonElement item in left.EnumerateArray())
                {
                    b.MoveNext();
                    if (!Equal(item, b.Current, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                int count = 0;
                foreach (JsonProperty member in left.EnumerateObject())
                {
                    count++;
                    if (!right.TryGetProperty(member.Name, out JsonElement other) || !Equal(member.Value, other, depth + 1))
                    {
                        return false;
                    }
                }

                foreach (JsonProperty member in right.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true;
        }
    }
}
