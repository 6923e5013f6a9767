using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Scenario.Generators.Parsing;

/// <summary>Compares by identity: two schema tokens are the same schema only when they are the same place in a file.</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object>
{
    public static ReferenceEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
}
