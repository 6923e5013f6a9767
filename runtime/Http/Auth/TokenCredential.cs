using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>
/// A bearer token asked of the caller's callback for every attempt (OAuth 2 and OpenID Connect: the caller gets and
/// refreshes tokens; the client sends what it is given). Each token given is redacted from what the client reports.
/// </summary>
public sealed class TokenCredential : ApiCredential
{
    private const int RememberedTokens = 8;
    private readonly Func<CancellationToken, ValueTask<string>> _provider;
    private readonly string _name;
    private readonly object _gate = new();
    private string[] _secrets = Array.Empty<string>();

    /// <summary>Creates the credential over <paramref name="provider"/>; <paramref name="name"/> (the option's) names it in messages.</summary>
    public TokenCredential(Func<CancellationToken, ValueTask<string>> provider, string name)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>The tokens the callback gave most recently (a few, with their escaped forms).</summary>
    public override IReadOnlyList<string> Secrets => Volatile.Read(ref _secrets);

    internal override async ValueTask ApplyAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        string token = await _provider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            // Outside any client's family: the client's credentials wrap it in the root of its own (ClientCredentials.ApplyAsync).
            throw new ApiException($"The token callback {_name} gave no token.");
        }

        ApiKeyCredential.CheckHeaderValue(token, "The token " + _name + " gave");
        Remember(token);
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
    }

    private void Remember(string token)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_secrets, token) >= 0)
            {
                return;
            }

            var secrets = new List<string>(Forms(token));
            for (int i = 0; i < _secrets.Length && secrets.Count < RememberedTokens * 2; i++)
            {
                if (!secrets.Contains(_secrets[i]))
                {
                    secrets.Add(_secrets[i]);
                }
            }

            Volatile.Write(ref _secrets, secrets.ToArray());
        }
    }
}
