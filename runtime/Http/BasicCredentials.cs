using System;
using System.Collections.Generic;
using System.Text;

namespace Scenario.Runtime.Http;

/// <summary>HTTP Basic credentials, each part from the client's options or else from an environment variable.</summary>
public sealed class BasicCredentials
{
    private BasicCredentials(string authorization, IReadOnlyList<string> secrets)
    {
        Authorization = authorization;
        Secrets = secrets;
    }

    /// <summary>The <c>Authorization</c> header value, <c>Basic base64(user:password)</c>.</summary>
    public string Authorization { get; }

    /// <summary>What must never appear in an exception or a trace: the password and the encoded pair.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>Resolves the credentials: each part from its option or else its environment variable.</summary>
    /// <exception cref="ScenarioException">A part is in neither place; the message names the option and the variable (never a value).</exception>
    public static BasicCredentials Resolve(string? user, string userOption, string userVariable, string? password, string passwordOption, string passwordVariable, string clientName)
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

            throw new ScenarioException($"{clientName} has no credentials: set {string.Join(" and ", missing)}.");
        }

        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        return new BasicCredentials("Basic " + encoded, new[] { encoded, password });
    }

    /// <summary>The value, or else the environment variable; null when both are empty.</summary>
    public static string? FromOptionOrEnvironment(string? value, string variable) =>
        !string.IsNullOrEmpty(value) ? value : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
}
