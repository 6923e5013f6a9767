using System.Linq;
using Scenario.Generators.Model;

namespace Scenario.Generators.Emitting.Client;

/// <summary>
/// The class of an operation's optional parameters (<c>ReposIssuesListParams</c>): one nullable property per query,
/// header or cookie parameter the caller may leave out, set with an object initializer; what is left null is not sent.
/// </summary>
internal static class ParametersEmitter
{
    public static void Emit(SourceWriter w, TypeSyntax types, OperationModel operation, string visibility)
    {
        w.Line($"/// <summary>The optional parameters of <c>{operation.HttpMethod} {SourceWriter.Escape(operation.Path)}</c>; a property left null is not sent.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {operation.OptionalParametersType}");
        bool first = true;
        foreach (ParameterModel parameter in operation.Parameters.Where(p => !p.Required))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            string where = parameter.In switch
            {
                ParameterLocation.Header => "the header",
                ParameterLocation.Cookie => "the cookie",
                _ => "the query parameter",
            };
            w.Doc("summary", (parameter.Description ?? "The " + parameter.Name + ".") + "\nSent as " + where + " " + parameter.Name + ".");
            if (parameter.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"The API marks this parameter deprecated.\")]");
            }

            w.Line($"public {types.Type(parameter.Type)}? {parameter.PropertyName} {{ get; set; }}");
        }

        w.Close();
    }

    /// <summary>A form body's class: a property per field (files as <c>ApiFile</c>), settable; one left null is not sent.</summary>
    public static void EmitForm(SourceWriter w, TypeSyntax types, OperationModel operation, string visibility)
    {
        FormModel form = operation.Body!.Form!;
        string media = form.Multipart ? "multipart/form-data" : "application/x-www-form-urlencoded";
        w.Line($"/// <summary>The form of <c>{operation.HttpMethod} {SourceWriter.Escape(operation.Path)}</c> (<c>{media}</c>): a property per field; one left null is not sent.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{visibility} sealed class {form.TypeName}");
        bool first = true;
        foreach (FormFieldModel field in form.Fields)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            string what = field.Files ? "Files, each a part" : field.IsFile ? "A file, streamed" : "A field";
            w.Doc("summary", (field.Description ?? "The " + field.Name + ".") + "\n" + what + " named " + field.Name + (field.Required ? "; required." : "."));
            string type = field.Files
                ? "global::System.Collections.Generic.IReadOnlyList<global::Scenario.ApiFile>"
                : field.IsFile ? "global::Scenario.ApiFile" : types.Type(field.Type!);
            w.Line($"public {type}? {field.PropertyName} {{ get; set; }}");
        }

        w.Close();
    }
}
