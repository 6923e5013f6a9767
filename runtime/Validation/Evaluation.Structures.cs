using System.IO;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>The keywords of objects (properties, required, dependencies, unevaluatedProperties…) and arrays (items, contains, uniqueItems, unevaluatedItems…).</summary>
internal sealed partial class Evaluation
{
    private bool EvaluateObject(SchemaNode node, JsonElement instance, EvaluatedLocations? mine)
    {
        bool valid = true;
        bool assert = !node.NoAssertions;
        if (assert && (node.MinProperties >= 0 || node.MaxProperties >= 0))
        {
            long count = 0;
            foreach (JsonProperty _ in instance.EnumerateObject())
            {
                count++;
            }

            if (node.MinProperties >= 0 && count < node.MinProperties)
            {
                Report(node, "minProperties", "The object has " + Count(count) + " properties; it must have at least " + Count(node.MinProperties) + ".");
                valid = false;
            }

            if (node.MaxProperties >= 0 && count > node.MaxProperties)
            {
                Report(node, "maxProperties", "The object has " + Count(count) + " properties; it may have at most " + Count(node.MaxProperties) + ".");
                valid = false;
            }

            if (Stop(valid))
            {
                return false;
            }
        }

        if (assert && node.Required is { } required)
        {
            for (int i = 0; i < required.Length; i++)
            {
                if (!instance.TryGetProperty(required[i], out _))
                {
                    Report(node, "required", "The required property '" + Describe(required[i]) + "' is missing.");
                    valid = false;
                    if (Stop(valid))
                    {
                        return false;
                    }
                }
            }
        }

        if (assert && node.DependentRequired is { } dependentRequired)
        {
            foreach (var dependency in dependentRequired)
            {
                if (!instance.TryGetProperty(dependency.Key, out _))
                {
                    continue;
                }

                foreach (string name in dependency.Value)
                {
                    if (!instance.TryGetProperty(name, out _))
                    {
                        ReportAt(node.KeywordLocation(node.DependentRequiredKeyword) + "/" + SchemaPointer.Escape(dependency.Key), node.DependentRequiredKeyword, "The property '" + Describe(name) + "' is required when '" + Describe(dependency.Key) + "' is present.");
                        valid = false;
                        if (Stop(valid))
                        {
                            return false;
                        }
                    }
                }
            }
        }

        if (node.Properties is { } properties)
        {
            for (int i = 0; i < properties.Length; i++)
            {
                if (instance.TryGetProperty(properties[i].Key, out JsonElement value))
                {
                    PushName(properties[i].Key);
                    valid &= Evaluate(properties[i].Value, value, null);
                    Pop();
                    mine?.AddProperty(properties[i].Key);
                    if (Stop(valid))
                    {
                        return false;
                    }
                }
            }
        }

        if (node.PatternProperties is not null || node.AdditionalProperties is not null || node.PropertyNames is not null)
        {
            foreach (JsonProperty property in instance.EnumerateObject())
            {
                string name = property.Name;
                bool matched = node.PropertyLookup is { } lookup && lookup.ContainsKey(name);
                if (node.PatternProperties is { } patterns)
                {
                    for (int i = 0; i < patterns.Length; i++)
                    {
                        if (Matches(patterns[i].Regex, name) == true)
                        {
                            matched = true;
                            PushName(name);
                            valid &= Evaluate(patterns[i].Schema, property.Value, null);
                            Pop();
                            mine?.AddProperty(name);
                        }
                    }
                }

                if (!matched && node.AdditionalProperties is { } additional)
                {
                    PushName(name);
                    if (additional.Always == false)
                    {
                        Report(node, "additionalProperties", "The property '" + Describe(name) + "' is not allowed (additionalProperties is false).");
                        valid = false;
                    }
                    else
                    {
                        valid &= Evaluate(additional, property.Value, null);
                    }

                    Pop();
                    mine?.AddProperty(name);
                }

                if (node.PropertyNames is { } names)
                {
                    PushName(name);
                    if (names.Always == false)
                    {
                        Report(node, "propertyNames", "The property name '" + Describe(name) + "' is not allowed (propertyNames is false).");
                        valid = false;
                    }
                    else if (names.Always != true)
                    {
                        valid &= Evaluate(names, NameElement(name), null);
                    }

                    Pop();
                }

                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        if (node.UnevaluatedProperties is { } unevaluated && mine is not null)
        {
            foreach (JsonProperty property in instance.EnumerateObject())
            {
                string name = property.Name;
                if (mine.HasProperty(name))
                {
                    continue;
                }

                PushName(name);
                if (unevaluated.Always == false)
                {
                    Report(node, "unevaluatedProperties", "The property '" + Describe(name) + "' is not allowed (unevaluatedProperties is false: no subschema evaluated it).");
                    valid = false;
                }
                else
                {
                    valid &= Evaluate(unevaluated, property.Value, null);
                }

                Pop();
                mine.AddProperty(name);
                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        return valid;
    }

    /// <summary>A property name as a JSON string value, for <c>propertyNames</c>.</summary>
    private static JsonElement NameElement(string name)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(name);
        }

        using JsonDocument document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private bool EvaluateArray(SchemaNode node, JsonElement instance, EvaluatedLocations? mine)
    {
        bool valid = true;
        bool assert = !node.NoAssertions;
        int length = instance.GetArrayLength();
        if (assert && node.MinItems >= 0 && length < node.MinItems)
        {
            Report(node, "minItems", "The array has " + Count(length) + " items; it must have at least " + Count(node.MinItems) + ".");
            valid = false;
        }

        if (assert && node.MaxItems >= 0 && length > node.MaxItems)
        {
            Report(node, "maxItems", "The array has " + Count(length) + " items; it may have at most " + Count(node.MaxItems) + ".");
            valid = false;
        }

        if (assert && node.UniqueItems && length > 1)
        {
            int first = -1;
            int second = -1;
            for (int i = 0; i < length && first < 0; i++)
            {
                for (int j = i + 1; j < length; j++)
                {
                    if (JsonValueEquality.Equal(instance[i], instance[j]))
                    {
                        first = i;
                        second = j;
                        break;
                    }
                }
            }

            if (first >= 0)
            {
                Report(node, "uniqueItems", "The items " + Count(first) + " and " + Count(second) + " are equal; the items must be unique.");
                valid = false;
            }
        }

        if (Stop(valid))
        {
            return false;
        }

        SchemaNode[]? prefix = node.PrefixItems;
        int prefixLength = prefix?.Length ?? 0;
        SchemaNode? rest = node.Items ?? node.AdditionalItems;
        if (prefix is not null || rest is not null)
        {
            string restKeyword = node.Items is not null ? "items" : "additionalItems";
            if (rest?.Always == false && length > prefixLength)
            {
                Report(node, restKeyword, "The array has " + Count(length) + " items; at most " + Count(prefixLength) + " are allowed (" + restKeyword + " is false).");
                valid = false;
                rest = null;
            }

            int index = 0;
            foreach (JsonElement item in instance.EnumerateArray())
            {
                SchemaNode? schema = index < prefixLength ? prefix![index] : rest;
                if (schema is null)
                {
                    break;
                }

                PushIndex(index);
                valid &= Evaluate(schema, item, null);
                Pop();
                if (Stop(valid))
                {
                    return false;
                }

                index++;
            }

            if (mine is not null)
            {
                mine.AddItemsPrefix(System.Math.Min(length, prefixLength));
                if (rest is not null)
                {
                    mine.AddAllItems();
                }
            }
        }

        if (node.Contains is { } contains)
        {
            long matches = 0;
            int index = 0;
            _silent++;
            foreach (JsonElement item in instance.EnumerateArray())
            {
                PushIndex(index);
                if (Evaluate(contains, item, null))
                {
                    matches++;
                    mine?.AddItem(index);
                }

                Pop();
                index++;
            }

            _silent--;
            long min = node.MinContains >= 0 ? node.MinContains : 1;
            if (matches < min)
            {
                ReportAt(node.KeywordLocation(node.MinContains >= 0 ? "minContains" : "contains"), node.MinContains >= 0 ? "minContains" : "contains", matches == 0
                    ? "No item of the array matches the schema of contains" + (min > 1 ? "; at least " + Count(min) + " must." : ".")
                    : Count(matches) + " items of the array match the schema of contains; at least " + Count(min) + " must.");
                valid = false;
            }

            if (node.MaxContains >= 0 && matches > node.MaxContains)
            {
                Report(node, "maxContains", Count(matches) + " items of the array match the schema of contains; at most " + Count(node.MaxContains) + " may.");
                valid = false;
            }

            if (Stop(valid))
            {
                return false;
            }
        }

        if (node.UnevaluatedItems is { } unevaluated && mine is not null)
        {
            int index = 0;
            foreach (JsonElement item in instance.EnumerateArray())
            {
                if (!mine.HasItem(index))
                {
                    PushIndex(index);
                    if (unevaluated.Always == false)
                    {
                        Report(node, "unevaluatedItems", "The item " + Count(index) + " is not allowed (unevaluatedItems is false: no subschema evaluated it).");
                        valid = false;
                    }
                    else
                    {
                        valid &= Evaluate(unevaluated, item, null);
                    }

                    Pop();
                    if (Stop(valid))
                    {
                        return false;
                    }
                }

                index++;
            }

            mine.AddAllItems();
        }

        return valid;
    }
}
