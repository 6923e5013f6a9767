namespace Scenario.Generators.Emitting;

/// <summary>
/// Which texts the encoders System.Text.Json offers all write as they are. Generated code pre-encodes those
/// (<c>JsonEncodedText</c>, encoded once when the type loads, which bypasses the writer's encoder) and writes the others
/// through the writer, so that the writer's encoder decides how they look: System.Text.Json's default escapes <c>+</c>,
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c>, <c>`</c> and non-ASCII, <c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c>
/// writes them as themselves. (An encoder made to escape letters or digits would still see pre-encoded names unescaped;
/// System.Text.Json's own source-generated fast path makes the same assumption, and steps aside for any custom encoder.)
/// </summary>
internal static class JsonEscaping
{
    /// <summary>True when <paramref name="text"/> is printable ASCII that neither the default nor the relaxed encoder escapes.</summary>
    public static bool IsVerbatim(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E || c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                return false;
            }
        }

        return true;
    }
}
