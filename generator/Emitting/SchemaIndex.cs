using System.Collections.Generic;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting;

/// <summary>
/// What the emitter of one type asks of the whole schema (which records a union hands its discriminator's value, which
/// records are the body of an operation), found once per schema: asked per type instead, it made emitting grow with the
/// square of the schema's size (every record asking every union, every union searching every record).
/// </summary>
internal sealed class SchemaIndex
{
    private readonly Dictionary<string, RecordModel> _records = new();
    private readonly Dictionary<string, Dictionary<int, int>> _discriminatorFirst = new();
    private readonly HashSet<string> _readFromDiscriminator = new();
    private readonly HashSet<string> _bodies = new();

    public SchemaIndex(SchemaModel schema)
    {
        Schema = schema;
        foreach (RecordModel record in schema.Records)
        {
            if (!record.IsTuple && !_records.ContainsKey(record.Name))
            {
                _records.Add(record.Name, record);
            }
        }

        foreach (UnionModel union in schema.Unions)
        {
            if (UnionEmitter.DiscriminatorFirst(this, union) is not { } first || _discriminatorFirst.ContainsKey(union.Name))
            {
                continue;
            }

            _discriminatorFirst.Add(union.Name, first);
            foreach (int branch in first.Keys)
            {
                _readFromDiscriminator.Add(union.Branches[branch].Type.Name!);
            }
        }

        if (schema.Client is { } client)
        {
            foreach (OperationModel operation in Client.ClientEmitter.Operations(client.Resources))
            {
                if (operation.ParametersType is { } parameters && Client.OperationSignature.SendsBody(operation))
                {
                    _bodies.Add(parameters);
                }
            }
        }
    }

    /// <summary>The schema.</summary>
    public SchemaModel Schema { get; }

    private ContextEmitter.Entries? _context;
    private Dictionary<TypeRef, string>? _contextProperties;

    /// <summary>The entries of the schema's context (made once, for the context and the client).</summary>
    public ContextEmitter.Entries Context => _context ??= ContextEmitter.EntriesOf(Schema);

    /// <summary>The context's property of <paramref name="type"/>'s <c>JsonTypeInfo</c>.</summary>
    public string ContextProperty(TypeRef type)
    {
        if (_contextProperties is null)
        {
            _contextProperties = new Dictionary<TypeRef, string>();
            foreach ((TypeRef entry, string property) in Context.All)
            {
                _contextProperties[entry] = property;
            }
        }

        return _contextProperties[type];
    }

    /// <summary>The (object, not tuple) record of this schema that <paramref name="type"/> names; null for any other type.</summary>
    public RecordModel? Record(TypeRef type) =>
        type.Namespace == Schema.Namespace && type.Name is { } name && _records.TryGetValue(name, out RecordModel? record) ? record : null;

    /// <summary>For a union that hands its record branches the discriminator's value: see <see cref="UnionEmitter.DiscriminatorFirst"/>.</summary>
    public Dictionary<int, int>? DiscriminatorFirst(UnionModel union) =>
        _discriminatorFirst.TryGetValue(union.Name, out Dictionary<int, int>? first) ? first : null;

    /// <summary>Whether a union of the schema hands <paramref name="record"/> its discriminator's value (it reads on from it).</summary>
    public bool IsReadFromDiscriminator(RecordModel record) => !record.IsTuple && _readFromDiscriminator.Contains(record.Name);

    /// <summary>Whether <paramref name="record"/> is the parameters of an operation that sends a body.</summary>
    public bool IsOperationBody(RecordModel record) => _bodies.Contains(record.Name);
}
