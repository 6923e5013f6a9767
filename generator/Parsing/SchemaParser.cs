using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing.Json;
using Scenario.Generators.Parsing.OpenApi;

namespace Scenario.Generators.Parsing;

/// <summary>
/// The schema files of a compilation → one <see cref="SchemaModel"/> each. Reads every file (<see cref="SchemaDocument"/>),
/// indexes them for references across files (<see cref="SchemaSet"/>), settles the namespaces and the names of the
/// definitions and roots, then maps each file's definitions and root (<see cref="TypeMapper"/>) and its <c>x-client</c>
/// (<see cref="ClientParser"/>). Never throws: every problem is a diagnostic, and a broken part of a file leaves the
/// rest of it generated.
/// </summary>
internal static class SchemaParser
{
    public const string SchemaSuffix = ".schema.json";

    /// <summary>
    /// The suffix Unity needs to pass a file to this analyzer (it has no AdditionalFiles item): a file of the Assets
    /// folder named <c>{Name}.Scenario.Generators.additionalfile</c>, whose <c>{Name}</c> holds no dot.
    /// </summary>
    public const string UnitySuffix = ".Scenario.Generators.additionalfile";

    /// <summary>The suffixes of an OpenAPI document's name: <c>*.openapi.json</c>, <c>*.openapi.yaml</c>, <c>*.openapi.yml</c>.</summary>
    public static readonly string[] OpenApiSuffixes = { ".openapi.json", ".openapi.yaml", ".openapi.yml" };

    /// <summary>
    /// Whether the AdditionalFiles item is a file to generate from: <c>*.schema.json</c>, an OpenAPI document
    /// (<c>*.openapi.json</c>, <c>.yaml</c>, <c>.yml</c>), or Unity's form (either, by its content).
    /// </summary>
    public static bool IsSchemaFile(string path) =>
        path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase) || path.EndsWith(UnitySuffix, StringComparison.OrdinalIgnoreCase) || OpenApiSuffix(path) is not null;

    /// <summary>The OpenAPI suffix the path ends in; null for none.</summary>
    public static string? OpenApiSuffix(string path)
    {
        foreach (string suffix in OpenApiSuffixes)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return suffix;
            }
        }

        return null;
    }

    /// <summary>Members of the generated context a root's property may not be named like.</summary>
    private static readonly HashSet<string> ContextMembers = new(StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "Create", "Checked", "SchemaDocument", "Schemas", "Validating",
    };

    /// <summary>The types a client named <paramref name="name"/> generates (see ClientEmitter).</summary>
    private static IEnumerable<string> ClientTypeNames(string name) => new[]
    {
        name + "Client", name + "ClientOptions", "I" + name + "Client", name + "ClientWithRawResponse", name + "ClientServiceCollectionExtensions",
    };

    /// <summary>Parses the schema files of a compilation together; the models come in the order of the inputs.</summary>
    /// <param name="inputs">The schema files.</param>
    /// <param name="hasDateOnly">The target has <c>DateOnly</c> and <c>TimeOnly</c>, which formats use where a file opts in.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static EquatableArray<SchemaModel> ParseAll(EquatableArray<SchemaInput> inputs, bool hasDateOnly, CancellationToken cancellationToken)
    {
        var files = new List<File>();
        foreach (SchemaInput input in inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            files.Add(File.Read(input));
        }

        // Each file names its types in a scope of its own, so a name depends on its file alone. Files that share a
        // namespace and give one name both are renamed by one rule (the file's name before it: LootRarity, ShopRarity),
        // with a warning at each, and parsed again; a clash that renaming cannot settle is suffixed as one namespace.
        // The index of ids and anchors depends on the documents alone: one for every pass.
        var set = new SchemaSet(files.Where(f => f.Document is not null).Select(f => f.Document!).ToList(), files.Where(f => f.Document is null).Select(f => f.Input.Path));
        var renames = new Dictionary<File, Dictionary<string, string>>();
        var clashes = new List<NameClash>();
        for (int pass = 1; ; pass++)
        {
            (Dictionary<string, SchemaModel> models, List<(File File, TypeNames Names)> scopes) = Run(files, set, renames, shared: pass > MaxRenamePasses, hasDateOnly, cancellationToken);
            List<NameClash> found = pass > MaxRenamePasses ? new List<NameClash>() : Clashes(scopes);
            if (found.Count == 0)
            {
                WithValidation(models, files, set);
                return clashes.Count == 0
                    ? inputs.Select(i => models[i.Path]).ToEquatableArray()
                    : inputs.Select(i => WithClashes(models[i.Path], files.First(f => f.Input.Path == i.Path), clashes)).ToEquatableArray();
            }

            foreach (NameClash clash in found)
            {
                // An enum and its converter, or a client's five types, clash under one stem: one rename, one warning.
                if (clashes.Any(c => c.File == clash.File && c.Stem == clash.Stem))
                {
                    continue;
                }

                if (!renames.TryGetValue(clash.File, out Dictionary<string, string>? renamed))
                {
                    renames[clash.File] = renamed = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                renamed[clash.Stem] = clash.Renamed;
                clashes.Add(clash);
            }

            foreach (File file in files)
            {
                file.Reset();
            }
        }
    }

    /// <summary>
    /// Gives each model what its context embeds for validation: its document, and the contexts of the documents its
    /// references reach, directly or through others.
    /// </summary>
    private static void WithValidation(Dictionary<string, SchemaModel> models, List<File> files, SchemaSet set)
    {
        var read = files.Where(f => f.Document is not null).ToList();
        string common = ValidationDocuments.CommonFolder(read.Select(f => f.Input.Path));
        var fileOf = read.ToDictionary(f => f.Document!, f => f);
        var aliases = new Dictionary<SchemaDocument, SortedSet<string>>();
        var direct = read.ToDictionary(f => f.Document!, f => ValidationDocuments.Referenced(f.Document!, set, uri => ValidationDocuments.EmbeddedUri(uri, common), aliases));
        foreach (File file in read)
        {
            var reached = new HashSet<SchemaDocument> { file.Document! };
            var pending = new Stack<SchemaDocument>(direct[file.Document!]);
            while (pending.Count > 0)
            {
                SchemaDocument next = pending.Pop();
                if (reached.Add(next))
                {
                    foreach (SchemaDocument further in direct[next])
                    {
                        pending.Push(further);
                    }
                }
            }

            reached.Remove(file.Document!);
            EquatableArray<string> related = reached
                .Select(d => "global::" + fileOf[d].Namespace + "." + fileOf[d].ContextName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToEquatableArray();
            SchemaDocument document = file.Document!;
            string uri = ValidationDocuments.UriOf(file.Input.Path, common);
            models[file.Input.Path] = models[file.Input.Path] with
            {
                Validation = new ValidationModel(uri, ValidationDocuments.JsonOf(document), ValidationDocuments.DialectOf(document), related)
                {
                    Aliases = aliases.TryGetValue(document, out SortedSet<string>? names) ? names.Where(n => n != uri).ToEquatableArray() : EquatableArray<string>.Empty,
                },
            };
        }
    }

    /// <summary>How many times names are settled again after a clash before the files of a namespace share one scope.</summary>
    private const int MaxRenamePasses = 3;

    /// <summary>Maps every file, each file's names in its own scope (or, <paramref name="shared"/>, one per namespace).</summary>
    private static (Dictionary<string, SchemaModel> Models, List<(File File, TypeNames Names)> Scopes) Run(
        List<File> files, SchemaSet set, Dictionary<File, Dictionary<string, string>> renames, bool shared, bool hasDateOnly, CancellationToken cancellationToken)
    {
        var outputs = new Dictionary<SchemaDocument, DocumentOutput>();
        // With shared scopes, namespaces that differ only in case share their names: hint names ignore case.
        var namespaces = new Dictionary<string, TypeNames>(StringComparer.OrdinalIgnoreCase);
        var scopes = new List<(File, TypeNames)>();
        var mapper = new TypeMapper(set, outputs, hasDateOnly, cancellationToken);

        // A type named like its own namespace cannot be named from a file that imports the namespace: when the namespace
        // comes from the file's name, it gives way (order.schema.json with a root Order: OrderSchema.Order; todo.openapi.yaml
        // with a schema Todo: TodoApi.Todo).
        foreach (File file in files.Where(f => f.Document?.Root is JsonObject && !f.HasExplicitNamespace))
        {
            if (file.DefinitionNames((JsonObject)file.Document!.Root, mapper).Contains(file.Namespace))
            {
                file.Namespace += file.Document!.IsOpenApi ? "Api" : "Schema";
            }
        }

        // Names first, for every file, so a reference from one file to another finds the other's names settled.
        foreach (File file in files.Where(f => f.Document is not null))
        {
            TypeNames names;
            if (!shared)
            {
                names = new TypeNames(renames.TryGetValue(file, out Dictionary<string, string>? renamed) ? renamed : null);
            }
            else if (!namespaces.TryGetValue(file.Namespace, out names!))
            {
                names = namespaces[file.Namespace] = new TypeNames();
            }

            scopes.Add((file, names));
            outputs[file.Document!] = new DocumentOutput(file.Namespace, names) { Formats = file.Formats };
            file.ContextName = names.Unique(file.BaseName + "JsonContext");
            names.Reserve(file.Namespace.Substring(file.Namespace.LastIndexOf('.') + 1));
            if (file.ClientName is { } clientName)
            {
                // The client's types take their names before the definitions do; a name the file took moves the client
                // to the next free one (Shop, Shop2, …), since the emitter derives all its types from that name.
                string stem = ClientStem + clientName;
                string first = names.Renamed(stem) is var renamedClient && renamedClient != stem ? renamedClient : clientName;
                string free = first;
                for (int n = 2; ClientTypeNames(free).Any(names.IsTaken); n++)
                {
                    free = first + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                foreach (string taken in ClientTypeNames(free))
                {
                    names.Take(taken, stem);
                }

                file.ClientName = free;
                if (free != clientName)
                {
                    file.ClientNameOverride = free;
                }
            }

            NameDefinitions(file, mapper, names);
        }

        foreach (File file in files.Where(f => f.Document is not null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            SchemaDocument document = file.Document!;
            OperationFilter? filter = document.IsOpenApi ? file.OperationFilter(document) : null;

            // With an operation filter, a document's schemas are generated only as its kept operations reach them.
            if (filter is null)
            {
                foreach (KeyValuePair<JsonNode, string> definition in file.NamedDefinitions)
                {
                    mapper.Map(document, definition.Key, definition.Value, 0);
                }

                // The other definitions (aliases, arrays, primitives): their inline types exist even when nothing refers to them.
                foreach (JsonProperty definition in Definitions(document))
                {
                    mapper.Map(document, definition.Value, Identifiers.ToPascalCase(definition.Name), 0);
                }
            }

            if (document.IsOpenApi)
            {
                // The operations: their inline schemas are mapped here, after the document's named schemas.
                file.Client = new OpenApi.OpenApiReader(document, mapper, outputs[document], file.ClientName!, file.Diagnostics, cancellationToken) { Filter = filter }.Read();
            }
            else if (document.Root is JsonObject root && Drafts.HasShape(root))
            {
                // A whole document that is one formatted value has nowhere to keep its text: it is its JSON type.
                file.RootType = mapper.Map(document, root, file.RootTypeName, 0).WithoutTopFormats();
                file.RootAllowsNull = mapper.AllowsNullDocument(document, root);
            }
            else if ((document.Root is JsonObject bare && bare["x-client"] is null) || document.Root.Type == JsonNodeType.Boolean)
            {
                // A root with no shape of its own ({"minimum": 2}, {"required": […]}, only definitions, true) allows any
                // JSON value: a whole document is read as a JsonElement, so every schema has its Default.{Root}. A root
                // that describes an API (x-client) describes no document.
                file.RootType = TypeRef.Any;
            }
        }

        mapper.LinkBases();
        var models = new Dictionary<string, SchemaModel>(StringComparer.Ordinal);
        foreach (File file in files)
        {
            models[file.Input.Path] = file.Document is null ? file.EmptyModel() : Model(file, outputs[file.Document]);
        }

        return (models, scopes);
    }

    /// <summary>The stem a client's type names are given under (its name is the client's, not a type's).</summary>
    private const string ClientStem = "client:";

    /// <summary>A type name two files of one namespace give: in <see cref="File"/>, its <see cref="Stem"/> becomes <see cref="Renamed"/>.</summary>
    private sealed record NameClash(File File, string Name, string Stem, string Renamed, string Namespace, string Others);

    /// <summary>The names given by more than one file of a namespace (ignoring case, as hint names do), each file's side of each.</summary>
    private static List<NameClash> Clashes(List<(File File, TypeNames Names)> scopes)
    {
        var result = new List<NameClash>();
        foreach (IGrouping<string, (File File, TypeNames Names)> group in scopes.GroupBy(s => s.File.Namespace, StringComparer.OrdinalIgnoreCase))
        {
            var owners = new Dictionary<string, List<(File File, string Stem)>>(StringComparer.OrdinalIgnoreCase);
            foreach ((File file, TypeNames names) in group)
            {
                foreach (KeyValuePair<string, string> given in names.Given)
                {
                    if (!owners.TryGetValue(given.Key, out List<(File, string)>? list))
                    {
                        owners[given.Key] = list = new List<(File, string)>();
                    }

                    list.Add((file, given.Value));
                }
            }

            foreach (KeyValuePair<string, List<(File File, string Stem)>> owner in owners.Where(o => o.Value.Select(v => v.File).Distinct().Count() > 1))
            {
                foreach ((File file, string stem) in owner.Value.GroupBy(v => v.File).Select(g => g.First()))
                {
                    string others = string.Join(", ", owner.Value.Select(v => v.File).Where(f => f != file).Distinct().Select(f => f.FileName));
                    string renamed = stem.StartsWith(ClientStem, StringComparison.Ordinal)
                        ? file.BaseName + stem.Substring(ClientStem.Length)
                        : file.BaseName + stem;
                    result.Add(new NameClash(file, owner.Key, stem, renamed, file.Namespace, others));
                }
            }
        }

        return result;
    }

    /// <summary>The model with a warning for each name of its file that another file of its namespace also gave.</summary>
    private static SchemaModel WithClashes(SchemaModel model, File file, List<NameClash> clashes)
    {
        List<NameClash> own = clashes.Where(c => c.File == file).ToList();
        if (own.Count == 0 || file.Document is null)
        {
            return model;
        }

        var diagnostics = new List<DiagnosticInfo>(model.Diagnostics);
        foreach (NameClash clash in own)
        {
            // At the definition the name came from, when it is one; else at the file.
            JsonNode? definition = file.NamedDefinitions.Where(d => d.Value.StartsWith(clash.Renamed, StringComparison.Ordinal)).Select(d => d.Key).FirstOrDefault();
            LocationInfo location = definition is null ? file.Document.Locator.File : file.Document.Locator.Of(definition);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, location, clash.Name, clash.Others, clash.Namespace, clash.Renamed));
        }

        return model with { Diagnostics = diagnostics.ToEquatableArray() };
    }

    private static SchemaModel Model(File file, DocumentOutput output)
    {
        SchemaDocument document = file.Document!;
        var diagnostics = new List<DiagnosticInfo>(file.Diagnostics);
        diagnostics.AddRange(output.Diagnostics);

        // Looked up once per definition below: a set, not a scan of the records each time.
        var recordNames = new HashSet<string>(output.Records.Select(r => r.Name), StringComparer.Ordinal);
        string? rootName = null;
        if (file.RootType is { } rootType)
        {
            bool isOwnType = rootType.IsGenerated && rootType.Namespace == output.Namespace;
            rootName = isOwnType && (recordNames.Contains(rootType.Name!) || output.Unions.Any(u => u.Name == rootType.Name)) && rootType.Name == file.RootTypeName
                ? rootType.Name
                : file.RootTypeName;
            // The root's property must not be another type's property, nor a member of the context.
            bool Clashes(string name) =>
                ContextMembers.Contains(name) || name == file.ContextName
                || (name != rootType.Name && (recordNames.Contains(name) || output.Enums.Any(e => e.Name == name) || output.Unions.Any(u => u.Name == name)));
            if (Clashes(rootName))
            {
                string stem = rootName + "Document";
                rootName = stem;
                for (int n = 2; Clashes(rootName); n++)
                {
                    rootName = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        ClientModel? client = file.Client;
        if (document.Root is JsonObject rootObject && !document.IsOpenApi)
        {
            var records = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (KeyValuePair<JsonNode, string> definition in file.NamedDefinitions)
            {
                if (recordNames.Contains(definition.Value))
                {
                    records[SchemaDocument.PointerOf(definition.Key)] = definition.Value;
                }
            }

            client = new ClientParser(document.Locator, output.Namespace, records, output.Names.Unique, diagnostics).Parse(rootObject, file.ClientNameOverride);
        }

        return file.EmptyModel() with
        {
            Namespace = output.Namespace,
            ContextName = file.ContextName!,
            Records = output.Records.ToEquatableArray(),
            Enums = output.Enums.ToEquatableArray(),
            Unions = output.Unions.ToEquatableArray(),
            Client = client,
            RootName = rootName,
            RootType = file.RootType,
            RootAllowsNull = file.RootAllowsNull,
            Diagnostics = diagnostics.ToEquatableArray(),
        };
    }

    /// <summary>
    /// The definitions of a root: under <c>definitions</c> (draft-04 to 07, Swagger 2.0) and <c>$defs</c> (2019-09 on),
    /// and an OpenAPI 3 document's <c>components/schemas</c>.
    /// </summary>
    /// <remarks>
    /// <c>$defs</c> is not a keyword before 2019-09, so in a draft-04 to 07 file what it holds is data: its schemas are
    /// still definitions (a <c>$ref</c> may point at them), and a value that is not a schema (a string, a number) is
    /// passed over. Under a keyword that holds schemas, such a value is an error (SCENGEN003) when it is mapped.
    /// </remarks>
    private static IEnumerable<JsonProperty> Definitions(SchemaDocument document)
    {
        if (document.Root is not JsonObject obj)
        {
            yield break;
        }

        bool defsIsKeyword = Drafts.HasDefsKeyword(document.Draft);
        foreach (JsonObject container in new[] { obj["definitions"], obj["$defs"], obj["components"]?["schemas"] }.OfType<JsonObject>())
        {
            bool schemasOnly = !defsIsKeyword && ReferenceEquals(container, obj["$defs"]);
            foreach (JsonProperty definition in container.Properties())
            {
                if (!schemasOnly || definition.Value is JsonObject || definition.Value.Type == JsonNodeType.Boolean)
                {
                    yield return definition;
                }
            }
        }
    }

    /// <summary>Names the definitions (<c>definitions</c> and <c>$defs</c>) that become types, and the root when it is a record.</summary>
    private static void NameDefinitions(File file, TypeMapper mapper, TypeNames names)
    {
        SchemaDocument document = file.Document!;
        if (document.Root is not JsonObject root)
        {
            return;
        }

        var definitions = new List<KeyValuePair<string, JsonNode>>();
        foreach (JsonProperty definition in Definitions(document))
        {
            if (mapper.IsNamedType(document, definition.Value))
            {
                definitions.Add(new KeyValuePair<string, JsonNode>(definition.Name, definition.Value));
            }
        }

        // An enum's converter is a type too ({Name}Converter): a definition of that name takes the suffix Type.
        var converters = new HashSet<string>(
            definitions.Where(d => d.Value is JsonObject { } o && o["enum"] is JsonArray).Select(d => Identifiers.ToPascalCase(d.Key) + "Converter"),
            StringComparer.OrdinalIgnoreCase);
        var reserved = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode> definition in definitions)
        {
            string candidate = Identifiers.ToPascalCase(definition.Key);
            if (names.IsTaken(candidate) || names.IsTaken(candidate + "Type") || converters.Contains(candidate))
            {
                reserved.Add(candidate);
            }
        }

        Dictionary<string, string> byKey = Identifiers.NameScope(definitions.Select(d => d.Key), reserved, "Type");
        foreach (KeyValuePair<string, JsonNode> definition in definitions)
        {
            // The same key under both definitions and $defs: the second gets a name of its own.
            bool isEnum = definition.Value is JsonObject { } schema && schema["enum"] is JsonArray;
            string name = isEnum ? names.UniqueEnum(byKey[definition.Key]) : names.Unique(byKey[definition.Key]);
            mapper.Name(definition.Value, name);
            file.NamedDefinitions.Add(new KeyValuePair<JsonNode, string>(definition.Value, name));
        }

        if (!document.IsOpenApi && Drafts.HasShape(root) && mapper.IsNamedType(document, root))
        {
            string name = names.Unique(file.RootTypeName);
            mapper.Name(root, name);
            file.RootTypeName = name;
        }
    }

    /// <summary>One schema file: its settings, read; its document; what parsing learns of it.</summary>
    private sealed class File
    {
        private File(SchemaInput input)
        {
            Input = input;
        }

        public SchemaInput Input { get; }

        public SchemaDocument? Document { get; private set; }

        public string FileName { get; private set; } = string.Empty;

        public string BaseName { get; private set; } = string.Empty;

        public string Namespace { get; set; } = string.Empty;

        public bool IsPublic { get; private set; } = true;

        /// <summary>The client's name: the <c>ClientName</c> setting, else the <c>x-client</c> name; null without a client.</summary>
        public string? ClientName { get; set; }

        public string? ClientNameOverride { get; set; }

        public string? ContextName { get; set; }

        /// <summary>The name of the root's type: the <c>title</c> when it reads as a name, else the file's.</summary>
        public string RootTypeName { get; set; } = string.Empty;

        public TypeRef? RootType { get; set; }

        public bool RootAllowsNull { get; set; }

        /// <summary>An OpenAPI document's client, read with its operations.</summary>
        public ClientModel? Client { get; set; }

        /// <summary>
        /// The operations an OpenAPI document keeps: the <c>Operations</c> setting, else its root's <c>x-client.operations</c>
        /// (a string, or an array of strings, of the same selectors); null to keep them all, or when it is invalid (a diagnostic).
        /// </summary>
        public OperationFilter? OperationFilter(SchemaDocument document)
        {
            if (Input.Operations is { } setting)
            {
                OperationFilter? filter = OpenApi.OperationFilter.Parse(setting, out string? problem);
                if (problem is not null)
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, document.Locator.File, "Operations", setting, problem));
                }

                return filter;
            }

            JsonNode? extension = document.Root["x-client"]?["operations"];
            string? text = extension switch
            {
                null => null,
                JsonArray items when items.Items().All(i => i.Type == JsonNodeType.String) => string.Join(";", items.Items().Select(i => (string)i!)),
                _ => SchemaKeywords.StringOf(extension),
            };
            if (extension is not null && text is null)
            {
                Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApi, document.Locator.Of(extension), "x-client 'operations' is a string or an array of strings of selectors ('tag:NAME', 'path:/PATH', 'id:OPERATION-ID')"));
                return null;
            }

            if (text is not null)
            {
                OperationFilter? filter = OpenApi.OperationFilter.Parse(text, out string? problem);
                if (problem is not null)
                {
                    Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApi, document.Locator.Of(extension!), "x-client 'operations': " + problem));
                }

                return filter;
            }

            return null;
        }

        public List<KeyValuePair<JsonNode, string>> NamedDefinitions { get; } = new();

        /// <summary>The <c>Formats</c> setting: <c>format</c>s type values as dates, uuids, ….</summary>
        public bool Formats { get; private set; }

        /// <summary>The namespace comes from the <c>Namespace</c> setting, not from the file's name.</summary>
        public bool HasExplicitNamespace { get; set; }

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public static File Read(SchemaInput input)
        {
            var file = new File(input);
            file.FileName = Path.GetFileName(input.Path);
            string? openApiSuffix = OpenApiSuffix(file.FileName);
            string stem = file.FileName.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase)
                ? file.FileName.Substring(0, file.FileName.Length - SchemaSuffix.Length)
                : file.FileName.EndsWith(UnitySuffix, StringComparison.OrdinalIgnoreCase)
                    ? file.FileName.Substring(0, file.FileName.Length - UnitySuffix.Length)
                    : openApiSuffix is not null
                        ? file.FileName.Substring(0, file.FileName.Length - openApiSuffix.Length)
                        : Path.GetFileNameWithoutExtension(file.FileName);
            file.BaseName = Cut(Identifiers.ToPascalCase(stem));
            var locator = new SchemaLocator(input.Path, input.Text ?? string.Empty);

            bool explicitNamespace = false;
            file.Namespace = file.BaseName;
            if (input.Namespace is { Length: > 0 } configured)
            {
                if (IsNamespace(configured.Trim()))
                {
                    file.Namespace = configured.Trim();
                    explicitNamespace = true;
                }
                else
                {
                    file.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "Namespace", configured, "use a C# namespace such as 'Contoso.Api'"));
                }
            }

            if (input.Visibility is { Length: > 0 } visibility)
            {
                if (string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
                {
                    file.IsPublic = false;
                }
                else if (!string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase))
                {
                    file.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "Visibility", visibility, "use 'public' or 'internal'"));
                }
            }

            if (input.Formats is { Length: > 0 } formats)
            {
                if (bool.TryParse(formats.Trim(), out bool on))
                {
                    file.Formats = on;
                }
                else
                {
                    file.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "Formats", formats, "use 'true' or 'false'"));
                }
            }

            string? clientName = input.ClientName?.Trim();
            if (clientName is not null && (!IsNamespace(clientName) || clientName.Contains(".")))
            {
                file.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, locator.File, "ClientName", clientName, "use a C# identifier such as 'Acme'"));
                clientName = null;
            }

            file.ClientNameOverride = clientName;
            DocumentKind kind = openApiSuffix is not null ? DocumentKind.OpenApi : file.FileName.EndsWith(UnitySuffix, StringComparison.OrdinalIgnoreCase) ? DocumentKind.Either : DocumentKind.Schema;
            file.Document = SchemaDocument.Load(input.Path, input.Text, file.Diagnostics, kind);
            if (file.Document?.Root is JsonObject root)
            {
                file.RootTypeName = RootName(root, file.BaseName);
                if (root["x-client"] is JsonObject client && client["name"]?.Type == JsonNodeType.String)
                {
                    file.ClientName = Identifiers.ToPascalCase(clientName ?? (string)client["name"]!);
                }
                else if (file.Document.IsOpenApi)
                {
                    // An OpenAPI document always has a client: named by the setting, else its info.title, else the file.
                    file.ClientName = Identifiers.ToPascalCase(clientName ?? OpenApi.OpenApiReader.NameOf(root) ?? file.BaseName);
                }

                file.HasExplicitNamespace = explicitNamespace;
            }
            else
            {
                file.RootTypeName = file.BaseName;
            }

            file._read = (file.Namespace, file.ClientName, file.ClientNameOverride, file.RootTypeName, file.Diagnostics.Count);
            return file;
        }

        /// <summary>What <see cref="Read"/> settled, which a parse changes (namespace, client and root names) and <see cref="Reset"/> restores.</summary>
        private (string Namespace, string? ClientName, string? ClientNameOverride, string RootTypeName, int Diagnostics) _read;

        /// <summary>Back to the file as read (its document kept), for a parse again with other names.</summary>
        public void Reset()
        {
            (Namespace, ClientName, ClientNameOverride, RootTypeName, int count) = _read;
            Diagnostics.RemoveRange(count, Diagnostics.Count - count);
            NamedDefinitions.Clear();
            ContextName = null;
            RootType = null;
            Client = null;
        }

        public SchemaModel EmptyModel() => new(
            FileName,
            Namespace,
            ContextName ?? BaseName + "JsonContext",
            IsPublic,
            EquatableArray<RecordModel>.Empty,
            EquatableArray<EnumModel>.Empty,
            null,
            Diagnostics.ToEquatableArray())
        {
            FilePath = Input.Path,
        };

        /// <summary>The names of the types the file's definitions and root (when it is a type of its own) will have.</summary>
        public HashSet<string> DefinitionNames(JsonObject root, TypeMapper mapper)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            if (Drafts.HasShape(root) && mapper.IsNamedType(Document!, root))
            {
                result.Add(RootTypeName);
            }

            foreach (JsonProperty definition in Definitions(Document!))
            {
                result.Add(Identifiers.ToPascalCase(definition.Name));
            }

            return result;
        }

        /// <summary>The root's name: a short <c>title</c> (four words at most: "Petstore", "Web App Manifest") as PascalCase, else the file's name.</summary>
        private static string RootName(JsonObject root, string baseName)
        {
            if (SchemaKeywords.StringOf(root["title"]) is { } text && Identifiers.FromTitle(text) is { } name)
            {
                return name;
            }

            return baseName;
        }

        private static string Cut(string name) => name.Length > Identifiers.MaxLength ? name.Substring(0, Identifiers.MaxLength) : name;
    }

    private static bool IsNamespace(string value) =>
        value.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_') && !Identifiers.IsKeyword(part));
}
