using System;
using System.Text;
using System.Text.Json;

namespace Scenario.Runtime.Json;

/// <summary>
/// A failure to read a generated type, located by its JSON path (for example <c>$.examples[0].asset.kind</c>).
/// Generated readers add one path segment per level as the exception travels out.
/// </summary>
public sealed class JsonPathException : JsonException
{
    private JsonPathException(string reason, string path, Exception? inner)
        : base($"{reason} Path: {path}.", path, lineNumber: null, bytePositionInLine: null, innerException: inner)
    {
        Reason = reason;
    }

    /// <summary>What went wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>A failure at the value being read (path <c>$</c>).</summary>
    public static JsonPathException Create(string reason, Exception? inner = null) => new(reason, "$", inner);

    /// <summary>Places <paramref name="failure"/> under the property <paramref name="propertyName"/>.</summary>
    public static JsonPathException InProperty(Exception failure, string propertyName) =>
        Nest(failure, AppendProperty(new StringBuilder("$"), propertyName).ToString());

    /// <summary>Places <paramref name="failure"/> under the array index <paramref name="index"/>.</summary>
    public static JsonPathException InItem(Exception failure, int index) => Nest(failure, "$[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    private static JsonPathException Nest(Exception failure, string prefix)
    {
        if (failure is JsonPathException nested)
        {
            // nested.Path always starts with "$".
            return new JsonPathException(nested.Reason, prefix + nested.Path!.Substring(1), nested.InnerException);
        }

        return new JsonPathException(TrimPeriod(failure.Message) + ".", prefix, failure);
    }

    private static string TrimPeriod(string message) => message.EndsWith('.') ? message.Substring(0, message.Length - 1) : message;

    private static StringBuilder AppendProperty(StringBuilder path, string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return path.Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.Append('.').Append(name);
    }
}
