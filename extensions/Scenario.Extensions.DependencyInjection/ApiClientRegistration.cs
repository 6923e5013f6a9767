using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scenario.Runtime.Http;

namespace Scenario.Extensions.DependencyInjection;

/// <summary>What the generated <c>Add{Name}Client</c> methods call: the registration of a client, its options and its HttpClient.</summary>
public static class ApiClientRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> and <typeparamref name="TService"/> as transient services (keyed when
    /// <paramref name="key"/> is not null) over a named HttpClient whose primary handler is <see cref="ApiTransport.CreateHandler"/>,
    /// with the options named <paramref name="key"/> (the default options when null) and the container's ILoggerFactory.
    /// The HttpClient is named after <typeparamref name="TClient"/>'s full name (<c>#key</c> appended for a keyed client);
    /// its own timeout is off, so the client's per-attempt <see cref="ApiClientOptions.Timeout"/> governs, and the
    /// factory's loggers are removed (the client logs its calls itself, redacted).
    /// </summary>
    /// <returns>The HttpClient's builder, to add handlers.</returns>
    public static IHttpClientBuilder Add<TService, TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services, string? key, Action<TOptions>? configure, Func<HttpClient, TOptions, TClient> create)
        where TService : class
        where TClient : class, TService
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        string optionsName = key ?? Options.DefaultName;
        string httpClientName = key is null ? typeof(TClient).FullName! : typeof(TClient).FullName + "#" + key;

        services.AddOptions<TOptions>(optionsName);
        if (configure is not null)
        {
            services.Configure(optionsName, configure);
        }

        // The container's logging, unless the options name a LoggerFactory of their own.
        services.AddSingleton<IPostConfigureOptions<TOptions>>(provider =>
            new PostConfigureOptions<TOptions>(optionsName, options => options.LoggerFactory ??= provider.GetService<ILoggerFactory>()));

        // The client's own per-attempt Timeout governs, not HttpClient's 100-second default. The factory's own loggers go:
        // the client logs each call once, redacted, where they would log four Information lines a request with its whole
        // address (an API key in the query among it); AddDefaultLogger() on the returned builder brings them back.
        IHttpClientBuilder builder = services.AddHttpClient(httpClientName)
            .ConfigureHttpClient(static http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => ApiTransport.CreateHandler())
            .RemoveAllLoggers();
        if (key is null)
        {
            services.AddTransient(provider => create(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
                provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
            services.AddTransient<TService>(provider => provider.GetRequiredService<TClient>());
        }
        else
        {
            services.AddKeyedTransient(key, (provider, _) => create(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
                provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName)));
            services.AddKeyedTransient<TService>(key, (provider, serviceKey) => provider.GetRequiredKeyedService<TClient>(serviceKey));
        }

        return builder;
    }

    /// <summary>
    /// Sets the settings every client has from configuration keys of the same names: <c>BaseAddress</c> (an absolute URL),
    /// <c>MaxRetries</c> (an integer), <c>Timeout</c> (<c>00:00:30</c> or a number of seconds), <c>MaxResponseBodyBytes</c>,
    /// <c>LogBodies</c> and <c>ValidateResponses</c>. Absent or empty keys keep their values. No reflection, so Native AOT
    /// is unaffected.
    /// </summary>
    /// <exception cref="ApiException">A value cannot be read as its type; the message names the key.</exception>
    public static void BindCommon(ApiClientOptions options, IConfiguration configuration) =>
        BindCommon(options, configuration, ApiExceptionFamily.Neutral);

    /// <summary>
    /// Sets the settings every client has from configuration, as <see cref="BindCommon(ApiClientOptions, IConfiguration)"/>
    /// does, failing with the root exception of <paramref name="family"/>: generated code passes its client's.
    /// </summary>
    /// <exception cref="ApiException">A value cannot be read as its type (a <see cref="ScenarioException"/> for <see cref="ApiExceptionFamily.Scenario"/>); the message names the key.</exception>
    public static void BindCommon(ApiClientOptions options, IConfiguration configuration, ApiExceptionFamily family)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Value(configuration, "BaseAddress") is { } baseAddress)
        {
            options.BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri) ? uri : throw Invalid(family, configuration, "BaseAddress", baseAddress, "an absolute URL");
        }

        if (Value(configuration, "MaxRetries") is { } maxRetries)
        {
            options.MaxRetries = int.TryParse(maxRetries, NumberStyles.None, CultureInfo.InvariantCulture, out int retries) ? retries : throw Invalid(family, configuration, "MaxRetries", maxRetries, "a whole number, 0 or more");
        }

        if (Value(configuration, "Timeout") is { } timeout)
        {
            options.Timeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out TimeSpan span) && span > TimeSpan.Zero && timeout.Contains(':', StringComparison.Ordinal)
                ? span
                : double.TryParse(timeout, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds < int.MaxValue
                    ? TimeSpan.FromSeconds(seconds)
                    : throw Invalid(family, configuration, "Timeout", timeout, "a positive time span (00:00:30) or number of seconds");
        }

        if (Value(configuration, "MaxResponseBodyBytes") is { } maxBody)
        {
            options.MaxResponseBodyBytes = long.TryParse(maxBody, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) && bytes > 0 ? bytes : throw Invalid(family, configuration, "MaxResponseBodyBytes", maxBody, "a positive number of bytes");
        }

        if (Value(configuration, "LogBodies") is { } logBodies)
        {
            options.LogBodies = bool.TryParse(logBodies, out bool log) ? log : throw Invalid(family, configuration, "LogBodies", logBodies, "true or false");
        }

        if (Value(configuration, "ValidateResponses") is { } validate)
        {
            options.ValidateResponses = bool.TryParse(validate, out bool check) ? check : throw Invalid(family, configuration, "ValidateResponses", validate, "true or false");
        }
    }

    private static string? Value(IConfiguration configuration, string key) => configuration[key] is { Length: > 0 } value ? value.Trim() : null;

    private static ApiException Invalid(ApiExceptionFamily family, IConfiguration configuration, string key, string value, string expected)
    {
        string path = configuration is IConfigurationSection section ? section.Path + ":" + key : key;
        return ApiException.ForFamily(family, $"The configuration value {path} ('{value}') is not {expected}.");
    }
}
