using System;

namespace Scenario;

/// <summary>The base of every failure of a generated client: configuration, connection, timeout, or an error the API returned.</summary>
public class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The request could not reach the API (DNS, refused or reset connection, TLS), after every retry.</summary>
public sealed class ScenarioConnectionException : ScenarioException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The API did not answer within the per-attempt timeout, after every retry. Distinct from the caller's cancellation, which is an <see cref="OperationCanceledException"/>.</summary>
public sealed class ScenarioTimeoutException : ScenarioException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout each attempt had.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>The API answered with success, but the body is not the JSON the schema describes (malformed, truncated, or of another shape).</summary>
public sealed class ScenarioInvalidResponseException : ScenarioException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioInvalidResponseException(string message, int statusCode, string responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The body as received.</summary>
    public string ResponseBody { get; }
}
