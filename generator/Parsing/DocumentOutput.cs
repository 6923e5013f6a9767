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

    /// <summary>The file opts in to typed formats (<c>Formats="true"</c>).</summary>
    public bool Formats { get; init; }

    /// <summary>The names taken in the namespace, shared by every file generated into it.</summary>
    public TypeNames Names { get; }

    public List<RecordModel> Records { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    public List<UnionModel> Unions { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    private readonly HashSet<DiagnosticInfo> _reported = new();

    /// <summary>Adds a diagnostic once (the same one found twice is reported once).</summary>
    public void Report(DiagnosticInfo diagnostic)
    {
        if (_reported.Add(diagnostic))
        {
            Diagnostics.Add(diagnostic);
        }
    }
}

/// <summary>
/// The type names of one namespace: each is given once, ignoring case, since each type is a generated file and file names
/// (the compiler's hint names, and case-insensitive file systems) do not tell <c>OptionsDefinition</c> from <c>Optionsdefinition</c>.
/// </summary>
internal sealed class TypeNames
{
    /// <summary>
    /// Members every generated record has: a type of that name would be a record with a member named like itself
    /// (CS0542), so no type takes one.
    /// </summary>
    public static readonly string[] RecordMemberNames =
    {
        "ExtensionData", "ReadJson", "WriteJson", "WriteJsonBody", "EqualityContract", "Equals", "GetHashCode", "ToString",
        "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "Clone", "ReferenceEquals", "Validate", "ThrowIfInvalid",
    };

    private readonly HashSet<string> _taken = new(RecordMemberNames, StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, string> _renames;

    /// <summary>The names of one file, in which a name another file of its namespace also gives is renamed as <paramref name="renames"/> says.</summary>
    public TypeNames(IReadOnlyDictionary<string, string>? renames = null)
    {
        _renames = renames ?? new Dictionary<string, string>();
    }

    /// <summary>
    /// Each type name given, with the stem it came from (what <see cref="Unique"/> was asked for, before a rename): a name
    /// two files of one namespace both give is renamed by its stem.
    /// </summary>
    public Dictionary<string, string> Given { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Takes a name that is no type (a namespace's last part, which no type may have).</summary>
    public void Reserve(string name) => _taken.Add(name);

    /// <summary>Takes a type name, given as is.</summary>
    public void Take(string name, string? stem = null)
    {
        _taken.Add(name);
        Given[name] = stem ?? name;
    }

    /// <summary>What a stem becomes in this file: itself, or its rename when another file of the namespace gives it too.</summary>
    public string Renamed(string stem) => _renames.TryGetValue(stem, out string? renamed) ? renamed : stem;

    /// <summary>An enum's name: free together with its converter's (<c>{Name}Converter</c>); both are taken from then on.</summary>
    public string UniqueEnum(string hint)
    {
        string stem = hint;
        hint = Cut(Renamed(hint));
        string name = hint;
        for (int n = 2; IsTaken(name) || IsTaken(name + "Converter"); n++)
        {
            name = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Take(name, stem);
        Take(name + "Converter", stem);
        return name;
    }

    /// <summary>
    /// A name not taken yet, starting from <paramref name="hint"/> (renamed when the file's namespace has another file
    /// that gives it; cut to <see cref="Identifiers.MaxLength"/>, since file systems limit names); taken from then on.
    /// </summary>
    public string Unique(string hint)
    {
        string stem = hint;
        hint = Cut(Renamed(hint));
        string name = hint;
        for (int n = 2; !_taken.Add(name); n++)
        {
            name = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Given[name] = stem;
        return name;
    }

    private static string Cut(string hint) => hint.Length > Identifiers.MaxLength ? hint.Substring(0, Identifiers.MaxLength) : hint;
}
