using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Scenario.Generators.Emitting;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Generators;

/// <summary>
/// Generates records, open enums and a reflection-free <c>JsonSerializerContext</c> from every AdditionalFiles item
/// whose name ends in <c>.schema.json</c>. Item metadata <c>Namespace</c>, <c>Visibility</c> (<c>public</c>/<c>internal</c>)
/// and <c>ClientName</c> tune the output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SchemaGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SchemaInput> inputs = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaParser.SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaInput);

        IncrementalValuesProvider<SchemaModel> models = inputs
            .Select(static (input, cancellationToken) => SchemaParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaModel);

        context.RegisterSourceOutput(models, static (output, model) => Emit(output, model));
    }

    private static SchemaInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Namespace", out string? ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Visibility", out string? visibility);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.ClientName", out string? clientName);
        SourceText? text = file.GetText(cancellationToken);
        return new SchemaInput(file.Path, text?.ToString(), NullIfEmpty(ns), NullIfEmpty(visibility), NullIfEmpty(clientName));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Emit(SourceProductionContext output, SchemaModel model)
    {
        foreach (DiagnosticInfo diagnostic in model.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.Records.Count == 0 && model.Enums.Count == 0)
        {
            return;
        }

        string prefix = model.Namespace + ".";
        foreach (RecordModel record in model.Records)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            output.AddSource(prefix + record.Name + ".g.cs", RecordEmitter.Emit(model, record));
        }

        foreach (EnumModel enumModel in model.Enums)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            output.AddSource(prefix + enumModel.Name + ".g.cs", EnumEmitter.Emit(model, enumModel));
        }

        output.AddSource(prefix + model.ContextName + ".g.cs", ContextEmitter.Emit(model));
        if (model.Client is { } client)
        {
            output.AddSource(prefix + client.Name + "Client.g.cs", ClientEmitter.Emit(model, client));
        }
    }
}
