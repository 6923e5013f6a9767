using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

// PLACEHOLDER until the evaluator lands: replaced as a whole.
internal sealed class SchemaEvaluator
{
    public SchemaEvaluator(IReadOnlyList<JsonSchemaDocument> documents)
    {
    }

    public IReadOnlyList<JsonSchemaProblem> Validate(JsonElement instance, string schemaLocation, JsonValidationOptions options) => Array.Empty<JsonSchemaProblem>();
}
