using System;
using System.Collections.Generic;
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
/// test share one <c>OpenEnum</c> — or, for code compiled against netstandard2.0, to the runtime's netstandard2.0 build.
/// </summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private static readonly Assembly s_runtime = typeof(Scenario.Runtime.OpenEnum<>).Assembly;

    private readonly LoadContext _context;

    private GeneratedAssembly(LoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>The Scenario.Runtime the generated code runs against, once it has been loaded.</summary>
    public Assembly? Runtime => _context.Assemblies.FirstOrDefault(a => a.GetName().Name == s_runtime.GetName().Name) ?? (_context.LoadsProcessRuntime ? s_runtime : null);

    /// <summary>Emits <paramref name="compilation"/> and loads it; throws with the emit diagnostics when it does not emit.</summary>
    public static GeneratedAssembly Load(Compilation compilation) => Load(compilation, new LoadContext(null));

    /// <summary>
    /// Emits <paramref name="compilation"/> (compiled against netstandard2.0) and loads it with the runtime's
    /// netstandard2.0 build (<paramref name="runtimePath"/>) and those of <paramref name="netStandardAssemblies"/> that
    /// this process does not have (its framework has every netstandard2.0 API; what its dependencies forward, it keeps).
    /// </summary>
    public static GeneratedAssembly LoadOnNetStandardRuntime(Compilation compilation, string runtimePath, IEnumerable<string> netStandardAssemblies)
    {
        var processHas = new HashSet<string>(
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in netStandardAssemblies)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (!processHas.Contains(name))
            {
                byName[name] = path;
            }
        }

        byName[s_runtime.GetName().Name!] = runtimePath;

        return Load(compilation, new LoadContext(byName));
    }

    /// <summary>
    /// Emits <paramref name="compilation"/> and loads it, or gives null and the diagnostics of the emit (every diagnostic
    /// of the compilation, warnings included): one pass of the compiler, where <c>GetDiagnostics</c> and then
    /// <c>Emit</c> bind every method twice.
    /// </summary>
    public static GeneratedAssembly? TryLoad(Compilation compilation, out IReadOnlyList<Diagnostic> diagnostics) =>
        TryLoad(compilation, new LoadContext(null), out diagnostics);

    private static GeneratedAssembly Load(Compilation compilation, LoadContext context) =>
        TryLoad(compilation, context, out IReadOnlyList<Diagnostic> diagnostics)
            ?? throw new InvalidOperationException("the generated code does not emit: " + string.Join("; ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));

    private static GeneratedAssembly? TryLoad(Compilation compilation, LoadContext context, out IReadOnlyList<Diagnostic> diagnostics)
    {
        using var image = new MemoryStream();
        EmitResult emitted = compilation.Emit(image);
        diagnostics = emitted.Diagnostics;
        if (!emitted.Success)
        {
            context.Unload();
            return null;
        }

        image.Position = 0;
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>The <c>JsonTypeInfo</c> at <c>{ns}.{contextName}.Default.{property}</c>.</summary>
    /// <param name="ns">The context's namespace.</param>
    /// <param name="contextName">The context's name.</param>
    /// <param name="property">The context's property of the type.</param>
    /// <param name="instance">The context's static instance: <c>Default</c>, or <c>Validating</c> (which checks each document first).</param>
    public JsonTypeInfo TypeInfo(string ns, string contextName, string property, string instance = "Default")
    {
        string typeName = ns + "." + contextName;
        Type context = Assembly.GetType(typeName) ?? throw new InvalidOperationException("the generated assembly has no type " + typeName);
        object contextInstance = context.GetProperty(instance, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException(typeName + " has no static " + instance);
        PropertyInfo info = context.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException(typeName + " has no property " + property);
        return info.GetValue(contextInstance) as JsonTypeInfo ?? throw new InvalidOperationException(typeName + "." + property + " is not a JsonTypeInfo");
    }

    public void Dispose() => _context.Unload();

    private sealed class LoadContext : AssemblyLoadContext
    {
        private readonly Dictionary<string, string>? _paths;

        /// <param name="paths">Assemblies to load from files, by name; null to share the process's Scenario.Runtime.</param>
        public LoadContext(Dictionary<string, string>? paths)
            : base("generated code", isCollectible: true) => _paths = paths;

        public bool LoadsProcessRuntime => _paths is null;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (_paths is null)
            {
                return assemblyName.Name == s_runtime.GetName().Name ? s_runtime : null;
            }

            return assemblyName.Name is { } name && _paths.TryGetValue(name, out string? path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
