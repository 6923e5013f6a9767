using System;
using System.Collections;
using System.Collections.Generic;

namespace Scenario.Runtime.Validation;

/// <summary>
/// A generated record or union that checks itself against its schema. The client calls it on the responses it reads
/// when asked to (<c>ValidateResponses</c>); code that holds values of several generated types can too.
/// </summary>
public interface IJsonValidatable
{
    /// <summary>Checks the value, as written, against its schema; every problem found, none when it is valid.</summary>
    IReadOnlyList<JsonSchemaProblem> Validate(JsonValidationOptions? options = null);
}

/// <summary>The problems of a value the client read: a generated type's own, or those of each item of a list of them.</summary>
internal static class ValueValidation
{
    public static IReadOnlyList<JsonSchemaProblem> Of(object? value, JsonValidationOptions? options)
    {
        if (value is IJsonValidatable single)
        {
            return single.Validate(options);
        }

        if (value is IEnumerable items and not string)
        {
            List<JsonSchemaProblem>? found = null;
            int index = 0;
            int max = (options ?? JsonValidationOptions.Default).MaxProblems;
            foreach (object? item in items)
            {
                if (item is IJsonValidatable validatable)
                {
                    foreach (JsonSchemaProblem problem in validatable.Validate(options))
                    {
                        found ??= new List<JsonSchemaProblem>();
                        string prefix = "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        found.Add(new JsonSchemaProblem(prefix + problem.InstancePath, problem.SchemaLocation, problem.Keyword, problem.Message));
                        if (found.Count >= max)
                        {
                            return found;
                        }
                    }
                }

                index++;
            }

            return found ?? (IReadOnlyList<JsonSchemaProblem>)Array.Empty<JsonSchemaProblem>();
        }

        return Array.Empty<JsonSchemaProblem>();
    }
}
