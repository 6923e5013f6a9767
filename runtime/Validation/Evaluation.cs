using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// The state of one validation: where in the instance it is (a stack of path segments, turned into a JSON pointer only
/// when a problem is reported), the dynamic scope (the stack of schema resources entered), how deep schemas nest, whether
/// problems are being recorded or only validity matters (inside <c>anyOf</c>, <c>oneOf</c>, <c>not</c>, <c>if</c> and
/// <c>contains</c>), and the problems so far. One per thread is kept and reused, so a valid value costs no allocation
/// here. The keyword checks are in the other parts of this class.
/// </summary>
internal sealed partial class Evaluation
{
    /// <summary>How many schemas may nest in one evaluation before it reports "schema recursion too deep" instead of recursing: deeper than any instance System.Text.Json parses by default needs, shallow enough for any thread's stack.</summary>
    public const int MaxDepth = 512;

    [ThreadStatic]
    private static Evaluation? t_cached;

    private string?[] _names = new string?[16];
    private int[] _indices = new int[16];
    private int _pathCount;
    private SchemaResource[] _scope = new SchemaResource[16];
    private int _scopeCount;
    private int _depth;
    private int _silent;
    private List<JsonSchemaProblem>? _problems;
    private int _maxProblems;
    private bool _assertFormat;
    private bool _summarising;
    private readonly Stack<EvaluatedLocations> _free = new();

    /// <summary>Checks <paramref name="instance"/> against <paramref name="root"/>; the problems found, at most <see cref="JsonValidationOptions.MaxProblems"/>.</summary>
    public static IReadOnlyList<JsonSchemaProblem> Run(SchemaNode root, JsonElement instance, JsonValidationOptions options)
    {
        Evaluation evaluation = t_cached ?? new Evaluation();
        t_cached = null;
        try
        {
            evaluation._maxProblems = Math.Max(1, options.MaxProblems);
            evaluation._assertFormat = options.AssertFormat;
            _ = evaluation.Evaluate(root, instance, null);
            return evaluation._problems is { } problems ? problems : Array.Empty<JsonSchemaProblem>();
        }
        finally
        {
            evaluation._problems = null;
            evaluation._pathCount = 0;
            evaluation._scopeCount = 0;
            evaluation._depth = 0;
            evaluation._silent = 0;
            evaluation._summarising = false;
            t_cached = evaluation;
        }
    }

    /// <summary>Whether problems are being recorded (not inside a branch whose problems are only counted).</summary>
    private bool Recording => _silent == 0;

    /// <summary>Whether as many problems as wanted are recorded, so evaluation stops.</summary>
    private bool Full => _problems is not null && _problems.Count >= _maxProblems;

    /// <summary>Whether an invalid result ends the schema's evaluation: only validity is wanted, or no more problems are.</summary>
    private bool Stop(bool valid) => !valid && (_silent > 0 || Full);

    /// <summary>Records a problem of <paramref name="keyword"/> of <paramref name="node"/> at the current instance location.</summary>
    private void Report(SchemaNode node, string keyword, string message) => ReportAt(node.KeywordLocation(keyword), keyword, message);

    /// <summary>Records a problem at an explicit schema location.</summary>
    private void ReportAt(string schemaLocation, string keyword, string message)
    {
        if (_silent > 0 || Full)
        {
            return;
        }

        _problems ??= new List<JsonSchemaProblem>();
        _problems.Add(new JsonSchemaProblem(SchemaPointer.Build(_names, _indices, _pathCount), schemaLocation, keyword, message));
    }

    private void PushName(string name)
    {
        Grow();
        _names[_pathCount] = name;
        _indices[_pathCount++] = -1;
    }

    private void PushIndex(int index)
    {
        Grow();
        _names[_pathCount] = null;
        _indices[_pathCount++] = index;
    }

    private void Pop() => _pathCount--;

    private void Grow()
    {
        if (_pathCount == _names.Length)
        {
            Array.Resize(ref _names, _names.Length * 2);
            Array.Resize(ref _indices, _indices.Length * 2);
        }
    }

    private EvaluatedLocations Rent() => _free.Count > 0 ? _free.Pop() : new EvaluatedLocations();

    private void Return(EvaluatedLocations? locations)
    {
        if (locations is not null)
        {
            locations.Clear();
            _free.Push(locations);
        }
    }

    /// <summary>
    /// Evaluates <paramref name="node"/> on <paramref name="instance"/>. When <paramref name="collect"/> is given (an
    /// enclosing schema has <c>unevaluated*</c>), what this schema evaluated is added to it, if the schema passes.
    /// </summary>
    private bool Evaluate(SchemaNode node, JsonElement instance, EvaluatedLocations? collect)
    {
        if (node.Always is bool always)
        {
            if (!always)
            {
                ReportAt(node.Location, "false", "No value is allowed here: the schema is false (" + Describe(instance) + " was given).");
            }

            return always;
        }

        if (_depth >= MaxDepth
#if NET
            || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()
#endif
            )
        {
            ReportAt(node.Location, "$ref", "The schema recursion is too deep (more than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " nested schemas): a reference cycle that does not descend into the value.");
            return false;
        }

        _depth++;
        bool pushed = false;
        if (_scopeCount == 0 || !ReferenceEquals(_scope[_scopeCount - 1], node.Resource))
        {
            if (_scopeCount == _scope.Length)
            {
                Array.Resize(ref _scope, _scope.Length * 2);
            }

            _scope[_scopeCount++] = node.Resource;
            pushed = true;
        }

        EvaluatedLocations? mine = collect is not null || node.HasUnevaluated ? Rent() : null;
        bool valid = EvaluateKeywords(node, instance, mine);
        if (valid && collect is not null)
        {
            collect.Merge(mine!);
        }

        Return(mine);
        if (pushed)
        {
            _scopeCount--;
        }

        _depth--;
        return valid;
    }

    private bool EvaluateKeywords(SchemaNode node, JsonElement instance, EvaluatedLocations? mine)
    {
        bool valid = true;
        if (node.Ref is not null || node.RecursiveRef || node.DynamicRef is not null)
        {
            valid = EvaluateReferences(node, instance, mine);
            if (node.RefReplacesSiblings || Stop(valid))
            {
                return valid;
            }
        }

        if (!node.NoAssertions)
        {
            valid &= EvaluateAssertions(node, instance);
            if (Stop(valid))
            {
                return false;
            }
        }

        valid &= EvaluateApplicators(node, instance, mine);
        if (Stop(valid))
        {
            return false;
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                valid &= EvaluateObject(node, instance, mine);
                break;
            case JsonValueKind.Array:
                valid &= EvaluateArray(node, instance, mine);
                break;
        }

        return valid;
    }

    /// <summary>A value for a message: its JSON text, cut short when long.</summary>
    private static string Describe(JsonElement value)
    {
        string text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.GetRawText(),
        };
        return text.Length > 60 ? text.Substring(0, 57) + "…\"" : text;
    }

    private static string Describe(string name) => name.Length > 60 ? name.Substring(0, 57) + "…" : name;

    private static string Count(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
