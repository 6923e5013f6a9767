namespace Scenario.Runtime.Validation;

/// <summary>How a value is checked against its schema.</summary>
public sealed class JsonValidationOptions
{
    /// <summary>The options used when none are given: <c>format</c> is an annotation, and up to 100 problems are reported.</summary>
    public static JsonValidationOptions Default { get; } = new();

    /// <summary>
    /// Whether <c>format</c> is checked (<c>date-time</c>, <c>email</c>, <c>uuid</c>…). Off by default: JSON Schema makes
    /// <c>format</c> an annotation unless a validator is asked to assert it.
    /// </summary>
    public bool AssertFormat { get; init; }

    /// <summary>The most problems one validation reports; it stops looking after that many. At least 1.</summary>
    public int MaxProblems { get; init; } = 100;
}
