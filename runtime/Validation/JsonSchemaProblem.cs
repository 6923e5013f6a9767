using System;

namespace Scenario.Runtime.Validation;

/// <summary>
/// One way a JSON value breaks its schema: where in the value (<see cref="InstancePath"/>, a JSON pointer), which
/// keyword of which schema (<see cref="Keyword"/> at <see cref="SchemaLocation"/>), and what is wrong in words a user
/// can act on (<see cref="Message"/>).
/// </summary>
public sealed class JsonSchemaProblem
{
    /// <summary>Creates a problem.</summary>
    public JsonSchemaProblem(string instancePath, string schemaLocation, string keyword, string message)
    {
        InstancePath = instancePath ?? throw new ArgumentNullException(nameof(instancePath));
        SchemaLocation = schemaLocation ?? throw new ArgumentNullException(nameof(schemaLocation));
        Keyword = keyword ?? throw new ArgumentNullException(nameof(keyword));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The JSON pointer (RFC 6901) of the value that breaks the rule: <c>""</c> for the whole document, <c>/items/0/name</c> inside it.</summary>
    public string InstancePath { get; }

    /// <summary>The absolute location of the keyword that fails: the schema document's URI, <c>#</c>, and the keyword's JSON pointer in it.</summary>
    public string SchemaLocation { get; }

    /// <summary>The keyword that fails (<c>minimum</c>, <c>required</c>, <c>additionalProperties</c>…).</summary>
    public string Keyword { get; }

    /// <summary>What is wrong, as a sentence (<c>"3 is less than the minimum 5."</c>).</summary>
    public string Message { get; }

    /// <summary>The problem on one line: where, what, and which keyword says so.</summary>
    public override string ToString() => (InstancePath.Length == 0 ? "(the document)" : InstancePath) + ": " + Message + " (" + Keyword + " at " + SchemaLocation + ")";
}
