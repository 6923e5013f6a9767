#if !NET
using System;
using System.Text;

namespace Scenario.Runtime;

/// <summary>The character, string and encoding members of .NET 8 that netstandard2.0 lacks.</summary>
internal static class TextPolyfills
{
    extension(char)
    {
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

        public static bool IsAsciiLetterOrDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
    }

    extension(double)
    {
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }

    extension(string text)
    {
        public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;

        /// <summary>Ordinal replacement: <see cref="string.Replace(string, string)"/> is ordinal; no other comparison is used here.</summary>
        public string Replace(string oldValue, string newValue, StringComparison comparison) =>
            comparison == StringComparison.Ordinal
                ? text.Replace(oldValue, newValue)
                : throw new ArgumentException("Only ordinal replacement is available on netstandard2.0.", nameof(comparison));
    }

    extension(Encoding encoding)
    {
        public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
    }
}
#endif
