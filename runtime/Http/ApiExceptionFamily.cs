namespace Scenario.Runtime.Http;

/// <summary>
/// Which exception types a client throws (<see cref="ApiTransportSettings.ExceptionFamily"/>). Generated code chooses:
/// the client named <c>ScenarioClient</c> throws <see cref="ApiExceptionFamily.Scenario"/>, every other client
/// <see cref="ApiExceptionFamily.Neutral"/>. Both families derive from <see cref="global::Scenario.ApiException"/>.
/// </summary>
public enum ApiExceptionFamily
{
    /// <summary>
    /// The neutral names: <see cref="global::Scenario.ApiException"/>, <see cref="global::Scenario.ApiStatusException"/> and its
    /// subclasses by status (<see cref="global::Scenario.ApiNotFoundException"/>, …), <see cref="global::Scenario.ApiConnectionException"/>,
    /// <see cref="global::Scenario.ApiTimeoutException"/>, <see cref="global::Scenario.ApiInvalidResponseException"/>,
    /// <see cref="global::Scenario.ApiResponseTooLargeException"/> and <see cref="global::Scenario.ApiEventStreamException"/>.
    /// </summary>
    Neutral = 0,

    /// <summary>
    /// The Scenario API client's names: <see cref="global::Scenario.ScenarioException"/>, <see cref="global::Scenario.ScenarioApiException"/>
    /// and its subclasses by status (<see cref="global::Scenario.ScenarioNotFoundException"/>, …), <see cref="global::Scenario.ScenarioConnectionException"/>,
    /// <see cref="global::Scenario.ScenarioTimeoutException"/>, <see cref="global::Scenario.ScenarioInvalidResponseException"/>,
    /// <see cref="global::Scenario.ScenarioResponseTooLargeException"/> and <see cref="global::Scenario.ScenarioEventStreamException"/>.
    /// </summary>
    Scenario = 1,
}
