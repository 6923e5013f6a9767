using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// The credentials a client was given, by security scheme, and the ones each call sends: those of the first alternative
/// of its security requirements the client has all of (<see cref="ApiSecurity"/>), added to each attempt's message.
/// </summary>
internal sealed class ClientCredentials
{
    private readonly IReadOnlyDictionary<string, ApiCredential> _byScheme;
    private readonly IReadOnlyDictionary<string, string>? _hints;
    private readonly ApiExceptionFamily _family;

    public ClientCredentials(IReadOnlyDictionary<string, ApiCredential>? byScheme, IReadOnlyDictionary<string, string>? hints, ApiExceptionFamily family)
    {
        _byScheme = byScheme ?? new Dictionary<string, ApiCredential>();
        _hints = hints;
        _family = family;
        All = new List<ApiCredential>(_byScheme.Values).ToArray();
    }

    /// <summary>Every credential the client has, whose secrets are redacted from whatever it reports.</summary>
    public ApiCredential[] All { get; }

    /// <summary>
    /// The credentials a call sends: with no security requirements (x-client's clients), none here (the settings'
    /// <c>Authorization</c> goes on every request); else the first alternative the client has all of.
    /// </summary>
    /// <exception cref="ApiException">No alternative can be met (the root of the client's family): the message names the options (and variables) to set.</exception>
    public IReadOnlyList<ApiCredential> For(ApiRequest request)
    {
        if (request.Security is not { } security)
        {
            return Array.Empty<ApiCredential>();
        }

        if (security.Choose(_byScheme) is { } chosen)
        {
            return chosen;
        }

        var needed = new List<string>();
        foreach (IReadOnlyList<string> alternative in security.Alternatives)
        {
            var parts = new List<string>();
            foreach (string scheme in alternative)
            {
                if (!_byScheme.ContainsKey(scheme))
                {
                    parts.Add(_hints is not null && _hints.TryGetValue(scheme, out string? hint) ? hint : "the credentials of '" + scheme + "'");
                }
            }

            needed.Add(string.Join(" and ", parts));
        }

        throw ApiExceptionFactory.Failure(_family, $"{request.Method.Method} {request.PathTemplate} needs credentials the client was not given: set {string.Join(", or ", needed)}.");
    }

    /// <summary>Adds a call's credentials to one attempt's message; a token callback's failure ends the call (it is not the network's).</summary>
    /// <exception cref="ApiException">A credential could not be had (a token callback threw; the root of the client's family); the message is redacted.</exception>
    public async Task ApplyAsync(IReadOnlyList<ApiCredential> credentials, HttpRequestMessage message, Func<string, string> redact, CancellationToken cancellationToken)
    {
        foreach (ApiCredential credential in credentials)
        {
            try
            {
                await credential.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                throw ApiExceptionFactory.Failure(_family, "The credentials of the call could not be had: " + redact(failure.Message), failure);
            }
        }
    }
}
