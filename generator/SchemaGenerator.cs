using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators.Diagnostics;
using Scenario.Generators.Emitting;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Generators;

/// <summary>
/// Generates records, open enums and a reflection-free <c>JsonSerializerContext</c> from every AdditionalFiles item
/// whose name ends in <c>.schema.json</c>. Item metadata <c>Namespace</c>, <c>Visibility</c> (<c>public</c>/<c>internal</c>)
/// <c>ClientName</c> and <c>Formats</c> tune the output. The files of a compilation are parsed together, so a <c>$ref</c> may name
/// another of them; each file's model is then cached on its own, so an edit of one re-emits only what changed.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of a type of Scenario.Runtime that generated code needs: the newest such, so that an older runtime is SCENGEN010, not compile errors.</summary>
    private const string RuntimeMarker = "Scenario.Runtime.Validation.JsonSchemaSet";

    /// <summary>
    /// The interface with static abstract members that the .NET 8+ builds of Scenario.Runtime have and its netstandard2.0
    /// build cannot: records implement it where it exists, and are read through <c>JsonValueConverter</c> where not.
    /// </summary>
    private const string JsonModelMarker = "Scenario.Runtime.Json.IJsonModel`1";

    /// <summary>The runtime's readers of formatted values; its .NET 6+ builds read <c>DateOnly</c> and <c>TimeOnly</c>.</summary>
    private const string FormatsMarker = "Scenario.Runtime.Json.JsonFormats";

    private static readonly Regex MetaSchema = new("\"\\$schema\"\\s*:\\s*\"(https?://json-schema\\.org/[^\"]*)\"", RegexOptions.CultureInvariant);

    /// <summary>An OpenAPI document's version field, in JSON (<c>"openapi": "3.1.0"</c>) or at a YAML line's start (<c>swagger: '2.0'</c>).</summary>
    private static readonly Regex OpenApiVersion = new("(?:\"(openapi|swagger)\"\\s*:\\s*\"|^(openapi|swagger):[ \\t]*['\"]?)([23]\\.[0-9][^\"'\\s]*)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SchemaInput> inputs = context.AdditionalTextsProvider
            .Where(static file => SchemaParser.IsSchemaFile(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaInput);

        // Formats type date and time as DateOnly and TimeOnly only where the target and the runtime build have them (.NET 6 on;
        // an app may reference the runtime's netstandard2.0 build, which has no reader for them).
        IncrementalValueProvider<bool> hasDateOnly = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(FormatsMarker)?.GetMembers("ReadDateOnly").Length > 0)
            .WithTrackingName(TrackingNames.TargetDateOnly);

        IncrementalValueProvider<EquatableArray<SchemaModel>> set = inputs
            .Collect()
            .Combine(hasDateOnly)
            .Select(static (pair, cancellationToken) => SchemaParser.ParseAll(new EquatableArray<SchemaInput>(pair.Left), pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaSet);

        IncrementalValuesProvider<SchemaModel> models = set
            .SelectMany(static (all, _) => (System.Collections.Generic.IEnumerable<SchemaModel>)all)
            .WithTrackingName(TrackingNames.SchemaModel);

        // Null when the compilation references the runtime the generated code calls; else what is missing, for SCENGEN010.
        IncrementalValueProvider<string?> runtimeMissing = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(RuntimeMarker) is not null ? null : RuntimeMissing(compilation))
            .WithTrackingName(TrackingNames.RuntimeReference);
        IncrementalValueProvider<bool> hasRuntime = runtimeMissing.Select(static (missing, _) => missing is null);

        IncrementalValueProvider<bool> hasJsonModel = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(JsonModelMarker) is not null)
            .WithTrackingName(TrackingNames.RuntimeJsonModel);

        // What the consumer's compiler allows (docs/decisions.md, "Generated code fits the consumer's compiler").
        IncrementalValueProvider<int> languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => LanguageFeatures.LanguageVersionOf(options))
            .WithTrackingName(TrackingNames.LanguageVersion);

        IncrementalValueProvider<bool> hasUnity = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(Polyfill.UnityInitializeAttribute) is not null)
            .WithTrackingName(TrackingNames.UnityReference);

        IncrementalValueProvider<LanguageFeatures> features = languageVersion.Combine(hasJsonModel).Combine(hasUnity)
            .Select(static (pair, _) => new LanguageFeatures(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.LanguageFeatures);

        context.RegisterSourceOutput(
            models.Combine(runtimeMissing).Combine(features),
            static (output, pair) => Emit(output, pair.Left.Left, pair.Left.Right, pair.Right));

        // The types the compiler needs that the references lack: one file for the compilation, however many schemas.
        IncrementalValueProvider<EquatableArray<string>> referenced = context.CompilationProvider
            .Select(static (compilation, _) => Polyfill.Available(compilation))
            .WithTrackingName(TrackingNames.ReferencedTypes);

        IncrementalValueProvider<PolyfillSettings> polyfillSettings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => PolyfillSettings.From(options.GlobalOptions));

        IncrementalValueProvider<EquatableArray<string>> polyfills = set
            .Select(static (all, _) => PolyfillNeeds.From(all))
            .Combine(hasRuntime).Combine(features).Combine(referenced).Combine(polyfillSettings)
            .Select(static (pair, _) => Polyfills(pair.Left.Left.Left.Left, pair.Left.Left.Left.Right, pair.Left.Left.Right, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Polyfills);

        context.RegisterSourceOutput(polyfills, static (output, types) =>
        {
            if (types.Count > 0)
            {
                output.AddSource(PolyfillEmitter.HintName, PolyfillEmitter.Emit(types));
            }
        });

        context.RegisterSourceOutput(
            context.AdditionalTextsProvider
                .Where(static file => IsJsonOrYaml(file.Path) && !SchemaParser.IsSchemaFile(file.Path))
                .Select(static (file, cancellationToken) => UnusedSchema(file, cancellationToken))
                .Where(static diagnostic => diagnostic is not null),
            static (output, diagnostic) => output.ReportDiagnostic(diagnostic!.ToDiagnostic()));
    }

    private static SchemaInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Namespace", out string? ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Visibility", out string? visibility);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.ClientName", out string? clientName);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Formats", out string? formats);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Operations", out string? operations);
        SourceText? text = file.GetText(cancellationToken);
        return new SchemaInput(file.Path, text?.ToString(), NullIfEmpty(ns), NullIfEmpty(visibility), NullIfEmpty(clientName), NullIfEmpty(formats), NullIfEmpty(operations));
    }

    private static bool IsJsonOrYaml(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An info for a file the generator does not read that is one it would: an OpenAPI document (its <c>openapi</c> or
    /// <c>swagger</c> field near the top) not named <c>*.openapi.json</c>, <c>.yaml</c> or <c>.yml</c>, or a <c>.json</c> file
    /// that declares a JSON Schema metaschema but is not named <c>*.schema.json</c>.
    /// </summary>
    private static DiagnosticInfo? UnusedSchema(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        string head = text.ToString(new TextSpan(0, Math.Min(text.Length, 4096)));
        if (OpenApiVersion.Match(head) is { Success: true } version)
        {
            string kind = (version.Groups[1].Success ? version.Groups[1].Value : version.Groups[2].Value) == "swagger" ? "Swagger " + version.Groups[3].Value : "OpenAPI " + version.Groups[3].Value;
            var located = new SchemaLocator(file.Path, head);
            return DiagnosticInfo.Create(DiagnosticDescriptors.OpenApiNotUsed, located.AtOffset(version.Index), System.IO.Path.GetFileName(file.Path), kind, "its name does not end in .openapi.json, .openapi.yaml or .openapi.yml, so no code is generated from it; rename it to generate its models and client");
        }

        if (!file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Match match = MetaSchema.Match(head);
        if (!match.Success || !head.TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        var locator = new SchemaLocator(file.Path, head);
        return DiagnosticInfo.Create(DiagnosticDescriptors.SchemaNotUsed, locator.AtOffset(match.Index), System.IO.Path.GetFileName(file.Path), match.Groups[1].Value);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The polyfills to emit: the types generated code uses that the compilation lacks and PolySharp does not write.</summary>
    private static EquatableArray<string> Polyfills(PolyfillNeeds needs, bool hasRuntime, LanguageFeatures features, EquatableArray<string> available, PolyfillSettings settings)
    {
        if (!hasRuntime || !settings.Enabled)
        {
            return EquatableArray<string>.Empty;
        }

        var used = new System.Collections.Generic.HashSet<string>(needs.Types(features), StringComparer.Ordinal);
        return new EquatableArray<string>(Polyfill.All.Where(type => used.Contains(type) && !available.Contains(type) && !settings.PolySharpWrites(type)).ToArray());
    }

    /// <summary>What SCENGEN010 says is missing: no Scenario.Runtime at all, or one older than this generator writes for.</summary>
    private static string RuntimeMissing(Compilation compilation)
    {
        string generator = typeof(SchemaGenerator).Assembly.GetName().Version?.ToString(3) ?? "of this generator's version";
        AssemblyIdentity? runtime = compilation.ReferencedAssemblyNames.FirstOrDefault(assembly => assembly.Name == "Scenario.Runtime");
        return runtime is null
            ? "it references no assembly named Scenario.Runtime. The Scenario.Generators package brings it as a dependency, which a reference that leaves out its 'compile' assets (IncludeAssets, ExcludeAssets), or a host given the generator's DLL alone (Unity), loses: reference Scenario.Runtime " + generator + " itself (from source, runtime/Scenario.Runtime.csproj)"
            : "it references Scenario.Runtime " + runtime.Version.ToString(3) + ", which lacks " + RuntimeMarker + ": a runtime older than this generator (" + generator + ") writes for. Reference Scenario.Runtime " + generator;
    }

    private static void Emit(SourceProductionContext output, SchemaModel model, string? runtimeMissing, LanguageFeatures features)
    {
        foreach (DiagnosticInfo diagnostic in model.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.Records.Count == 0 && model.Enums.Count == 0 && model.Unions.Count == 0 && model.RootType is null && model.Client is null)
        {
            return;
        }

        if (runtimeMissing is not null)
        {
            // At the file's start: the schema whose code is not generated.
            Location at = model.FilePath.Length == 0 ? Location.None : Location.Create(model.FilePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeMissing, at, model.FileName, runtimeMissing));
            return;
        }

        string prefix = model.Namespace + ".";
        var files = new TypeFiles(output, prefix, model.Records.Count + model.Enums.Count + model.Unions.Count, features);
        var index = new SchemaIndex(model);
        foreach (RecordModel record in model.Records)
        {
            files.Add(record.Name, w => RecordEmitter.Write(w, index, record));
        }

        foreach (EnumModel enumModel in model.Enums)
        {
            files.Add(enumModel.Name, w => EnumEmitter.Write(w, model, enumModel));
        }

        foreach (UnionModel union in model.Unions)
        {
            files.Add(union.Name, w => UnionEmitter.Write(w, index, union));
        }

        files.Flush();

        output.AddSource(prefix + model.ContextName + ".g.cs", ContextEmitter.Emit(index, features));
        if (model.Client is { } client)
        {
            output.AddSource(prefix + client.Name + "Client.g.cs", Emitting.Client.ClientEmitter.Emit(index, client, features));
        }
    }
}
