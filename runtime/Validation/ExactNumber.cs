using System;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// A JSON number exactly as written: <c>Significand × 10^Exponent</c>, the significand without trailing zeros. Compares
/// and divides without rounding, so <c>1e308</c>, <c>0.0075</c> and integers beyond 64 bits are checked as written.
/// </summary>
internal readonly struct ExactNumber
{
    /// <summary>The digits of the number, signed, without trailing zeros (zero for zero).</summary>
    public readonly BigInteger Significand;

    /// <summary>The power of ten the significand is multiplied by (zero for zero).</summary>
    public readonly int Exponent;

    private ExactNumber(BigInteger significand, int exponent)
    {
        Significand = significand;
        Exponent = exponent;
    }

    /// <summary>Whether the number is a whole number (no fractional part, whatever its notation).</summary>
    public bool IsInteger => Exponent >= 0;

    /// <summary>The sign: -1, 0 or 1.</summary>
    public int Sign => Significand.Sign;

    /// <summary>Reads a JSON number element.</summary>
    public static ExactNumber From(JsonElement number) => Parse(number.GetRawText());

    /// <summary>Reads the text of a JSON number (<c>-12.5e3</c>).</summary>
    /// <exception cref="FormatException">The text is not a JSON number.</exception>
    public static ExactNumber Parse(string text)
    {
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new System.Text.StringBuilder(text.Length);
        int fractionDigits = 0;
        bool seenPoint = false;
        bool any = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= '0' && c <= '9')
            {
                any = true;
                if (digits.Length > 0 || c != '0')
                {
                    digits.Append(c);
                }

                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (!any)
        {
            throw new FormatException("'" + text + "' is not a number.");
        }

        long exponent = 0;
        if (i < text.Length)
        {
            if (text[i] != 'e' && text[i] != 'E')
            {
                throw new FormatException("'" + text + "' is not a number.");
            }

            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                negativeExponent = text[i] == '-';
                i++;
            }

            if (i == text.Length)
            {
                throw new FormatException("'" + text + "' is not a number.");
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    throw new FormatException("'" + text + "' is not a number.");
                }

                // Exponents beyond a billion are clamped: no JSON document a validator meets is that precise.
                exponent = Math.Min(exponent * 10 + (c - '0'), 1_000_000_000L);
            }

            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (digits.Length == 0)
        {
            return default;
        }

        int trailing = 0;
        while (trailing < digits.Length - 1 && digits[digits.Length - 1 - trailing] == '0')
        {
            trailing++;
        }

        digits.Length -= trailing;
        BigInteger significand = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        return new ExactNumber(negative ? -significand : significand, (int)(exponent - fractionDigits + trailing));
    }

    /// <summary>Compares two numbers exactly: negative when <paramref name="left"/> is smaller.</summary>
    public static int Compare(in ExactNumber left, in ExactNumber right)
    {
        int sign = left.Sign.CompareTo(right.Sign);
        if (sign != 0 || left.Sign == 0)
        {
            return sign;
        }

        // Same sign, both non-zero: compare the orders of magnitude first, so no power of ten is ever huge.
        long leftMagnitude = DigitCount(left.Significand) + (long)left.Exponent;
        long rightMagnitude = DigitCount(right.Significand) + (long)right.Exponent;
        if (leftMagnitude != rightMagnitude)
        {
            return leftMagnitude > rightMagnitude ? left.Sign : -left.Sign;
        }

        // Same magnitude: the exponents differ by at most the digit counts, so scaling is bounded.
        int common = Math.Min(left.Exponent, right.Exponent);
        BigInteger a = left.Significand * BigInteger.Pow(10, left.Exponent - common);
        BigInteger b = right.Significand * BigInteger.Pow(10, right.Exponent - common);
        return a.CompareTo(b);
    }

    /// <summary>Whether <paramref name="value"/> is an integer multiple of <paramref name="divisor"/> (a positive number), exactly.</summary>
    public static bool IsMultipleOf(in ExactNumber value, in ExactNumber divisor)
    {
        if (value.Sign == 0)
        {
            return true;
        }

        if (divisor.Sign == 0)
        {
            return false;
        }

        BigInteger m = BigInteger.Abs(divisor.Significand);
        BigInteger v = BigInteger.Abs(value.Significand);
        long shift = (long)value.Exponent - divisor.Exponent;
        if (shift >= 0)
        {
            // v × 10^shift mod m, without building 10^shift when it is large.
            BigInteger power = BigInteger.ModPow(10, shift, m);
            return (v * power % m).IsZero;
        }

        // v must be a multiple of m × 10^-shift: v has no trailing zeros, so that needs 10^-shift to divide it, which it
        // cannot unless the shift is zero; v = m × k × 10^-shift would end in zeros.
        return false;
    }

    /// <summary>The long the number is when it is a whole number in range.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (Exponent < 0 || Exponent > 18)
        {
            return Sign == 0;
        }

        BigInteger whole = Significand * BigInteger.Pow(10, Exponent);
        if (whole < long.MinValue || whole > long.MaxValue)
        {
            return false;
        }

        value = (long)whole;
        return true;
    }

    private static long DigitCount(BigInteger value)
    {
        BigInteger abs = BigInteger.Abs(value);
        // Good enough for the significands JSON has (their decimal text length is what was parsed).
        return abs.ToString(CultureInfo.InvariantCulture).Length;
    }
}
