using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The generated code, emitted to memory and loaded into a collectible load context, so each case's types come and go
/// with it. Scenario.Runtime resolves to the copy the test process already loaded, so the generated converters and the
/// test share one <c>OpenEnum</c>.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly LoadContext _context;

    private GeneratedAssembly(LoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/> and loads it; throws with the emit diagnostics when it does not emit.</summary>
    public static GeneratedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        EmitResult emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("the generated code does not emit: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        image.Position = 0;
        var context = new LoadContext();
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>The <c>JsonTypeInfo</c> at <c>{ns}.{contextName}.Default.{property}</c>.</summary>
    public JsonTypeInfo TypeInfo(string ns, string contextName, string property)
    {
        string typeName = ns + "." + contextName;
        Type context = Assembly.GetType(typeName) ?? throw new InvalidOperationException("the generated assembly has no type " + typeName);
        object instance = context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException(typeName + " has no static Default");
        PropertyInfo info = context.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException(typeName + " has no property " + property);
        return info.GetValue(instance) as JsonTypeInfo ?? throw new InvalidOperationException(typeName + "." + property + " is not a JsonTypeInfo");
    }

    public void Dispose() => _context.Unload();

    private sealed class LoadContext : AssemblyLoadContext
    {
        private static readonly Assembly s_runtime = typeof(Scenario.Runtime.OpenEnum<>).Assembly;

        public LoadContext()
            : base("generated code", isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == s_runtime.GetName().Name ? s_runtime : null;
    }
}
