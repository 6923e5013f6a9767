using System;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scenario.Runtime.Validation;

namespace Scenario.Runtime.Http;

/// <summary>
/// How a success body is read: as JSON of a generated type (<see cref="ApiResponseReader.Json{T}"/>), as JSON or nothing
/// (a <c>204</c> beside a <c>200</c>), as text, as a stream (<see cref="ApiResponseReader.File"/>), or not at all.
/// Generated code picks one per operation from its document's responses; the transport reads the body (within the
/// client's limit) and hands it here, or, for a stream, hands the body unread.
/// </summary>
/// <typeparam name="T">What the body is read as.</typeparam>
public abstract class ApiResponseReader<T>
{
    private protected ApiResponseReader()
    {
    }

    /// <summary>Whether the reader takes the body unread, as a stream (no limit applies to it); else the transport reads it first.</summary>
    internal virtual bool Streams => false;

    /// <summary>The body as <typeparamref name="T"/>.</summary>
    /// <exception cref="ApiInvalidResponseException">The body is not what the operation answers (or the <see cref="ScenarioInvalidResponseException"/> of the Scenario client).</exception>
    internal abstract T Read(in ResponseContent response);
}

/// <summary>
/// A success response as the transport read it, for a reader: the body (or, for a reader that <see cref="ApiResponseReader{T}.Streams"/>,
/// the body unread with the headers), the status, the content type, how to redact text, and the client's exception family.
/// </summary>
internal readonly struct ResponseContent
{
    public ResponseContent(ResponseBody? body, int status, string? contentType, Func<string, string> redact, ApiExceptionFamily family, bool validate = false)
    {
        Validate = validate;
        Body = body;
        Status = status;
        ContentType = contentType;
        Redact = redact;
        Family = family;
        Stream = null;
        Headers = null;
        RequestId = null;
    }

    public ResponseContent(System.IO.Stream stream, int status, System.Collections.Generic.IReadOnlyDictionary<string, string> headers, string? requestId, Func<string, string> redact, ApiExceptionFamily family, bool validate = false)
        : this(null, status, headers.TryGetValue("Content-Type", out string? contentType) ? contentType : null, redact, family, validate)
    {
        Stream = stream;
        Headers = headers;
        RequestId = requestId;
    }

    public ResponseBody? Body { get; }

    /// <summary>The body unread, for a reader that streams.</summary>
    public System.IO.Stream? Stream { get; }

    /// <summary>The response's headers, for a reader that streams.</summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, string>? Headers { get; }

    public string? RequestId { get; }

    public int Status { get; }

    public string? ContentType { get; }

    public Func<string, string> Redact { get; }

    public ApiExceptionFamily Family { get; }

    /// <summary>Whether what is read is checked against its schema (<see cref="ApiClientOptions.ValidateResponses"/>, <see cref="RequestOptions.ValidateResponse"/>).</summary>
    public bool Validate { get; }

    public bool IsEmpty => Body is not { Length: > 0 };

    public string Described => $"{Status} ({(HttpStatusCode)Status})";

    public string BodyText() => Body is null ? string.Empty : Redact(Body.Text()) + (Body.Exceeded ? "…" : string.Empty);

    public ApiException Invalid(string message, Exception? inner = null) =>
        ApiExceptionFactory.InvalidResponse(Family, message, (HttpStatusCode)Status, BodyText(), inner);
}

/// <summary>The readers generated code uses.</summary>
public static class ApiResponseReader
{
    /// <summary>JSON of <typeparamref name="T"/>; an empty body, a body that is not JSON, or JSON of another shape is an <see cref="ApiInvalidResponseException"/> (for the Scenario client, a <see cref="ScenarioInvalidResponseException"/>).</summary>
    public static ApiResponseReader<T> Json<T>(JsonTypeInfo<T> typeInfo) => new JsonReader<T>(typeInfo ?? throw new ArgumentNullException(nameof(typeInfo)));

    /// <summary>JSON of <typeparamref name="T"/>, or null when a success comes without a body (a <c>204</c>).</summary>
    public static ApiResponseReader<T?> JsonOrNull<T>(JsonTypeInfo<T> typeInfo)
        where T : class => new JsonOrNullReader<T>(typeInfo ?? throw new ArgumentNullException(nameof(typeInfo)));

    /// <summary>JSON of the value type <typeparamref name="T"/>, or null when a success comes without a body (a <c>204</c>).</summary>
    public static ApiResponseReader<T?> JsonOrNullValue<T>(JsonTypeInfo<T> typeInfo)
        where T : struct => new JsonOrNullValueReader<T>(typeInfo ?? throw new ArgumentNullException(nameof(typeInfo)));

    /// <summary>The body as text, decoded by the charset the response names (UTF-8 when it names none).</summary>
    public static ApiResponseReader<string> Text { get; } = new TextReader();

    /// <summary>
    /// The body as a stream the caller reads and disposes (<see cref="ApiFileResponse"/>), whatever its media type: not
    /// buffered, and not bound by <c>MaxResponseBodyBytes</c>.
    /// </summary>
    public static ApiResponseReader<ApiFileResponse> File { get; } = new FileReader();

    /// <summary>Nothing: the body, if any, is not read.</summary>
    internal static ApiResponseReader<object?> None { get; } = new NoneReader();

    private static bool IsJson(string contentType)
    {
        int semicolon = contentType.IndexOf(';');
        string media = (semicolon >= 0 ? contentType.Substring(0, semicolon) : contentType).Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static string ShortText(string text) => text.Length <= 100 ? text : text.Substring(0, 100) + "…";

    private sealed class JsonReader<T> : ApiResponseReader<T>
    {
        private readonly JsonTypeInfo<T> _typeInfo;

        public JsonReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

        internal override T Read(in ResponseContent response) => ReadJson(response, _typeInfo);
    }

    private sealed class JsonOrNullReader<T> : ApiResponseReader<T?>
        where T : class
    {
        private readonly JsonTypeInfo<T> _typeInfo;

        public JsonOrNullReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

        internal override T? Read(in ResponseContent response) => response.IsEmpty ? null : ReadJson(response, _typeInfo);
    }

    private sealed class JsonOrNullValueReader<T> : ApiResponseReader<T?>
        where T : struct
    {
        private readonly JsonTypeInfo<T> _typeInfo;

        public JsonOrNullValueReader(JsonTypeInfo<T> typeInfo) => _typeInfo = typeInfo;

        internal override T? Read(in ResponseContent response) => response.IsEmpty ? null : ReadJson(response, _typeInfo);
    }

    private static T ReadJson<T>(in ResponseContent response, JsonTypeInfo<T> typeInfo)
    {
        string contentType = response.ContentType ?? "no content type";
        if (response.IsEmpty)
        {
            throw response.Invalid($"The API answered {response.Described} but the body is empty ({contentType}); a {typeof(T).Name} was expected.");
        }

        if (response.ContentType is not null && !IsJson(response.ContentType))
        {
            throw response.Invalid($"The API answered {response.Described} with {ShortText(response.ContentType)}, not JSON; a {typeof(T).Name} was expected.");
        }

        T? value;
        try
        {
            value = response.Body!.Deserialize(typeInfo);
            if (value is null)
            {
                throw new JsonException("The body is null.");
            }
        }
        catch (JsonException failure)
        {
            throw response.Invalid($"The API answered {response.Status} but the body is not a valid {typeof(T).Name}: {response.Redact(failure.Message)}", failure);
        }

        if (response.Validate)
        {
            CheckSchema(response, value);
        }

        return value;
    }

    /// <summary>Throws the client's invalid-response exception when <paramref name="value"/> breaks its schema, naming the first problems.</summary>
    private static void CheckSchema<T>(in ResponseContent response, T value)
    {
        System.Collections.Generic.IReadOnlyList<JsonSchemaProblem> problems = ValueValidation.Of(value, null);
        if (problems.Count > 0)
        {
            var failure = new JsonSchemaValidationException(problems);
            throw response.Invalid($"The API answered {response.Status} but the body breaks its schema. {response.Redact(failure.Message)}", failure);
        }
    }

    private sealed class TextReader : ApiResponseReader<string>
    {
        internal override string Read(in ResponseContent response)
        {
            if (response.Body is not { Length: > 0 } body)
            {
                return string.Empty;
            }

            Encoding encoding = Encoding.UTF8;
            if (response.ContentType is { } contentType && System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) && media.CharSet is { Length: > 0 } charset)
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Trim('"'));
                }
                catch (ArgumentException)
                {
                    // An unknown charset: read as UTF-8 rather than fail a call whose body is there.
                }
            }

            return encoding.GetString(body.ToArray());
        }
    }

    private sealed class FileReader : ApiResponseReader<ApiFileResponse>
    {
        internal override bool Streams => true;

        internal override ApiFileResponse Read(in ResponseContent response) =>
            new((HttpStatusCode)response.Status, response.Headers!, response.RequestId, response.Stream!);
    }

    private sealed class NoneReader : ApiResponseReader<object?>
    {
        internal override object? Read(in ResponseContent response) => null;
    }
}
