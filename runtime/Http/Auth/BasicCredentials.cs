using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Scenario.Runtime.Http;

/// <summary>HTTP Basic credentials, each part from the client's options or else from an environment variable.</summary>
public sealed class BasicCredentials : ApiCredential
{
    private readonly IReadOnlyList<string> _secrets;

    private BasicCredentials(string authorization, IReadOnlyList<string> secrets)
    {
        Authorization = authorization;
        _secrets = secrets;
    }

    /// <summary>The <c>Authorization</c> header value, <c>Basic base64(user:password)</c>.</summary>
    public string Authorization { get; }

    /// <summary>What must never appear in an exception or a trace: the password and the encoded pair.</summary>
    public override IReadOnlyList<string> Secrets => _secrets;

    /// <summary>Resolves the credentials: each part from its option or else its environment variable.</summary>
    /// <exception cref="ApiException">A part is in neither place; the message names the option and the variable (never a value).</exception>
    public static BasicCredentials Resolve(string? user, string userOption, string userVariable, string? password, string passwordOption, string passwordVariable, string clientName) =>
        Resolve(user, userOption, userVariable, password, passwordOption, passwordVariable, clientName, ApiExceptionFamily.Neutral);

    /// <summary>Resolves the credentials: each part from its option or else its environment variable. Generated clients call it with their family.</summary>
    /// <exception cref="ApiException">A part is in neither place (the root of <paramref name="family"/>); the message names the option and the variable (never a value).</exception>
    public static BasicCredentials Resolve(string? user, string userOption, string userVariable, string? password, string passwordOption, string passwordVariable, string clientName, ApiExceptionFamily family)
    {
        user = FromOptionOrEnvironment(user, userVariable);
        password = FromOptionOrEnvironment(password, passwordVariable);
        if (user is null || password is null)
        {
            var missing = new List<string>();
            if (user is null)
            {
                missing.Add($"{userOption} (or the environment variable {userVariable})");
            }

            if (password is null)
            {
                missing.Add($"{passwordOption} (or the environment variable {passwordVariable})");
            }

            throw ApiExceptionFactory.Failure(family, $"{clientName} has no credentials: set {string.Join(" and ", missing)}.");
        }

        return Create(user, password);
    }

    /// <summary>The credentials when both parts are in their options or environment variables (a variable may be null: none); null when either is missing.</summary>
    public static BasicCredentials? TryResolve(string? user, string? userVariable, string? password, string? passwordVariable)
    {
        user = FromOptionOrEnvironment(user, userVariable);
        password = FromOptionOrEnvironment(password, passwordVariable);
        return user is null || password is null ? null : Create(user, password);
    }

    private static BasicCredentials Create(string user, string password)
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        var secrets = new List<string> { encoded };
        secrets.AddRange(Forms(password));
        return new BasicCredentials("Basic " + encoded, secrets.ToArray());
    }

    internal override ValueTask ApplyAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        return default;
    }
}
