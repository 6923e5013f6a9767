using System.Collections.Generic;

namespace Scenario.Generators.Emitting;

/// <summary>
/// The internal types the compiler needs for what generated code uses (<c>init</c>, <c>required</c>, module
/// initializers, <c>[NotNullWhen]</c>) where the compilation's references lack them (netstandard2.0 and 2.1, .NET
/// Framework, Unity): one file per compilation, whatever the number of schemas, with only the types missing.
/// </summary>
internal static class PolyfillEmitter
{
    public const string HintName = "Scenario.Generators.Polyfills.g.cs";

    public static string Emit(IEnumerable<string> types)
    {
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line("// Types the compiler needs that this project's references lack; set the MSBuild property ScenarioPolyfills to false to leave them out.");
        string? openNamespace = null;
        foreach (string type in types)
        {
            int dot = type.LastIndexOf('.');
            string ns = type.Substring(0, dot);
            if (ns != openNamespace)
            {
                if (openNamespace is not null)
                {
                    w.Close();
                }

                w.Line();
                w.Open($"namespace {ns}");
                openNamespace = ns;
            }
            else
            {
                w.Line();
            }

            EmitType(w, type.Substring(dot + 1));
        }

        if (openNamespace is not null)
        {
            w.Close();
        }

        return w.Finish();
    }

    private static void EmitType(SourceWriter w, string name)
    {
        const string Usage = "global::System.AttributeUsage(global::System.AttributeTargets.";
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Line("[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]");
        switch (name)
        {
            case "IsExternalInit":
                w.Line("internal static class IsExternalInit");
                w.Line("{");
                w.Line("}");
                break;
            case "ModuleInitializerAttribute":
                w.Line($"[{Usage}Method, Inherited = false)]");
                w.Line("internal sealed class ModuleInitializerAttribute : global::System.Attribute");
                w.Line("{");
                w.Line("}");
                break;
            case "RequiredMemberAttribute":
                w.Line($"[{Usage}Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Field | global::System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]");
                w.Line("internal sealed class RequiredMemberAttribute : global::System.Attribute");
                w.Line("{");
                w.Line("}");
                break;
            case "CompilerFeatureRequiredAttribute":
                w.Line($"[{Usage}All, AllowMultiple = true, Inherited = false)]");
                w.Open("internal sealed class CompilerFeatureRequiredAttribute : global::System.Attribute");
                w.Line("public const string RefStructs = nameof(RefStructs);");
                w.Line();
                w.Line("public const string RequiredMembers = nameof(RequiredMembers);");
                w.Line();
                w.Line("public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;");
                w.Line();
                w.Line("public string FeatureName { get; }");
                w.Line();
                w.Line("public bool IsOptional { get; set; }");
                w.Close();
                break;
            case "SetsRequiredMembersAttribute":
                w.Line($"[{Usage}Constructor, AllowMultiple = false, Inherited = false)]");
                w.Line("internal sealed class SetsRequiredMembersAttribute : global::System.Attribute");
                w.Line("{");
                w.Line("}");
                break;
            default: // NotNullWhenAttribute
                w.Line($"[{Usage}Parameter, Inherited = false)]");
                w.Open("internal sealed class NotNullWhenAttribute : global::System.Attribute");
                w.Line("public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;");
                w.Line();
                w.Line("public bool ReturnValue { get; }");
                w.Close();
                break;
        }
    }
}
