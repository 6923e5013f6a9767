using System;
using System.Collections.Generic;
using Scenario.Generators.Model;

namespace Scenario.Generators.Parsing;

/// <summary>What mapping produces for one schema file: its types, its diagnostics, and the names its namespace has taken.</summary>
internal sealed class DocumentOutput
{
    public DocumentOutput(string ns, TypeNames names)
    {
        Namespace = ns;
        Names = names;
    }

    public string Namespace { get; }

    /// <summary>The names taken in the namespace, shared by every file generated into it.</summary>
    public TypeNames Names { get; }

    public List<RecordModel> Records { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();
}

/// <summary>
/// The type names of one namespace: each is given once, ignoring case, since each type is a generated file and file names
/// (the compiler's hint names, and case-insensitive file systems) do not tell <c>OptionsDefinition</c> from <c>Optionsdefinition</c>.
/// </summary>
internal sealed class TypeNames
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Take(string name) => _taken.Add(name);

    /// <summary>A name not taken yet, starting from <paramref name="hint"/> (cut to <see cref="Identifiers.MaxLength"/>, since file systems limit names); taken from then on.</summary>
    public string Unique(string hint)
    {
        if (hint.Length > Identifiers.MaxLength)
        {
            hint = hint.Substring(0, Identifiers.MaxLength);
        }

        string name = hint;
        for (int n = 2; !_taken.Add(name); n++)
        {
            name = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
