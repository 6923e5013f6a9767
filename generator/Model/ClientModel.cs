namespace Scenario.Generators.Model;

/// <summary>The client the schema's <c>x-client</c> extension describes (README, "The x-client extension").</summary>
/// <param name="Name">The client's name: <c>Scenario</c> gives <c>ScenarioClient</c> and <c>ScenarioClientOptions</c>.</param>
/// <param name="BaseAddress">The default base address.</param>
/// <param name="BaseAddressVariable">The environment variable that overrides the default base address, when set.</param>
/// <param name="IdempotencyHeader">The header idempotency keys go in (<c>x-client.idempotencyKey.header</c>); null when the schema says nothing.</param>
/// <param name="GenerateIdempotencyKeys">Whether a key is generated once per call of a POST or PATCH (<c>x-client.idempotencyKey.generate</c>).</param>
internal sealed record ClientModel(
    string Name,
    string? Description,
    string BaseAddress,
    string? BaseAddressVariable,
    BasicAuthModel? Auth,
    EquatableArray<ResourceModel> Resources,
    string? IdempotencyHeader = null,
    bool GenerateIdempotencyKeys = false);

/// <summary>HTTP Basic authentication: each part from an option of the client's options, or else an environment variable.</summary>
internal sealed record BasicAuthModel(CredentialModel User, CredentialModel Password);

/// <summary>One part of the credentials: its option's name, its environment variable, its description.</summary>
internal sealed record CredentialModel(string Option, string Variable, string? Description);

/// <summary>A group of operations (<c>client.Models.Examples</c>), possibly holding further groups.</summary>
/// <param name="PropertyName">The property of the parent that holds it (<c>Examples</c>).</param>
/// <param name="TypeName">Its class (<c>ModelsExamplesResource</c>).</param>
/// <param name="InterfaceName">Its interface, for mocking (<c>IModelsExamplesResource</c>).</param>
/// <param name="RawTypeName">Its twin under <c>client.WithRawResponse</c> (<c>ModelsExamplesResourceWithRawResponse</c>).</param>
internal sealed record ResourceModel(
    string PropertyName,
    string TypeName,
    string? Description,
    EquatableArray<ResourceModel> Resources,
    EquatableArray<OperationModel> Operations,
    string InterfaceName,
    string RawTypeName);

/// <summary>One endpoint: <c>ListAsync(modelId, query, cancellationToken)</c> sends <c>GET /models/{modelId}/examples</c>.</summary>
/// <param name="MethodName">The C# method (<c>ListAsync</c>).</param>
/// <param name="HttpMethod">The HTTP method, upper case.</param>
/// <param name="Path">The path template, <c>{name}</c> marking each path parameter.</param>
/// <param name="ParametersType">The record of query and body parameters, when there is one.</param>
/// <param name="ParametersRequired">Whether the parameters argument is required (else it defaults to null).</param>
/// <param name="ResponseType">The record the response body is.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? Description,
    EquatableArray<PathParameterModel> PathParameters,
    string? ParametersType,
    bool ParametersRequired,
    string ResponseType);

/// <summary>A path parameter: its name in the template, its C# parameter name, its description.</summary>
internal sealed record PathParameterModel(string Name, string ParameterName, string? Description);
