using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// One way of sending credentials, one security scheme of an API: HTTP Basic (<see cref="BasicCredentials"/>), a bearer
/// token (<see cref="BearerCredential"/>), an API key in a header, the query or a cookie (<see cref="ApiKeyCredential"/>),
/// or a token asked of the caller for every attempt (<see cref="TokenCredential"/>). A generated client makes the ones
/// its options configure; the transport sends those a call's security requirements name (<see cref="ApiSecurity"/>).
/// </summary>
public abstract class ApiCredential
{
    private protected ApiCredential()
    {
    }

    /// <summary>What must never appear in an exception, a log line or a span: the secret values this credential sends, as sent and escaped.</summary>
    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>Adds what goes in the query (an API key in the query), once per call.</summary>
    internal virtual void AppendQuery(StringBuilder query)
    {
    }

    /// <summary>Adds the credentials to one attempt's message.</summary>
    internal abstract ValueTask ApplyAsync(HttpRequestMessage message, CancellationToken cancellationToken);

    /// <summary>The value, or else the environment variable's (when one is named); null when both are empty.</summary>
    public static string? FromOptionOrEnvironment(string? value, string? variable) =>
        !string.IsNullOrEmpty(value) ? value : variable is not null && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

    /// <summary>A secret as sent and, where it differs, as escaped in a URI or a JSON string.</summary>
    private protected static string[] Forms(string secret)
    {
        var forms = new List<string> { secret };
        string escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            forms.Add(escaped);
        }

        return forms.ToArray();
    }
}
