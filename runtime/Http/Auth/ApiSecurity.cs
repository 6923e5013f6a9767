using System;
using System.Collections.Generic;

namespace Scenario.Runtime.Http;

/// <summary>
/// An operation's security requirements (OpenAPI's <c>security</c>): any one of <see cref="Alternatives"/>, each a set of
/// security schemes sent together. The transport sends the first alternative whose credentials the client has; an
/// empty alternative (<c>{}</c>: credentials are optional) lets the call go without any when the client has none of the
/// others. With none it can satisfy, the call fails before sending.
/// </summary>
public sealed class ApiSecurity
{
    /// <summary>Creates the requirements: each array a set of scheme keys sent together; an empty one allows no credentials.</summary>
    public ApiSecurity(params string[][] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var copy = new IReadOnlyList<string>[alternatives.Length];
        for (int i = 0; i < alternatives.Length; i++)
        {
            copy[i] = (string[])(alternatives[i] ?? throw new ArgumentNullException(nameof(alternatives))).Clone();
        }

        Alternatives = copy;
    }

    /// <summary>The sets of schemes, any one of which the call may send.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    /// <summary>The credentials to send: the first alternative that sends some and the client has every credential of; else none where one alternative is empty; else null.</summary>
    internal IReadOnlyList<ApiCredential>? Choose(IReadOnlyDictionary<string, ApiCredential> credentials)
    {
        bool optional = false;
        foreach (IReadOnlyList<string> alternative in Alternatives)
        {
            if (alternative.Count == 0)
            {
                optional = true;
                continue;
            }

            var chosen = new List<ApiCredential>(alternative.Count);
            foreach (string scheme in alternative)
            {
                if (!credentials.TryGetValue(scheme, out ApiCredential? credential))
                {
                    chosen = null;
                    break;
                }

                chosen.Add(credential);
            }

            if (chosen is not null)
            {
                return chosen;
            }
        }

        return optional ? Array.Empty<ApiCredential>() : null;
    }
}
