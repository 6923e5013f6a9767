using System;
using System.Globalization;
using Scenario.Generators.Emitting;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// A line written from an interpolated string (<c>w.Line($"…")</c>, its pieces copied into the writer's buffer) is the
/// line <c>w.Line(string)</c> writes from the same text: the emitters use both, and the snapshots rely on them agreeing.
/// </summary>
public class SourceWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Integers_are_written_as_their_invariant_text(int value)
    {
        string expected = Lines(w => w.Line("case " + value.ToString(CultureInfo.InvariantCulture) + ":"));

        Assert.Equal(expected, Lines(w => w.Line($"case {value}:")));
    }

    [Fact]
    public void Indentation_and_empty_lines_are_those_of_the_string_form()
    {
        string name = "Asset";
        string empty = string.Empty;
        string expected = Lines(w =>
        {
            w.Open("namespace " + name);
            w.Line(empty);
            w.Open("record " + name);
            w.Line("int " + name + "Count;");
            w.Close();
            w.Close();
        });

        string actual = Lines(w =>
        {
            w.Open($"namespace {name}");
            w.Line($"{empty}");
            w.Open($"record {name}");
            w.Line($"int {name}Count;");
            w.Close();
            w.Close();
        });

        Assert.Equal(expected, actual);
        Assert.Contains("\n\n", actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("say \"hi\"\\")]
    [InlineData("line\nbreak\ttab")]
    [InlineData("Ünïcödé \ud83d\ude00")]
    public void Quoted_text_is_the_literal_of_Literal(string value)
    {
        string expected = Lines(w => w.Line("x = " + SourceWriter.Literal(value) + ";"));

        Assert.Equal(expected, Lines(w => w.Line($"x = {SourceWriter.Quote(value)};")));
    }

    [Fact]
    public void Other_values_are_written_in_the_invariant_culture_whatever_the_current_one()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture whose decimal separator is a comma and whose minus sign is not '-'.
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NegativeSign = "\u2212";
            CultureInfo.CurrentCulture = culture;
            long big = -5_000_000_000;
            double half = 0.5;

            Assert.Equal("x = -5000000000 + 0.5;\n", Lines(w => w.Line($"x = {big} + {half};")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Lines(Action<SourceWriter> write) => SourceWriter.Text(Model.LanguageFeatures.Latest, write);
}
