using System.Text;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>The keywords that apply subschemas to the same value: references, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c>.</summary>
internal sealed partial class Evaluation
{
    /// <summary>
    /// <c>$ref</c>, <c>$recursiveRef</c> and <c>$dynamicRef</c>. A reference whose target is not in the set is a problem:
    /// the value is invalid because it cannot be checked, so an unknown reference never passes silently.
    /// </summary>
    private bool EvaluateReferences(SchemaNode node, JsonElement instance, EvaluatedLocations? mine)
    {
        bool valid = true;
        if (node.Ref is not null)
        {
            if (node.RefTarget is null)
            {
                Report(node, "$ref", "The reference '" + node.Ref + "' cannot be checked: its target is not among the schema documents.");
                valid = false;
            }
            else
            {
                valid = Evaluate(node.RefTarget, instance, mine);
            }

            if (Stop(valid))
            {
                return false;
            }
        }

        if (node.RecursiveRef)
        {
            valid &= Evaluate(RecursiveTarget(node), instance, mine);
            if (Stop(valid))
            {
                return false;
            }
        }

        if (node.DynamicRef is not null)
        {
            SchemaNode? target = DynamicTarget(node);
            if (target is null)
            {
                Report(node, "$dynamicRef", "The reference '" + node.DynamicRef + "' cannot be checked: its target is not among the schema documents.");
                valid = false;
            }
            else
            {
                valid &= Evaluate(target, instance, mine);
            }
        }

        return valid;
    }

    /// <summary>2019-09's <c>"$recursiveRef": "#"</c>: the resource's root, or, when it has <c>$recursiveAnchor</c>, the outermost of the consecutive resources of the dynamic scope that have it too.</summary>
    private SchemaNode RecursiveTarget(SchemaNode node)
    {
        SchemaNode target = node.Resource.Root ?? node;
        if (!target.Resource.RecursiveAnchor)
        {
            return target;
        }

        for (int i = _scopeCount - 1; i >= 0; i--)
        {
            SchemaResource resource = _scope[i];
            if (!resource.RecursiveAnchor || resource.Root is null)
            {
                break;
            }

            target = resource.Root;
        }

        return target;
    }

    /// <summary>2020-12's <c>$dynamicRef</c>: resolved as <c>$ref</c>; when that schema has the matching <c>$dynamicAnchor</c>, the outermost resource of the dynamic scope with that anchor gives the target.</summary>
    private SchemaNode? DynamicTarget(SchemaNode node)
    {
        SchemaNode? target = node.DynamicRefTarget;
        string? anchor = node.DynamicRefAnchor;
        if (target is null || anchor is null || target.Resource.DynamicAnchors is not { } own || !own.TryGetValue(anchor, out SchemaNode? bookend) || !ReferenceEquals(bookend, target))
        {
            return target;
        }

        for (int i = 0; i < _scopeCount; i++)
        {
            if (_scope[i].DynamicAnchors is { } anchors && anchors.TryGetValue(anchor, out SchemaNode? found))
            {
                return found;
            }
        }

        return target;
    }

    private bool EvaluateApplicators(SchemaNode node, JsonElement instance, EvaluatedLocations? mine)
    {
        bool valid = true;
        if (node.AllOf is { } allOf)
        {
            for (int i = 0; i < allOf.Length; i++)
            {
                valid &= Evaluate(allOf[i], instance, mine);
                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        if (node.AnyOf is { } anyOf)
        {
            bool any = false;
            _silent++;
            for (int i = 0; i < anyOf.Length; i++)
            {
                EvaluatedLocations? branch = mine is null ? null : Rent();
                if (Evaluate(anyOf[i], instance, branch))
                {
                    any = true;
                    if (branch is not null)
                    {
                        mine!.Merge(branch);
                    }
                }

                Return(branch);
                if (any && mine is null)
                {
                    break;
                }
            }

            _silent--;
            if (!any)
            {
                Report(node, "anyOf", "The value matches none of the " + Count(anyOf.Length) + " anyOf schemas; at least one must match." + BranchSummary(anyOf, instance));
                valid = false;
                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        if (node.OneOf is { } oneOf)
        {
            int matched = 0;
            var indices = mine is null && !Recording ? null : new StringBuilder();
            EvaluatedLocations? kept = null;
            _silent++;
            for (int i = 0; i < oneOf.Length; i++)
            {
                EvaluatedLocations? branch = mine is null ? null : Rent();
                if (Evaluate(oneOf[i], instance, branch))
                {
                    matched++;
                    if (indices is not null && matched <= 5)
                    {
                        indices.Append(matched == 1 ? "" : ", ").Append(i);
                    }

                    if (matched == 1)
                    {
                        kept = branch;
                        branch = null;
                    }
                    else if (indices is null)
                    {
                        Return(branch);
                        break;
                    }
                }

                Return(branch);
            }

            _silent--;
            if (matched == 1)
            {
                if (kept is not null)
                {
                    mine!.Merge(kept);
                }
            }
            else
            {
                valid = false;
                Report(node, "oneOf", matched == 0
                    ? "The value matches none of the " + Count(oneOf.Length) + " oneOf schemas; exactly one must match." + BranchSummary(oneOf, instance)
                    : "The value matches " + Count(matched) + " of the oneOf schemas (" + AndLast(indices?.ToString() ?? "") + "); exactly one must match.");
            }

            Return(kept);
            if (Stop(valid))
            {
                return false;
            }
        }

        if (node.Not is { } not)
        {
            _silent++;
            bool matches = Evaluate(not, instance, null);
            _silent--;
            if (matches)
            {
                Report(node, "not", "The value must not match the schema of not.");
                valid = false;
                if (Stop(valid))
                {
                    return false;
                }
            }
        }

        if (node.If is { } condition)
        {
            EvaluatedLocations? branch = mine is null ? null : Rent();
            _silent++;
            bool holds = Evaluate(condition, instance, branch);
            _silent--;
            if (holds && branch is not null)
            {
                mine!.Merge(branch);
            }

            Return(branch);
            SchemaNode? then = holds ? node.Then : node.Else;
            if (then is not null)
            {
                valid &= Evaluate(then, instance, mine);
            }
        }

        if (node.DependentSchemas is { } dependents && instance.ValueKind == JsonValueKind.Object)
        {
            foreach (var dependent in dependents)
            {
                if (instance.TryGetProperty(dependent.Key, out _))
                {
                    valid &= Evaluate(dependent.Value, instance, mine);
                    if (Stop(valid))
                    {
                        return false;
                    }
                }
            }
        }

        return valid;
    }

    /// <summary>"0, 2" as "0 and 2".</summary>
    private static string AndLast(string list)
    {
        int comma = list.LastIndexOf(", ", System.StringComparison.Ordinal);
        return comma < 0 ? list : list.Substring(0, comma) + " and " + list.Substring(comma + 2);
    }

    /// <summary>When problems are recorded: each branch's first problem, so the message says why none matched.</summary>
    private string BranchSummary(SchemaNode[] branches, JsonElement instance)
    {
        if (!Recording || Full || _summarising)
        {
            return "";
        }

        _summarising = true;
        var summary = new StringBuilder();
        System.Collections.Generic.List<JsonSchemaProblem>? saved = _problems;
        int savedMax = _maxProblems;
        for (int i = 0; i < branches.Length && i < 5; i++)
        {
            _problems = null;
            _maxProblems = 1;
            _ = Evaluate(branches[i], instance, null);
            if (_problems is { Count: > 0 } found)
            {
                summary.Append(i == 0 ? " " : "; ").Append("Schema ").Append(i).Append(": ").Append(found[0].Message.TrimEnd('.'));
            }
        }

        _problems = saved;
        _maxProblems = savedMax;
        _summarising = false;
        return summary.Length == 0 ? "" : summary.Append('.').ToString();
    }
}
