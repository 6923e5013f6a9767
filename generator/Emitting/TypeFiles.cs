using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Scenario.Generators.Model;

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
    private readonly LanguageFeatures _features;

    /// <summary>When types are grouped: the writer every type of the current file is written into, one after another.</summary>
    private readonly SourceWriter? _group;
    private int _inGroup;
    private int _files;

    public TypeFiles(SourceProductionContext output, string prefix, int typeCount, LanguageFeatures features)
    {
        _output = output;
        _prefix = prefix;
        _features = features;
        _group = typeCount > OwnFileLimit ? new SourceWriter(features) : null;
    }

    /// <summary>
    /// Adds the file of one type, which <paramref name="write"/> writes, or writes it into the file of its group: the text of
    /// a group is made once, not once per type and again for the group.
    /// </summary>
    public void Add(string typeName, Action<SourceWriter> write)
    {
        _output.CancellationToken.ThrowIfCancellationRequested();
        if (_group is null)
        {
            _output.AddSource(_prefix + typeName + ".g.cs", SourceWriter.Text(_features, write));
            return;
        }

        write(_group);
        if (++_inGroup == TypesPerFile)
        {
            AddGroup();
        }
    }

    /// <summary>Adds the last group's file.</summary>
    public void Flush()
    {
        AddGroup();
        _group?.Finish();
    }

    private void AddGroup()
    {
        if (_inGroup == 0)
        {
            return;
        }

        _files++;
        _output.AddSource(_prefix + "Types." + _files.ToString(CultureInfo.InvariantCulture) + ".g.cs", _group!.Take());
        _inGroup = 0;
    }
}
