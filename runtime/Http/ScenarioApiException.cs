using System;
using System.Net;
using System.Text.Json;

namespace Scenario;

/// <summary>
/// The API answered with a non-success status. Subclasses name the statuses callers catch:
/// 400, 401, 403, 404, 409, 422, 429 and 5xx.
/// </summary>
public class ScenarioApiException : ScenarioException
{
    /// <summary>Creates the exception.</summary>
    public ScenarioApiException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId = null)
        : base(Describe(statusCode, errorMessage, requestId))
    {
        StatusCode = statusCode;
        ErrorMessage = errorMessage;
        ResponseBody = responseBody;
        RequestId = requestId;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's error message, when the body carries one (<c>error</c>, <c>message</c> or <c>detail</c>).</summary>
    public string? ErrorMessage { get; }

    /// <summary>The response body as received.</summary>
    public string ResponseBody { get; }

    /// <summary>The server's request id (<c>x-request-id</c>), when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The exception for a status: the most specific subclass.</summary>
    public static ScenarioApiException Create(HttpStatusCode statusCode, string responseBody, string? requestId = null)
    {
        string? message = ExtractMessage(responseBody);
        return (int)statusCode switch
        {
            400 => new ScenarioBadRequestException(message, responseBody, requestId),
            401 => new ScenarioAuthenticationException(message, responseBody, requestId),
            403 => new ScenarioPermissionDeniedException(message, responseBody, requestId),
            404 => new ScenarioNotFoundException(message, responseBody, requestId),
            409 => new ScenarioConflictException(message, responseBody, requestId),
            422 => new ScenarioUnprocessableEntityException(message, responseBody, requestId),
            429 => new ScenarioRateLimitException(message, responseBody, requestId),
            >= 500 => new ScenarioServerException(statusCode, message, responseBody, requestId),
            _ => new ScenarioApiException(statusCode, message, responseBody, requestId),
        };
    }

    private static string Describe(HttpStatusCode statusCode, string? errorMessage, string? requestId) =>
        $"The API answered {(int)statusCode} ({statusCode})"
        + (string.IsNullOrEmpty(errorMessage) ? "." : ": " + errorMessage + (errorMessage.EndsWith('.') ? string.Empty : "."))
        + (requestId is null ? string.Empty : $" Request id: {requestId}.");

    private static string? ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (string name in new[] { "error", "message", "detail" })
                {
                    if (document.RootElement.TryGetProperty(name, out JsonElement value))
                    {
                        if (value.ValueKind == JsonValueKind.String)
                        {
                            return value.GetString();
                        }

                        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("message", out JsonElement nested) && nested.ValueKind == JsonValueKind.String)
                        {
                            return nested.GetString();
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        string text = body.Trim();
        return text.Length <= 200 ? text : text.Substring(0, 200) + "…";
    }
}

/// <summary>400: the request is invalid.</summary>
public sealed class ScenarioBadRequestException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.BadRequest, errorMessage, responseBody, requestId);

/// <summary>401: the credentials are missing or wrong.</summary>
public sealed class ScenarioAuthenticationException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Unauthorized, errorMessage, responseBody, requestId);

/// <summary>403: the credentials do not allow this.</summary>
public sealed class ScenarioPermissionDeniedException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Forbidden, errorMessage, responseBody, requestId);

/// <summary>404: no such resource.</summary>
public sealed class ScenarioNotFoundException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.NotFound, errorMessage, responseBody, requestId);

/// <summary>409: the request conflicts with the resource's state (retried before it is thrown).</summary>
public sealed class ScenarioConflictException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.Conflict, errorMessage, responseBody, requestId);

/// <summary>422: the request is well-formed but cannot be processed.</summary>
public sealed class ScenarioUnprocessableEntityException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(HttpStatusCode.UnprocessableEntity, errorMessage, responseBody, requestId);

/// <summary>429: too many requests (retried, honouring <c>Retry-After</c>, before it is thrown).</summary>
public sealed class ScenarioRateLimitException(string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException((HttpStatusCode)429, errorMessage, responseBody, requestId);

/// <summary>5xx: the server failed (retried before it is thrown).</summary>
public sealed class ScenarioServerException(HttpStatusCode statusCode, string? errorMessage, string responseBody, string? requestId = null)
    : ScenarioApiException(statusCode, errorMessage, responseBody, requestId);
