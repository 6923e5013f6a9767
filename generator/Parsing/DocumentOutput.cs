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
        "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "Clone", "ReferenceEquals",
    };

    private readonly HashSet<string> _taken = new(RecordMemberNames, StringComparer.OrdinalIgnoreCase);

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Take(string name) => _taken.Add(name);

    /// <summary>A name not taken yet, starting from <paramref name="hint"/> (cut to <see cref="Identifiers.MaxLength"/>, since file systems limit names); taken from then on.</summary>
    /// <summary>An enum's name: free together with its converter's (<c>{Name}Converter</c>); both are taken from then on.</summary>
    public string UniqueEnum(string hint)
    {
        if (hint.Length > Identifiers.MaxLength)
        {
            hint = hint.Substring(0, Identifiers.MaxLength);
        }

        string name = hint;
        for (int n = 2; IsTaken(name) || IsTaken(name + "Converter"); n++)
        {
            name = hint + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Take(name);
        Take(name + "Converter");
        return name;
    }

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
