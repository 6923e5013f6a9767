using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using NJsonSchema.References;

namespace Scenario.NJsonSchemaPeer;

/// <summary>
/// Generates C# with NJsonSchema.CodeGeneration.CSharp for the schemas named on standard input, one request a line
/// (<c>{main schema path}\t{root type name}\t{namespace}</c>), and answers each with one line of JSON on standard output
/// (<see cref="Answer"/>). The first line written names the versions (<see cref="Hello"/>). The settings are
/// <see cref="Settings"/>: what a team that uses System.Text.Json and nullable reference types would choose.
/// </summary>
public static class Program
{
    public static async Task<int> Main()
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        await output.WriteLineAsync(JsonSerializer.Serialize(new Hello(Version(typeof(CSharpGenerator).Assembly), Version(typeof(JsonSchema).Assembly), Describe(Settings("Namespace")))));

        string? line;
        while ((line = await input.ReadLineAsync()) is not null)
        {
            string[] parts = line.Split('\t');
            if (parts.Length != 3)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new Answer(null, null, "the request is not 'path\\tname\\tnamespace'", 0)));
                continue;
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(await GenerateAsync(parts[0], parts[1], parts[2])));
        }

        return 0;
    }

    /// <summary>
    /// The settings: classes (POCOs), System.Text.Json with its own polymorphism attributes, nullable reference types,
    /// optional properties nullable (so an absent value stays absent), everything else NJsonSchema's default.
    /// </summary>
    public static CSharpGeneratorSettings Settings(string ns) => new()
    {
        Namespace = ns,
        ClassStyle = CSharpClassStyle.Poco,
        JsonLibrary = CSharpJsonLibrary.SystemTextJson,
        JsonPolymorphicSerializationStyle = CSharpJsonPolymorphicSerializationStyle.SystemTextJson,
        GenerateNullableReferenceTypes = true,
        GenerateOptionalPropertiesAsNullable = true,
    };

    private static async Task<Answer> GenerateAsync(string path, string name, string ns)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var siblings = SiblingsById(path);
            JsonSchema schema = await JsonSchema.FromFileAsync(
                path,
                root => new OfflineResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()), siblings),
                CancellationToken.None);
            CSharpGeneratorSettings settings = Settings(ns);
            var resolver = new CSharpTypeResolver(settings);
            var generator = new CSharpGenerator(schema, settings, resolver);

            // GenerateFile registers the root by Resolve (not nullable, the name as hint); asked again, the resolver gives
            // the same type.
            string code = generator.GenerateFile(name);
            string rootType = resolver.Resolve(schema, false, name);
            return new Answer(code, rootType, null, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            return new Answer(null, null, Describe(ex), stopwatch.ElapsedMilliseconds);
        }
    }

    /// <summary>
    /// The other schema files of the folder by their <c>$id</c> (or draft-04 <c>id</c>), without a fragment: what a
    /// reference to that URL would fetch.
    /// </summary>
    private static Dictionary<string, string> SiblingsById(string mainPath)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(mainPath))!, "*.schema.json"))
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && (document.RootElement.TryGetProperty("$id", out JsonElement id) || document.RootElement.TryGetProperty("id", out id))
                    && id.ValueKind == JsonValueKind.String)
                {
                    byId[WithoutFragment(id.GetString()!)] = file;
                }
            }
            catch (JsonException)
            {
                // Not JSON: NJsonSchema reports it when it reads the file.
            }
        }

        return byId;
    }

    internal static string WithoutFragment(string url)
    {
        int hash = url.IndexOf('#');
        return hash < 0 ? url : url.Substring(0, hash);
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version!.ToString();

    private static string Describe(CSharpGeneratorSettings settings) =>
        $"ClassStyle = {settings.ClassStyle}, JsonLibrary = {settings.JsonLibrary}, JsonPolymorphicSerializationStyle = {settings.JsonPolymorphicSerializationStyle}, "
        + $"GenerateNullableReferenceTypes = {settings.GenerateNullableReferenceTypes}, GenerateOptionalPropertiesAsNullable = {settings.GenerateOptionalPropertiesAsNullable}; "
        + $"defaults kept: GenerateDataAnnotations = {settings.GenerateDataAnnotations}, GenerateDefaultValues = {settings.GenerateDefaultValues}, "
        + $"RequiredPropertiesMustBeDefined = {settings.RequiredPropertiesMustBeDefined}, ArrayType = {settings.ArrayType}, DictionaryType = {settings.DictionaryType}, "
        + $"DateTimeType = {settings.DateTimeType}, AnyType = {settings.AnyType}";

    /// <summary>The exception and those inside it, each as its type and the first line of its message.</summary>
    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (Exception? current = ex; current is not null && parts.Count < 4; current = current.InnerException)
        {
            if (current is not AggregateException)
            {
                parts.Add((current.GetType().Name + ": " + FirstLine(current.Message)).Trim());
            }
        }

        return string.Join(" <- ", parts);
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }

    /// <summary>
    /// NJsonSchema's resolver, offline: a URL that names a file of the folder by its <c>$id</c> reads that file (what
    /// the network would give); any other URL fails at once instead of being fetched. A file the folder holds renamed
    /// (tests/RealSchemas renames <c>log.json</c> to <c>log.schema.json</c> for our generator) is read by its published
    /// name.
    /// </summary>
    private sealed class OfflineResolver : JsonReferenceResolver
    {
        private readonly Dictionary<string, string> _siblings;

        public OfflineResolver(JsonSchemaAppender appender, Dictionary<string, string> siblings)
            : base(appender) => _siblings = siblings;

        public override string ResolveFilePath(string documentPath, string jsonPath)
        {
            string path = base.ResolveFilePath(documentPath, jsonPath);
            string renamed = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".schema.json");
            return !File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(renamed) ? renamed : path;
        }

        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            _siblings.TryGetValue(WithoutFragment(url), out string? file)
                ? await JsonSchema.FromFileAsync(file, _ => this, cancellationToken).ConfigureAwait(false)
                : throw new NotSupportedException("no file of the folder has the $id " + url + " (nothing is fetched from the network)");
    }
}

/// <summary>The first line: the versions of NJsonSchema's C# generator and of NJsonSchema, and the settings.</summary>
public sealed record Hello(string CodeGeneration, string NJsonSchema, string Settings);

/// <summary>One schema's answer: the code and the C# type of the root, or the exception that stopped it.</summary>
public sealed record Answer(string? Code, string? RootType, string? Error, long Milliseconds);
