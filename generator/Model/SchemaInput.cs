namespace Scenario.Generators.Model;

/// <summary>
/// One schema file and the settings that apply to it: everything the parser needs, compared by value,
/// so an edit elsewhere in the compilation re-runs nothing.
/// </summary>
/// <param name="Path">The file's path, as the compiler knows it.</param>
/// <param name="Text">The file's content; null when it could not be read.</param>
/// <param name="Namespace">The <c>Namespace</c> item metadata, when set.</param>
/// <param name="Visibility">The <c>Visibility</c> item metadata (<c>public</c> or <c>internal</c>), when set.</param>
/// <param name="ClientName">The <c>ClientName</c> item metadata, which replaces the <c>x-client</c> name, when set.</param>
/// <param name="Formats">The <c>Formats</c> item metadata (<c>true</c>: type <c>format</c>s as dates, uuids, …), when set.</param>
/// <param name="Operations">The <c>Operations</c> item metadata (an OpenAPI document's operations to keep: <c>tag:issues; path:/repos/*</c>), when set.</param>
internal sealed record SchemaInput(string Path, string? Text, string? Namespace, string? Visibility, string? ClientName = null, string? Formats = null, string? Operations = null);
