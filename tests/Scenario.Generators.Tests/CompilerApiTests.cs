using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// A compiler loads an analyzer only when it has every Roslyn assembly the analyzer references at that version or
/// newer: the version the generator is built against is the oldest compiler it serves (the README's supported SDKs,
/// and Unity's compilers). It is held here so that raising it is a decision, not a side effect of an update.
/// </summary>
public class CompilerApiTests
{
    private static readonly Version Oldest = new(4, 3, 0, 0);

    [Fact]
    public void The_generator_references_the_Roslyn_4_3_API_and_nothing_newer()
    {
        AssemblyName[] roslyn = typeof(SchemaGenerator).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToArray();

        Assert.Contains(roslyn, a => a.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, a => Assert.True(a.Version <= Oldest, $"{a.Name} {a.Version} is newer than the {Oldest} the README promises"));
    }
}
