namespace Scenario.Runtime.Validation;

/// <summary>What each <see cref="JsonSchemaDialect"/> means for the keywords a schema has, and the dialect a <c>$schema</c> names.</summary>
internal static class SchemaDialects
{
    /// <summary>The dialect of a json-schema.org meta-schema URI (with or without <c>#</c>), or null for any other URI.</summary>
    public static JsonSchemaDialect? FromMetaSchema(string uri)
    {
        string u = uri.TrimEnd('#');
        if (u.StartsWith("https://", System.StringComparison.Ordinal))
        {
            u = "http://" + u.Substring("https://".Length);
        }

        return u switch
        {
            "http://json-schema.org/draft-04/schema" or "http://json-schema.org/schema" => JsonSchemaDialect.Draft4,
            "http://json-schema.org/draft-06/schema" => JsonSchemaDialect.Draft6,
            "http://json-schema.org/draft-07/schema" => JsonSchemaDialect.Draft7,
            "http://json-schema.org/draft/2019-09/schema" => JsonSchemaDialect.Draft201909,
            "http://json-schema.org/draft/2020-12/schema" => JsonSchemaDialect.Draft202012,
            _ => null,
        };
    }

    /// <summary>Draft 4 and OpenAPI 3.0: <c>id</c>, boolean <c>exclusiveMinimum</c>, no <c>const</c> nor <c>contains</c>.</summary>
    public static bool IsDraft4(JsonSchemaDialect d) => d == JsonSchemaDialect.Draft4 || d == JsonSchemaDialect.OpenApi30;

    /// <summary>Drafts 4 to 7, where <c>$ref</c> replaces its siblings.</summary>
    public static bool RefOverridesSiblings(JsonSchemaDialect d) => d <= JsonSchemaDialect.Draft7 || d == JsonSchemaDialect.OpenApi30;

    /// <summary>2019-09 and later: <c>$anchor</c>, <c>$defs</c>, <c>dependentRequired</c>, <c>unevaluated*</c>, <c>minContains</c>.</summary>
    public static bool IsModern(JsonSchemaDialect d) => d == JsonSchemaDialect.Draft201909 || d == JsonSchemaDialect.Draft202012;

    /// <summary>Draft 6 and later: <c>const</c>, <c>contains</c>, <c>propertyNames</c>, numeric exclusive bounds, 1.0 an integer.</summary>
    public static bool HasDraft6(JsonSchemaDialect d) => !IsDraft4(d);

    /// <summary>Draft 7 and later: <c>if</c>, <c>then</c>, <c>else</c>.</summary>
    public static bool HasDraft7(JsonSchemaDialect d) => d == JsonSchemaDialect.Draft7 || IsModern(d);
}
