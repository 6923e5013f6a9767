using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// A JSON value that breaks its schema. Thrown by a generated type's <c>ThrowIfInvalid()</c> and by reading through a
/// context's <c>Validating</c> instance; a <see cref="JsonException"/>, so code that handles bad JSON handles this too.
/// <see cref="Problems"/> holds every problem found; the message names the first few.
/// </summary>
public sealed class JsonSchemaValidationException : JsonException
{
    /// <summary>How many problems the message names; <see cref="Problems"/> has them all.</summary>
    public const int ProblemsInMessage = 3;

    /// <summary>Creates the exception for <paramref name="problems"/> (at least one).</summary>
    public JsonSchemaValidationException(IReadOnlyList<JsonSchemaProblem> problems)
        : base(Describe(problems), problems is { Count: > 0 } ? ToJsonPath(problems[0].InstancePath) : null, null, null)
    {
        Problems = problems;
    }

    /// <summary>Throws the exception for <paramref name="problems"/> when there are any; returns when the list is empty.</summary>
    /// <exception cref="JsonSchemaValidationException"><paramref name="problems"/> is not empty.</exception>
    public static void ThrowIfAny(IReadOnlyList<JsonSchemaProblem> problems)
    {
        if (problems is null)
        {
            throw new ArgumentNullException(nameof(problems));
        }

        if (problems.Count > 0)
        {
            throw new JsonSchemaValidationException(problems);
        }
    }

    /// <summary>Every problem found, in the order the schema's keywords were checked.</summary>
    public IReadOnlyList<JsonSchemaProblem> Problems { get; }

    private static string Describe(IReadOnlyList<JsonSchemaProblem> problems)
    {
        if (problems is null || problems.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one problem.", nameof(problems));
        }

        var text = new StringBuilder("The JSON value does not match its schema: ");
        text.Append(problems.Count == 1 ? "1 problem" : problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " problems");
        foreach (JsonSchemaProblem problem in problems.Take(ProblemsInMessage))
        {
            text.Append("\n  ").Append(problem);
        }

        if (problems.Count > ProblemsInMessage)
        {
            text.Append("\n  … and ").Append(problems.Count - ProblemsInMessage).Append(" more (see Problems).");
        }

        return text.ToString();
    }

    /// <summary>A JSON pointer as the JSONPath System.Text.Json uses in <see cref="JsonException.Path"/> (<c>/a/0</c> is <c>$.a[0]</c>).</summary>
    private static string ToJsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        if (pointer.Length == 0)
        {
            return "$";
        }

        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            string segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (segment.Length > 0 && segment.All(char.IsDigit))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (segment.Length > 0 && segment.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_')))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'")).Append("']");
            }
        }

        return path.ToString();
    }
}
