using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Scenario.Runtime.Validation;

/// <summary>
/// The checks of <c>format</c> when <see cref="JsonValidationOptions.AssertFormat"/> asks for them: date-time, date,
/// time, duration (RFC 3339 and its appendix A), email, hostname, ipv4, ipv6, uri, uri-reference, uuid, regex,
/// json-pointer and relative-json-pointer. A format not in this list passes, as JSON Schema wants. Digits are ASCII
/// digits (<c>[0-9]</c>, never .NET's <c>\d</c>, which takes every Unicode digit).
/// </summary>
internal static class FormatAssertions
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);
    private static readonly Regex s_date = new(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_time = new(@"^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|([+-])([0-9]{2}):([0-9]{2}))$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_duration = new(@"^P(?!$)(([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?|[0-9]+W)$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_uuid = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_label = new(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_emailLocal = new(@"^([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|""([^""\\]|\\.)*"")$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_uriChars = new(@"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_scheme = new(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_pointer = new(@"^(/([^~/]|~[01])*)*$", RegexOptions.CultureInvariant, s_timeout);
    private static readonly Regex s_relativePointer = new(@"^(0|[1-9][0-9]*)(#|(/([^~/]|~[01])*)*)$", RegexOptions.CultureInvariant, s_timeout);

    /// <summary>
    /// Whether <paramref name="text"/> is a valid <paramref name="format"/>; true for a format not known here, and for the
    /// internationalized forms (<c>idn-email</c>, <c>idn-hostname</c>, <c>iri</c>, <c>iri-reference</c>) and
    /// <c>uri-template</c>, which are not checked: a check that refused valid values would be worse than none.
    /// </summary>
    /// <param name="format">The format's name.</param>
    /// <param name="text">The string.</param>
    /// <param name="dialect">The schema's draft: a hostname's labels may have <c>--</c> at their third and fourth characters in drafts 4 and 6 (RFC 1123 alone), not after (RFC 5891).</param>
    public static bool IsValid(string format, string text, JsonSchemaDialect dialect)
    {
        try
        {
            return format switch
            {
                "date-time" => DateTime(text),
                "date" => Date(text),
                "time" => Time(text),
                "duration" => s_duration.IsMatch(text),
                "email" => Email(text),
                "hostname" => Hostname(text, dialect is not (JsonSchemaDialect.Draft4 or JsonSchemaDialect.Draft6 or JsonSchemaDialect.OpenApi30)),
                "ipv4" => Ipv4(text),
                "ipv6" => Ipv6(text),
                "uri" => s_scheme.IsMatch(text) && UriReference(text),
                "uri-reference" => UriReference(text),
                "uuid" => s_uuid.IsMatch(text),
                "regex" => EcmaPattern.IsValid(text),
                "json-pointer" => s_pointer.IsMatch(text),
                "relative-json-pointer" => s_relativePointer.IsMatch(text),
                _ => true,
            };
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool DateTime(string text)
    {
        int t = text.IndexOfAny(new[] { 'T', 't' });
        return t > 0 && Date(text.Substring(0, t)) && Time(text.Substring(t + 1));
    }

    private static bool Date(string text)
    {
        Match match = s_date.Match(text);
        if (!match.Success)
        {
            return false;
        }

        int year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        int day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(year, month);
    }

    private static bool Time(string text)
    {
        Match match = s_time.Match(text);
        if (!match.Success)
        {
            return false;
        }

        int hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        int second = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        int offsetHour = match.Groups[7].Success ? int.Parse(match.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
        int offsetMinute = match.Groups[8].Success ? int.Parse(match.Groups[8].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59)
        {
            return false;
        }

        if (second == 60)
        {
            // A leap second is 23:59:60 in UTC.
            int sign = match.Groups[6].Value == "-" ? 1 : -1;
            int utc = ((hour * 60 + minute + sign * (offsetHour * 60 + offsetMinute)) % 1440 + 1440) % 1440;
            return utc == 23 * 60 + 59;
        }

        return true;
    }

    private static bool Email(string text)
    {
        int at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        string domain = text.Substring(at + 1);
        bool domainValid = domain.StartsWith("[", StringComparison.Ordinal) && domain.EndsWith("]", StringComparison.Ordinal)
            ? (domain.StartsWith("[IPv6:", StringComparison.Ordinal) ? Ipv6(domain.Substring(6, domain.Length - 7)) : Ipv4(domain.Substring(1, domain.Length - 2)))
            : Hostname(domain, idna: true);
        return domainValid && s_emailLocal.IsMatch(text.Substring(0, at));
    }

    private static bool Hostname(string text, bool idna)
    {
        string name = text.EndsWith(".", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        if (name.Length == 0 || name.Length > 253)
        {
            return false;
        }

        foreach (string label in name.Split('.'))
        {
            if (!s_label.IsMatch(label) || (idna && label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Ipv4(string text)
    {
        string[] parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (string part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            foreach (char c in part)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            if (int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Ipv6(string text)
    {
        foreach (char c in text)
        {
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            {
                return false;
            }
        }

        int lastColon = text.LastIndexOf(':');
        if (text.IndexOf('.') >= 0 && (lastColon < 0 || !Ipv4(text.Substring(lastColon + 1))))
        {
            return false;
        }

        return IPAddress.TryParse(text, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool UriReference(string text)
    {
        if (!s_uriChars.IsMatch(text))
        {
            return false;
        }

        return System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);
    }
}
