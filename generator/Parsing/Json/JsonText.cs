using System.Text;

namespace Scenario.Generators.Parsing.Json;

/// <summary>
/// A node back as compact JSON text, for messages and for values the generated code keeps as text (enum wire values,
/// constants): strings escaped as little as JSON allows (quotes, backslashes, control characters, and U+0085, U+2028,
/// U+2029, which some readers take for line ends), numbers exactly as written.
/// </summary>
internal static class JsonText
{
    /// <summary>Containers nest at most <see cref="SchemaDocument.MaxJsonDepth"/> levels (the reader refuses deeper), so this recursion is bounded.</summary>
    public static void Write(StringBuilder text, JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                for (int i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    JsonProperty property = obj.Properties()[i];
                    WriteString(text, property.Name);
                    text.Append(':');
                    Write(text, property.Value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonProperty property:
                WriteString(text, property.Name);
                text.Append(':');
                Write(text, property.Value);
                break;
            case JsonValue { Type: JsonNodeType.String } value:
                WriteString(text, value.Text!);
                break;
            case JsonValue { Type: JsonNodeType.Null }:
                text.Append("null");
                break;
            case JsonValue value:
                text.Append(value.Text);
                break;
        }
    }

    public static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
