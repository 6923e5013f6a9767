using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Scenario.Generators.Model;

/// <summary>A place in a schema file, as plain values that compare by value and travel through the cached pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
