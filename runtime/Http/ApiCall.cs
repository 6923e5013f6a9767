using System;
using System.Collections.Generic;

namespace Scenario.Runtime.Http;

/// <summary>
/// One call as the transport makes it, decided once before its first attempt: the request, its options over the
/// transport's defaults, how often it may be retried, each attempt's timeout, its idempotency key, its address (query
/// credentials included) and the credentials its security requirements chose.
/// </summary>
internal sealed record ApiCall(
    ApiRequest Request,
    RequestOptions? Options,
    int MaxRetries,
    TimeSpan Timeout,
    string? IdempotencyKey,
    Uri Uri,
    IReadOnlyList<ApiCredential> Credentials);
