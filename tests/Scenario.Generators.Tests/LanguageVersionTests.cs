using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generator reads the consumer's language version: from C# 11 on, <c>required</c> members, <c>u8</c> literals
/// and <c>IJsonModel</c> (where the runtime has it); below, a constructor of the required properties, byte-array spans
/// and the runtime's delegates. Code generated for C# 9 runs: the seed response round-trips through it on the
/// runtime's netstandard2.0 build.
/// </summary>
public class LanguageVersionTests
{
    private const string Placeholder = "namespace Consumer { internal static class Placeholder { } }";

    private static GeneratorRun Petstore(LanguageVersion version, string framework, params string[] sources) =>
        GeneratorHarness.Run(GeneratorHarness.ReferenceSet(framework), version, sources.Length == 0 ? new[] { Placeholder } : sources, null, null, GeneratorHarness.Schema("petstore"));

    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    public void Below_CSharp_11_required_properties_are_constructor_parameters(LanguageVersion version)
    {
        GeneratorRun run = Petstore(version, "netstandard2.1");

        string pet = run.Sources["Petstore.Pet.g.cs"];
        Assert.DoesNotContain("public required ", pet, StringComparison.Ordinal);
        Assert.DoesNotContain("\"u8", pet, StringComparison.Ordinal);
        Assert.Contains("public Pet(string id, string name, global::Scenario.Runtime.OpenEnum<global::Petstore.Species> species, global::Scenario.Runtime.OpenEnum<global::Petstore.PetStatus> status)", pet, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void From_CSharp_11_required_properties_are_required_members_and_there_is_no_constructor()
    {
        GeneratorRun run = Petstore(LanguageVersion.CSharp11, "net8.0");

        string pet = run.Sources["Petstore.Pet.g.cs"];
        Assert.Contains("public required string Name { get; init; }", pet, StringComparison.Ordinal);
        Assert.Contains("\"name\"u8", pet, StringComparison.Ordinal);
        Assert.DoesNotContain("public Pet(", pet, StringComparison.Ordinal);
        Assert.Contains("global::Scenario.Runtime.Json.IJsonModel<global::Petstore.Pet>", pet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSharp_9_record_cannot_be_made_without_its_required_properties()
    {
        const string forgets = "namespace Consumer { internal static class Use { public static Petstore.Pet Make() => new Petstore.Pet { Name = \"Rex\" }; } }";
        const string gives = "namespace Consumer { internal static class Use { public static Petstore.Pet Make() => new Petstore.Pet(\"p1\", \"Rex\", Petstore.Species.Dog, Petstore.PetStatus.Available) { AgeMonths = 3 }; } }";

        Assert.Contains(Petstore(LanguageVersion.CSharp9, "netstandard2.0", forgets).CompileDiagnostics, d => d.Id == "CS7036"); // no argument for 'id'
        Assert.Empty(Petstore(LanguageVersion.CSharp9, "netstandard2.0", gives).CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void CSharp_10_on_the_net8_runtime_does_not_implement_IJsonModel()
    {
        // The runtime has IJsonModel, but implementing static abstract members takes C# 11.
        GeneratorRun run = Petstore(LanguageVersion.CSharp10, "net8.0");

        Assert.All(run.Sources.Values, source => Assert.DoesNotContain("IJsonModel", source, StringComparison.Ordinal));
        Assert.Contains("new global::Scenario.Runtime.Json.JsonValueConverter<global::Petstore.Pet>(static (ref global::System.Text.Json.Utf8JsonReader r0, global::System.Text.Json.JsonSerializerOptions o0) => global::Petstore.Pet.ReadJson(ref r0, o0), "
            + "static (global::System.Text.Json.Utf8JsonWriter w0, global::Petstore.Pet v0, global::System.Text.Json.JsonSerializerOptions o0) => global::Petstore.Pet.WriteJson(w0, v0, o0))", run.Sources["Petstore.PetstoreJsonContext.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Where_Unity_is_referenced_enum_registration_also_runs_when_the_player_starts()
    {
        const string unity = "namespace UnityEngine { public enum RuntimeInitializeLoadType { AfterSceneLoad, BeforeSceneLoad, AfterAssembliesLoaded, BeforeSplashScreen, SubsystemRegistration }\n"
            + "[System.AttributeUsage(System.AttributeTargets.Method)] public class RuntimeInitializeOnLoadMethodAttribute : System.Attribute { public RuntimeInitializeOnLoadMethodAttribute(RuntimeInitializeLoadType loadType) { } } }";

        GeneratorRun withUnity = Petstore(LanguageVersion.CSharp9, "netstandard2.1", Placeholder, unity);
        GeneratorRun without = Petstore(LanguageVersion.CSharp9, "netstandard2.1");

        const string attribute = "[global::UnityEngine.RuntimeInitializeOnLoadMethod(global::UnityEngine.RuntimeInitializeLoadType.SubsystemRegistration)]";
        Assert.Contains(attribute + "\n        internal static void Register()", withUnity.Sources["Petstore.Species.g.cs"], StringComparison.Ordinal);
        Assert.Empty(withUnity.CompileDiagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain("UnityEngine", without.Sources["Petstore.Species.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_named_as_Unity_passes_additional_files_is_read_and_named_by_its_first_part()
    {
        // Unity has no AdditionalFiles item: it passes Assets files named {Name}.{Analyzer}.additionalfile to that analyzer.
        string petstore = File.ReadAllText(GeneratorHarness.SchemaPath("petstore"));

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet("netstandard2.1"), LanguageVersion.CSharp9, new[] { Placeholder }, null, null, GeneratorHarness.Inline("pets.Scenario.Generators.additionalfile", petstore));

        Assert.Contains("Pets.PetsJsonContext.g.cs", run.Sources.Keys);
        Assert.Contains("public sealed partial record Pet", run.Sources["Pets.Pet.g.cs"], StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_seed_response_round_trips_through_CSharp_9_code_on_the_netstandard2_0_runtime()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet("netstandard2.0"), LanguageVersion.CSharp9, new[] { Placeholder }, null, null, GeneratorHarness.Schema("scenario"));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        Assert.All(run.Sources.Values, source => Assert.DoesNotContain("public required ", source, StringComparison.Ordinal));

        using GeneratedAssembly assembly = GeneratedAssembly.LoadOnNetStandardRuntime(run.Output, GeneratorHarness.NetStandardRuntimePath, GeneratorHarness.ReferenceSetPaths("netstandard2.0"));
        JsonTypeInfo typeInfo = assembly.TypeInfo("Scenario", "ScenarioJsonContext", "ExampleListResponse");
        string seed = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot(), "samples", "Scenario.Sample", "Data", "list-response.json"));

        object list = JsonSerializer.Deserialize(seed, typeInfo)!;
        string back = JsonSerializer.Serialize(list, typeInfo);

        Assert.Equal(".NETStandard,Version=v2.0", assembly.Runtime!.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        using (JsonDocument expected = JsonDocument.Parse(seed))
        using (JsonDocument actual = JsonDocument.Parse(back))
        {
            Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), JsonDifference.Find(expected.RootElement, actual.RootElement));
        }

        Assert.Equal(list, JsonSerializer.Deserialize(back, typeInfo));

        // A known enum value formats through the wire spelling its module initializer (a polyfilled attribute here) registered.
        object example = ((IList)Property(list, "Examples"))[0]!;
        Assert.Equal("3d", Property(Property(example, "Asset"), "Kind").ToString());

        // The record's required properties are its constructor's parameters, checked.
        ConstructorInfo constructor = list.GetType().GetConstructors().Single(c => c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType != list.GetType());
        Assert.Equal("examples", constructor.GetParameters().Single().Name);
        TargetInvocationException failure = Assert.Throws<TargetInvocationException>(() => constructor.Invoke(new object?[] { null }));
        Assert.IsType<ArgumentNullException>(failure.InnerException);
    }

    [Fact]
    public void Formatted_values_round_trip_byte_for_byte_through_CSharp_9_code_on_the_netstandard2_0_runtime()
    {
        // netstandard2.0 has no DateOnly or TimeOnly: date and time stay strings there; the other formats are typed.
        const string Document = """{"id":"6F9619FF-8B86-D011-B42D-00CF4FC964FF","createdAt":"2023-02-03T11:19:41.579Z","day":"2024-02-29","startsAt":"09:30:00.250Z","every":"P1W","link":"https://example.com/a%20b?x=1","price":12.50,"reminders":["2023-02-03T10:00:00Z"]}""";
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ReferenceSet("netstandard2.0"), LanguageVersion.CSharp9, new[] { Placeholder }, null, null, GeneratorHarness.Schema("formats", formats: "true"));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));

        using GeneratedAssembly assembly = GeneratedAssembly.LoadOnNetStandardRuntime(run.Output, GeneratorHarness.NetStandardRuntimePath, GeneratorHarness.ReferenceSetPaths("netstandard2.0"));
        JsonTypeInfo typeInfo = assembly.TypeInfo("Formats", "FormatsJsonContext", "Event");

        object value = JsonSerializer.Deserialize(Document, typeInfo)!;

        Assert.Equal(Document, JsonSerializer.Serialize(value, typeInfo));
        Assert.IsType<DateTimeOffset>(Property(value, "CreatedAt"));
        Assert.IsType<Guid>(Property(value, "Id"));
        Assert.IsType<string>(Property(value, "Day"));
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, typeInfo), typeInfo));

        // The constructor of the required properties takes the typed values; written, they take their invariant form.
        ConstructorInfo constructor = value.GetType().GetConstructors().Single(c => c.GetParameters().Length > 0 && c.GetParameters()[0].ParameterType != value.GetType());
        object made = constructor.Invoke(new object?[] { new Guid("00000000-0000-0000-0000-000000000001"), new DateTimeOffset(2023, 2, 3, 11, 19, 41, 579, TimeSpan.Zero) });
        Assert.Equal("""{"id":"00000000-0000-0000-0000-000000000001","createdAt":"2023-02-03T11:19:41.579Z"}""", JsonSerializer.Serialize(made, typeInfo));
    }

    [Fact]
    public void The_CSharp_9_form_allocates_no_more_than_the_CSharp_11_form()
    {
        // Below C# 11 a method group passed as a delegate is a new delegate at every call: the output passes lambdas.
        Assert.Equal(Allocated(LanguageVersion.CSharp11, write: false), Allocated(LanguageVersion.CSharp9, write: false));
        Assert.Equal(Allocated(LanguageVersion.CSharp11, write: true), Allocated(LanguageVersion.CSharp9, write: true));
    }

    /// <summary>The bytes one read or write of the seed response allocates, after two to warm up.</summary>
    private static long Allocated(LanguageVersion version, bool write)
    {
        GeneratorRun run = GeneratorHarness.Run(version, NullableContextOptions.Enable, GeneratorHarness.Schema("scenario"));
        Assert.Empty(run.CompileDiagnostics.Select(d => d.ToString()));
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run.Output);
        JsonTypeInfo typeInfo = assembly.TypeInfo("Scenario", "ScenarioJsonContext", "ExampleListResponse");
        byte[] seed = File.ReadAllBytes(Path.Combine(GeneratorHarness.RepositoryRoot(), "samples", "Scenario.Sample", "Data", "list-response.json"));
        object list = JsonSerializer.Deserialize(seed, typeInfo)!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using var writer = new Utf8JsonWriter(buffer);

        long allocated = 0;
        for (int i = 0; i < 3; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            long before = GC.GetAllocatedBytesForCurrentThread();
            if (write)
            {
                JsonSerializer.Serialize(writer, list, typeInfo);
            }
            else
            {
                _ = JsonSerializer.Deserialize(seed, typeInfo);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return allocated;
    }

    private static object Property(object value, string name) =>
        value.GetType().GetProperty(name)!.GetValue(value) ?? throw new InvalidOperationException(name + " is null");
}
