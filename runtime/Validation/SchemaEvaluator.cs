using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Scenario.Runtime.Validation;

/// <summary>
/// The JSON Schema validator behind <see cref="JsonSchemaSet"/>: compiles the set's documents once, when a validation
/// first needs them (thread-safe), then checks values against any schema of the set, named by its absolute location.
/// </summary>
/// <remarks>
/// A location is an absolute URI, <c>#</c>, and a JSON pointer into that resource (<c>file:///a.schema.json#/$defs/Pet</c>)
/// or an anchor name (<c>…#Pet</c>); the URI is a document's <see cref="JsonSchemaDocument.Uri"/> or an <c>$id</c> in
/// one. Problems name their keyword the same way: the URI of the schema resource the keyword is in (its <c>$id</c>, or
/// the document's URI), <c>#</c>, and the keyword's pointer in that resource. A reference to a schema that no document
/// of the set holds makes a problem of keyword <c>$ref</c> ("cannot be checked"), so the value is invalid: an unknown
/// reference never passes silently.
/// </remarks>
internal sealed class SchemaEvaluator
{
    private readonly IReadOnlyList<JsonSchemaDocument> _documents;
    private readonly object _gate = new();
    private SchemaCompiler? _compiler;
    private Exception? _failure;
    private Dictionary<string, SchemaNode> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates the evaluator of <paramref name="documents"/>; nothing is parsed yet.</summary>
    public SchemaEvaluator(IReadOnlyList<JsonSchemaDocument> documents)
    {
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
    }

    /// <summary>
    /// Checks <paramref name="instance"/> against the schema at <paramref name="schemaLocation"/>; every problem found, up
    /// to <see cref="JsonValidationOptions.MaxProblems"/>, in the order the keywords were checked.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="schemaLocation"/> names no schema of the set, or a document is malformed.</exception>
    /// <exception cref="JsonException">A document of the set is not JSON.</exception>
    public IReadOnlyList<JsonSchemaProblem> Validate(JsonElement instance, string schemaLocation, JsonValidationOptions options)
    {
        if (schemaLocation is null)
        {
            throw new ArgumentNullException(nameof(schemaLocation));
        }

        SchemaNode root = Entry(schemaLocation);
        return Evaluation.Run(root, instance, options ?? JsonValidationOptions.Default);
    }

    /// <summary>The compiled schema at <paramref name="location"/>, compiling the set on first use.</summary>
    private SchemaNode Entry(string location)
    {
        Dictionary<string, SchemaNode> entries = System.Threading.Volatile.Read(ref _entries);
        if (entries.TryGetValue(location, out SchemaNode? known))
        {
            return known;
        }

        lock (_gate)
        {
            if (_failure is not null)
            {
                throw Rethrow(_failure);
            }

            if (_compiler is null)
            {
                try
                {
                    var compiler = new SchemaCompiler(_documents);
                    compiler.CompileAll();
                    _compiler = compiler;
                }
                catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
                {
                    _failure = ex;
                    throw Rethrow(ex);
                }
            }

            if (_entries.TryGetValue(location, out known))
            {
                return known;
            }

            SchemaNode? node = SchemaPointer.HasScheme(location) ? _compiler.Resolve(location) : null;
            if (node is null)
            {
                throw new ArgumentException("'" + location + "' is no schema of the set: a location is a document's URI (or an $id), '#', and a JSON pointer or an anchor.", "schemaLocation");
            }

            // Readers see either the old map or the new one, never one being changed.
            var copy = new Dictionary<string, SchemaNode>(_entries, StringComparer.Ordinal) { [location] = node };
            System.Threading.Volatile.Write(ref _entries, copy);
            return node;
        }
    }

    private static Exception Rethrow(Exception failure) => failure switch
    {
        JsonException json => new JsonException(json.Message, json),
        FormatException format => new ArgumentException("A schema document holds a malformed number: " + format.Message, format),
        _ => new ArgumentException(failure.Message, failure),
    };
}
