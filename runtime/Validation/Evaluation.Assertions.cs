using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scenario.Runtime.Validation;

/// <summary>The keywords that check the value itself: <c>type</c>, <c>enum</c>, <c>const</c>, the numeric bounds, the string ones and <c>format</c>.</summary>
internal sealed partial class Evaluation
{
    private bool EvaluateAssertions(SchemaNode node, JsonElement instance)
    {
        bool valid = true;
        if (node.Types != JsonTypes.None && !HasType(node, instance))
        {
            Report(node, "type", "The value " + Describe(instance) + " is " + KindName(instance, node.Dialect) + "; the schema wants " + node.TypeText + ".");
            valid = false;
            if (Stop(valid))
            {
                return false;
            }
        }

        if (node.Enum is { } values)
        {
            bool found = false;
            for (int i = 0; i < values.Length && !found; i++)
            {
                found = JsonValueEquality.Equal(instance, values[i]);
            }

            if (!found && !(node.Nullable && instance.ValueKind == JsonValueKind.Null))
            {
                Report(node, "enum", "The value " + Describe(instance) + " is not one of the allowed values (" + EnumList(values) + ").");
                valid = false;
                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        if (node.HasConst && !JsonValueEquality.Equal(instance, node.Const))
        {
            Report(node, "const", "The value " + Describe(instance) + " is not the required value " + Describe(node.Const) + ".");
            valid = false;
            if (Stop(valid))
            {
                return false;
            }
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Number:
                valid &= EvaluateNumber(node, instance);
                break;
            case JsonValueKind.String:
                valid &= EvaluateString(node, instance);
                break;
        }

        return valid;
    }

    private static bool HasType(SchemaNode node, JsonElement instance)
    {
        JsonTypes types = node.Types;
        switch (instance.ValueKind)
        {
            case JsonValueKind.Null:
                return (types & JsonTypes.Null) != 0 || node.Nullable;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return (types & JsonTypes.Boolean) != 0;
            case JsonValueKind.Object:
                return (types & JsonTypes.Object) != 0;
            case JsonValueKind.Array:
                return (types & JsonTypes.Array) != 0;
            case JsonValueKind.String:
                return (types & JsonTypes.String) != 0;
            case JsonValueKind.Number:
                return (types & JsonTypes.Number) != 0 || ((types & JsonTypes.Integer) != 0 && IsInteger(instance, node.Dialect));
            default:
                return false;
        }
    }

    /// <summary>Whether a number is an integer: any number without a fractional part from draft 6 on (1.0 is one); in draft 4, one written without a fraction or exponent.</summary>
    private static bool IsInteger(JsonElement number, JsonSchemaDialect dialect)
    {
        if (number.TryGetInt64(out _))
        {
            return true;
        }

        if (SchemaDialects.IsDraft4(dialect))
        {
            string raw = number.GetRawText();
            return raw.IndexOf('.') < 0 && raw.IndexOf('e') < 0 && raw.IndexOf('E') < 0;
        }

        return ExactNumber.From(number).IsInteger;
    }

    private static string KindName(JsonElement instance, JsonSchemaDialect dialect) => instance.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => IsInteger(instance, dialect) ? "an integer" : "a number",
    };

    private static string EnumList(JsonElement[] values)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < values.Length && i < 10; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Describe(values[i]));
        }

        if (values.Length > 10)
        {
            text.Append(", … ").Append(values.Length - 10).Append(" more");
        }

        return text.ToString();
    }

    /// <summary>Compares a number element with a keyword's number, exactly: as longs when both are, else digit by digit.</summary>
    private static int Compare(JsonElement number, NumberBound bound)
    {
        if (bound.IsInt64 && number.TryGetInt64(out long value))
        {
            return value.CompareTo(bound.Int64);
        }

        return ExactNumber.Compare(ExactNumber.From(number), bound.Exact);
    }

    private bool EvaluateNumber(SchemaNode node, JsonElement instance)
    {
        if (node.Minimum is null && node.Maximum is null && node.ExclusiveMinimum is null && node.ExclusiveMaximum is null && node.MultipleOf is null)
        {
            return true;
        }

        bool valid = true;
        if (node.Minimum is { } minimum && Compare(instance, minimum) < 0)
        {
            Report(node, "minimum", instance.GetRawText() + " is less than the minimum " + minimum.Text + ".");
            valid = false;
        }

        if (node.ExclusiveMinimum is { } exclusiveMinimum && Compare(instance, exclusiveMinimum) <= 0)
        {
            Report(node, node.ExclusiveMinimumKeyword, instance.GetRawText() + " is not greater than the exclusive minimum " + exclusiveMinimum.Text + ".");
            valid = false;
        }

        if (node.Maximum is { } maximum && Compare(instance, maximum) > 0)
        {
            Report(node, "maximum", instance.GetRawText() + " is greater than the maximum " + maximum.Text + ".");
            valid = false;
        }

        if (node.ExclusiveMaximum is { } exclusiveMaximum && Compare(instance, exclusiveMaximum) >= 0)
        {
            Report(node, node.ExclusiveMaximumKeyword, instance.GetRawText() + " is not less than the exclusive maximum " + exclusiveMaximum.Text + ".");
            valid = false;
        }

        if (node.MultipleOf is { } multipleOf)
        {
            bool multiple = multipleOf.IsInt64 && instance.TryGetInt64(out long value)
                ? value % multipleOf.Int64 == 0
                : ExactNumber.IsMultipleOf(ExactNumber.From(instance), multipleOf.Exact);
            if (!multiple)
            {
                Report(node, "multipleOf", instance.GetRawText() + " is not a multiple of " + multipleOf.Text + ".");
                valid = false;
            }
        }

        return valid;
    }

    private bool EvaluateString(SchemaNode node, JsonElement instance)
    {
        bool checkFormat = _assertFormat && node.Format is not null;
        if (node.MinLength < 0 && node.MaxLength < 0 && node.Pattern is null && !checkFormat)
        {
            return true;
        }

        string text = instance.GetString()!;
        bool valid = true;
        if (node.MinLength >= 0 || node.MaxLength >= 0)
        {
            long length = CodePoints(text);
            if (node.MinLength >= 0 && length < node.MinLength)
            {
                Report(node, "minLength", "The string is " + Count(length) + " characters long; it must be at least " + Count(node.MinLength) + ".");
                valid = false;
            }

            if (node.MaxLength >= 0 && length > node.MaxLength)
            {
                Report(node, "maxLength", "The string is " + Count(length) + " characters long; it must be at most " + Count(node.MaxLength) + ".");
                valid = false;
            }
        }

        if (node.Pattern is { } pattern)
        {
            string? failure = Matches(pattern, text) switch
            {
                true => null,
                false => "The string " + Describe(instance) + " does not match the pattern '" + node.PatternText + "'.",
                null => "The pattern '" + node.PatternText + "' took too long on the string; it is treated as not matching.",
            };
            if (failure is not null)
            {
                Report(node, "pattern", failure);
                valid = false;
            }
        }

        if (checkFormat && !FormatAssertions.IsValid(node.Format!, text, node.Dialect))
        {
            Report(node, "format", "The string " + Describe(instance) + " is not a valid " + node.Format + ".");
            valid = false;
        }

        return valid;
    }

    /// <summary>Whether <paramref name="regex"/> finds a match in <paramref name="text"/>; null when it times out.</summary>
    private static bool? Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The length of a string in Unicode code points, as JSON Schema counts it (a surrogate pair is one).</summary>
    private static long CodePoints(string text)
    {
        long count = text.Length;
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
