using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>A bearer token (HTTP <c>bearer</c>, or another <c>Authorization</c> scheme), fixed for the client's life.</summary>
public sealed class BearerCredential : ApiCredential
{
    private readonly string _authorization;
    private readonly string[] _secrets;

    private BearerCredential(string scheme, string token)
    {
        _authorization = scheme + " " + token;
        _secrets = Forms(token);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Secrets => _secrets;

    /// <summary>The token from its option or else its environment variable, sent as <c>Authorization: {scheme} {token}</c>; null when neither has one.</summary>
    /// <exception cref="ArgumentException">The token holds a line break.</exception>
    public static BearerCredential? Resolve(string? token, string? variable, string scheme = "Bearer")
    {
        token = FromOptionOrEnvironment(token, variable);
        if (token is null)
        {
            return null;
        }

        ApiKeyCredential.CheckHeaderValue(token, "The token");
        return new BearerCredential(scheme, token);
    }

    internal override ValueTask ApplyAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", _authorization);
        return default;
    }
}
