using System;
using System.Collections.Generic;

namespace Scenario.Runtime.Http;

/// <summary>
/// An operation's security requirements (OpenAPI's <c>security</c>): any one of <see cref="Alternatives"/>, each a set of
/// security schemes sent together. The transport sends the first alternative whose credentials the client has; an
/// empty alternative lets the call go without any. With none it can satisfy, the call fails before sending.
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

    /// <summary>The credentials to send: the first alternative the client has every credential of; null when none.</summary>
    internal IReadOnlyList<ApiCredential>? Choose(IReadOnlyDictionary<string, ApiCredential> credentials)
    {
        foreach (IReadOnlyList<string> alternative in Alternatives)
        {
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

        return null;
    }
}
