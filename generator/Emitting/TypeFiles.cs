using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Scenario.Generators.Emitting;

/// <summary>
/// Adds the files of a schema's types: one per type (<c>{Namespace}.{Type}.g.cs</c>), or, for a schema of more than
/// <see cref="OwnFileLimit"/> types, <see cref="TypesPerFile"/> types to a file (<c>{Namespace}.Types.{n}.g.cs</c>, in the
/// model's order). The compiler's driver checks each added file's name against every file added before it, so its
/// cost grows with the square of the number of files, on every run, cached or not: at thousands of types that check
/// is most of a re-run. Each type's text is a whole file (a header, <c>#nullable enable</c>, a namespace block, names
/// written with <c>global::</c>), so types put together compile as they do apart.
/// </summary>
internal sealed class TypeFiles
{
    /// <summary>The most types a schema may have and still get a file per type.</summary>
    public const int OwnFileLimit = 200;

    /// <summary>How many types a file holds when they are grouped.</summary>
    public const int TypesPerFile = 100;

    private readonly SourceProductionContext _output;
    private readonly string _prefix;
    private readonly bool _grouped;
    private readonly List<string> _pending = new();
    private int _files;

    public TypeFiles(SourceProductionContext output, string prefix, int typeCount)
    {
        _output = output;
        _prefix = prefix;
        _grouped = typeCount > OwnFileLimit;
    }

    /// <summary>Adds the file of one type, or keeps its text for the group it falls in.</summary>
    public void Add(string typeName, string text)
    {
        _output.CancellationToken.ThrowIfCancellationRequested();
        if (!_grouped)
        {
            _output.AddSource(_prefix + typeName + ".g.cs", text);
            return;
        }

        _pending.Add(text);
        if (_pending.Count == TypesPerFile)
        {
            Flush();
        }
    }

    /// <summary>Adds the last group's file.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _files++;
        _output.AddSource(_prefix + "Types." + _files.ToString(CultureInfo.InvariantCulture) + ".g.cs", string.Concat(_pending));
        _pending.Clear();
    }
}
