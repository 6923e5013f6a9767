using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// The exception types a generated client throws, as its XML docs and its own throws name them: the client named
/// <c>ScenarioClient</c> throws the Scenario family (<c>ScenarioException</c>, <c>ScenarioApiException</c>, …), every
/// other client the neutral family (<c>ApiException</c>, <c>ApiStatusException</c>, …). The runtime throws the same
/// family: the client passes it in its settings (<see cref="Family"/>).
/// </summary>
internal sealed class ExceptionNames
{
    private static readonly ExceptionNames NeutralFamily = new(
        "global::Scenario.ApiException", "global::Scenario.ApiStatusException", "global::Scenario.ApiEventStreamException", "global::Scenario.Runtime.Http.ApiExceptionFamily.Neutral");

    private static readonly ExceptionNames ScenarioFamily = new(
        "global::Scenario.ScenarioException", "global::Scenario.ScenarioApiException", "global::Scenario.ScenarioEventStreamException", "global::Scenario.Runtime.Http.ApiExceptionFamily.Scenario");

    private ExceptionNames(string root, string status, string eventStream, string family)
    {
        Root = root;
        Status = status;
        EventStream = eventStream;
        Family = family;
    }

    /// <summary>The root of the family: every failure is one.</summary>
    public string Root { get; }

    /// <summary>The base of the exceptions for error statuses.</summary>
    public string Status { get; }

    /// <summary>An event stream's <c>error</c> event.</summary>
    public string EventStream { get; }

    /// <summary>The <c>ApiExceptionFamily</c> member the client passes the runtime: in its transport settings, and to the helpers that fail before any transport exists.</summary>
    public string Family { get; }

    /// <summary>The family of <paramref name="client"/>: Scenario's for the type named <c>ScenarioClient</c>, else the neutral one.</summary>
    public static ExceptionNames For(ClientModel client) => client.Name + "Client" == "ScenarioClient" ? ScenarioFamily : NeutralFamily;
}
