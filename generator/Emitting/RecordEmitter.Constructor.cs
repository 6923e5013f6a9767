using System.Collections.Generic;
using System.Linq;
using Scenario.Generators.Model;
using Scenario.Generators.Parsing;

namespace Scenario.Generators.Emitting;

/// <summary>
/// Below C# 11 there are no <c>required</c> members, so a record with required properties gets a constructor that
/// takes them, in schema order, and no parameterless one: a record made in code cannot leave one out, as with
/// <c>required</c>. The other properties are still set with <c>init</c>. Reading enforces required properties the same
/// way on every version. The decision is in docs/decisions.md ("Required properties below C# 11").
/// </summary>
internal static partial class RecordEmitter
{
    /// <summary>Whether the property is a parameter of the constructor (required, no constant, and the compiler has no <c>required</c>).</summary>
    private static bool IsConstructorParameter(SourceWriter w, PropertyModel property) =>
        !w.Features.RequiredMembers && property.IsRequired && property.Constant is null;

    private static List<PropertyModel> ConstructorParameters(SourceWriter w, RecordModel record) =>
        record.Properties.Where(p => IsConstructorParameter(w, p)).ToList();

    /// <summary>The start of an object creation in the reader: <c>new T</c>, or <c>new T(vA!, vB)</c> where the constructor takes the required properties.</summary>
    private static string New(SourceWriter w, RecordModel record, string self)
    {
        List<PropertyModel> parameters = ConstructorParameters(w, record);
        if (parameters.Count == 0)
        {
            return "new " + self;
        }

        return "new " + self + "(" + string.Join(", ", parameters.Select(p => Local(p) + (!p.AllowsNull && !p.Type.IsValueType ? "!" : string.Empty))) + ")";
    }

    private static void EmitRequiredConstructor(SourceWriter w, TypeSyntax types, RecordModel record)
    {
        List<PropertyModel> parameters = ConstructorParameters(w, record);
        if (parameters.Count == 0)
        {
            return;
        }

        var names = new List<string>();
        var used = new HashSet<string>();
        foreach (PropertyModel property in parameters)
        {
            string name = Identifiers.ToCamelCase(property.Name);
            string unique = name;
            for (int n = 2; !used.Add(unique); n++)
            {
                unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names.Add(Identifiers.IsKeyword(unique) ? "@" + unique : unique);
        }

        w.Line($"/// <summary>Creates a <see cref=\"{record.Name}\"/> with its required {(record.IsTuple ? "items" : "properties")}; set the others with an object initializer.</summary>");
        for (int i = 0; i < parameters.Count; i++)
        {
            PropertyModel property = parameters[i];
            string where = record.IsTuple ? "Index " + property.JsonName + " of the JSON array" : "JSON <c>" + SourceWriter.Escape(property.JsonName) + "</c>";
            w.Line($"/// <param name=\"{names[i].TrimStart('@')}\">{where}{(property.AllowsNull ? "; may be null" : string.Empty)}.</param>");
        }

        List<string> checkedNames = names.Where((_, i) => !parameters[i].AllowsNull && !parameters[i].Type.IsValueType).ToList();
        if (checkedNames.Count > 0)
        {
            w.Line($"/// <exception cref=\"global::System.ArgumentNullException\">{string.Join(" or ", checkedNames.Select(n => "<paramref name=\"" + n.TrimStart('@') + "\"/>"))} is null.</exception>");
        }

        w.Line("/// <remarks>C# 9 and 10 have no <c>required</c> members: this constructor stands for them. From C# 11 on, the properties are <c>required</c> and there is no such constructor.</remarks>");
        w.Open($"public {record.Name}({string.Join(", ", parameters.Select((p, i) => PropertyType(types, p) + " " + names[i]))})");
        for (int i = 0; i < parameters.Count; i++)
        {
            PropertyModel property = parameters[i];
            bool check = !property.AllowsNull && !property.Type.IsValueType;
            w.Line($"this.{property.Name} = {names[i]}{(check ? " ?? throw new global::System.ArgumentNullException(nameof(" + names[i] + "))" : string.Empty)};");
        }

        w.Close();
        w.Line();
    }
}
