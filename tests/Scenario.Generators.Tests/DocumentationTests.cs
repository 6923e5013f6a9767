using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// The README and the pages of <c>docs/</c>: every relative link and every anchor resolves, on GitHub's rules, and the
/// README stays short. (That each diagnostic has its section in docs/diagnostics.md, and that its help link resolves
/// there, is <see cref="SchemaReadingTests"/>' test of the descriptors.)
/// </summary>
public class DocumentationTests
{
    /// <summary>Links of this form are read as paths in this repository, as the diagnostics' help links are.</summary>
    public const string RepositoryUrl = "https://github.com/scenario-generators/scenario-generators/";

    private const int ReadmeLineLimit = 260;

    public static IEnumerable<object[]> Pages() => DocumentationPages().Select(page => new object[] { page });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_link_and_anchor_resolves(string page)
    {
        string text = File.ReadAllText(Path.Combine(Root, page));
        List<string> broken = BrokenLinks(page, text);
        Assert.True(broken.Count == 0, $"{page}: {broken.Count} link(s) that do not resolve:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_readme_fits_in_a_few_screens()
    {
        int lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;
        Assert.True(lines < ReadmeLineLimit, $"README.md has {lines} lines; keep it under {ReadmeLineLimit} and move the rest to a page of docs/.");
    }

    [Fact]
    public void The_pages_checked_include_the_readme_and_every_docs_page()
    {
        List<string> pages = DocumentationPages().ToList();
        Assert.Contains("README.md", pages);
        Assert.Contains("docs/diagnostics.md", pages);
        Assert.Contains("docs/decisions.md", pages);
    }

    [Fact]
    public void A_broken_link_or_anchor_is_reported_and_code_is_not_read()
    {
        const string page = """
            # A page

            ## The same heading
            ## The same heading
            ## The `x-client` extension, C# 9 and 10 (IL2CPP)
            <a id="explicit-anchor"></a>

            [ok](#a-page) [ok](#the-same-heading-1) [ok](#the-x-client-extension-c-9-and-10-il2cpp) [ok](#explicit-anchor)
            [ok](diagnostics.md#scengen001) [ok](../README.md#the-two-commands) [ok](benchmarks/) ![ok](benchmarks/serialization.svg)
            [ok](https://example.com/missing.md) [ok](mailto:someone@example.com)
            [ok](https://github.com/scenario-generators/scenario-generators/blob/main/docs/diagnostics.md#scengen016)
            [broken 1](#the-same-heading-2) [broken 2](missing.md) [broken 3](diagnostics.md#scengen999)
            [broken 4](https://github.com/scenario-generators/scenario-generators/blob/main/docs/missing.md)
            <a href="../README.md#no-such-section">broken 5</a> [broken 6][reference]
            [broken 7](../../outside-the-repository.md)

            [reference]: client.md#no-such-section

            `[code](missing-in-code.md)` and `` [code](missing-in-double-code.md) ``

            ```markdown
            [code](missing-in-a-fence.md)
            ```
            <!-- [comment](missing-in-a-comment.md) -->
            """;

        List<string> broken = BrokenLinks("docs/synthetic.md", page);

        Assert.Equal(
            new[]
            {
                "#the-same-heading-2", "../../outside-the-repository.md", "../README.md#no-such-section",
                "client.md#no-such-section", "diagnostics.md#scengen999",
                "https://github.com/scenario-generators/scenario-generators/blob/main/docs/missing.md", "missing.md",
            },
            broken.Select(b => b.Substring(0, b.IndexOf(' '))).OrderBy(b => b, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("The two commands", "the-two-commands")]
    [InlineData("The runtime on netstandard2.0", "the-runtime-on-netstandard20")]
    [InlineData("Unity (IL2CPP and Mono)", "unity-il2cpp-and-mono")]
    [InlineData("C# 9 and 10", "c-9-and-10")]
    [InlineData("The `x-client` extension", "the-x-client-extension")]
    [InlineData("Any schema, any draft, any root", "any-schema-any-draft-any-root")]
    [InlineData("SCENGEN001", "scengen001")]
    [InlineData("[A link](page.md) and *emphasis*", "a-link-and-emphasis")]
    [InlineData("snake_case — and more", "snake_case--and-more")]
    public void Headings_get_GitHubs_slugs(string heading, string slug) => Assert.Equal(slug, Slug(heading));

    /// <summary>
    /// Why <paramref name="link"/>, written in <paramref name="page"/> (a path from the repository's root; null for a
    /// link outside any page), does not resolve; null when it does or when it is a link to another site.
    /// </summary>
    public static string? Unresolved(string? page, string link)
    {
        if (link.StartsWith(RepositoryUrl + "blob/main/", StringComparison.Ordinal) || link.StartsWith(RepositoryUrl + "tree/main/", StringComparison.Ordinal))
        {
            link = "/" + link.Substring(RepositoryUrl.Length + "blob/main/".Length);
        }
        else if (Regex.IsMatch(link, "^[a-zA-Z][a-zA-Z0-9+.-]*:") || link.StartsWith("//", StringComparison.Ordinal))
        {
            return null; // another site (http, https, mailto, …): not checked here
        }

        int hash = link.IndexOf('#');
        string path = Uri.UnescapeDataString(hash < 0 ? link : link.Substring(0, hash));
        string? anchor = hash < 0 ? null : Uri.UnescapeDataString(link.Substring(hash + 1));
        int query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path.Substring(0, query);
        }

        string target;
        if (path.Length == 0)
        {
            if (page is null)
            {
                return "no page to look for the anchor in";
            }

            target = page;
        }
        else
        {
            string from = path.StartsWith("/", StringComparison.Ordinal) ? "" : Path.GetDirectoryName(page ?? "") ?? "";
            string full = Path.GetFullPath(Path.Combine(Root, from, path.TrimStart('/')));
            string root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
            {
                return "leads outside the repository";
            }

            if (!File.Exists(full) && !Directory.Exists(full.TrimEnd(Path.DirectorySeparatorChar)))
            {
                return "no such file or folder";
            }

            target = full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        if (string.IsNullOrEmpty(anchor))
        {
            return null;
        }

        if (!target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            // GitHub's line anchors are the only ones another kind of file has.
            return Regex.IsMatch(anchor!, "^L[0-9]+(-L[0-9]+)?$") ? null : $"'{target}' is not a markdown page, so it has no anchor '{anchor}'";
        }

        string text = page is not null && target == page && s_pagesBeingChecked.TryGetValue(page, out string? inMemory)
            ? inMemory
            : File.ReadAllText(Path.Combine(Root, target));
        return Anchors(text).Contains(anchor!) ? null : $"'{target}' has no heading or anchor '{anchor}'";
    }

    /// <summary>Each link of <paramref name="text"/> that does not resolve, as "target (why)".</summary>
    public static List<string> BrokenLinks(string page, string text)
    {
        s_pagesBeingChecked[page] = text;
        try
        {
            var broken = new List<string>();
            foreach (string link in Links(text))
            {
                string? why = Unresolved(page, link);
                if (why is not null)
                {
                    broken.Add($"{link} ({why})");
                }
            }

            return broken;
        }
        finally
        {
            s_pagesBeingChecked.TryRemove(page, out _);
        }
    }

    /// <summary>
    /// The targets of a page's links: inline links and images <c>[text](target)</c>, reference definitions
    /// <c>[name]: target</c>, and <c>href</c>/<c>src</c> of HTML tags; not those in code or in HTML comments.
    /// </summary>
    public static IEnumerable<string> Links(string text)
    {
        string prose = WithoutCodeSpans(string.Join("\n", OutsideFences(text).Select(line => line ?? "")));
        prose = Regex.Replace(prose, "<!--.*?-->", "", RegexOptions.Singleline);
        foreach (Match m in Regex.Matches(prose, @"\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)"))
        {
            yield return m.Groups[1].Value.Trim('<', '>');
        }

        foreach (Match m in Regex.Matches(prose, @"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?", RegexOptions.Multiline))
        {
            yield return m.Groups[1].Value;
        }

        foreach (Match m in Regex.Matches(prose, @"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.IgnoreCase))
        {
            yield return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        }
    }

    /// <summary>The anchors a page has on GitHub: its headings' slugs (repeats get -1, -2, …) and explicit ids and names.</summary>
    public static HashSet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (string? line in OutsideFences(text))
        {
            if (line is null)
            {
                previous = null;
                continue;
            }

            string? heading = null;
            Match atx = Regex.Match(line, @"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$");
            if (atx.Success)
            {
                heading = atx.Groups[1].Value;
            }
            else if (previous is not null && Regex.IsMatch(line, @"^ {0,3}(=+|-+)[ \t]*$") && previous.Trim().Length > 0
                     && !Regex.IsMatch(previous, @"^ {0,3}([#>|]|[-*+] |[0-9]+[.)] )"))
            {
                heading = previous.Trim(); // a setext heading: the line above, underlined
            }

            if (heading is not null)
            {
                string slug = Slug(heading);
                string unique = slug;
                while (occurrences.ContainsKey(unique))
                {
                    occurrences[slug]++;
                    unique = slug + "-" + occurrences[slug];
                }

                occurrences[unique] = 0;
                anchors.Add(unique);
            }

            foreach (Match m in Regex.Matches(WithoutCodeSpans(line), @"<a\b[^>]*?\b(?:id|name)\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.IgnoreCase))
            {
                anchors.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
            }

            previous = line;
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's slug of a heading: its text as rendered (code spans' content kept, links' text, no tags or emphasis
    /// marks), lower-cased; every character but letters, digits, spaces, hyphens and underscores removed; spaces
    /// become hyphens.
    /// </summary>
    public static string Slug(string heading)
    {
        string text = Regex.Replace(heading, @"!?\[([^\]]*)\]\([^)]*\)", "$1"); // links and images: their text
        text = Regex.Replace(text, "<[^>]+>", "");                                // HTML tags
        text = Regex.Replace(text, @"(\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}]))", ""); // emphasis marks
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The pages checked, as paths from the repository's root with '/'.</summary>
    public static IEnumerable<string> DocumentationPages()
    {
        var pages = new SortedSet<string>(StringComparer.Ordinal) { "README.md" };
        foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
        {
            pages.Add(Relative(path));
        }

        // READMEs of their own: the corpora's (the folders of each schema or document hold third parties' text, not
        // read), the samples', and the packages' (shown on nuget.org, where only absolute links work).
        foreach (string path in new[] { "tests/RealOpenApi/README.md", "tests/RealSchemas/README.md" }.Where(p => File.Exists(Path.Combine(Root, p))))
        {
            pages.Add(path);
        }

        foreach (string folder in new[] { "samples", "runtime", "generator", "extensions" }.Where(f => Directory.Exists(Path.Combine(Root, f))))
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, folder), "README*.md", SearchOption.AllDirectories))
            {
                string relative = Relative(path);
                if (!relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
                {
                    pages.Add(relative);
                }
            }
        }

        return pages;
    }

    private static string Root => GeneratorHarness.RepositoryRoot();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_pagesBeingChecked = new(StringComparer.Ordinal);

    private static string Relative(string path) =>
        Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The page's lines, with null for each line of a fenced code block (its fences included).</summary>
    private static IEnumerable<string?> OutsideFences(string text)
    {
        string? fence = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            Match m = Regex.Match(line, @"^\s*(`{3,}|~{3,})");
            if (fence is null && m.Success)
            {
                fence = m.Groups[1].Value;
                yield return null;
            }
            else if (fence is not null)
            {
                if (m.Success && m.Groups[1].Value[0] == fence[0] && m.Groups[1].Value.Length >= fence.Length && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                yield return null;
            }
            else
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> without its code spans (a run of backticks up to the next run of the same length, within
    /// a paragraph); a run with no partner stays as it is.
    /// </summary>
    private static string WithoutCodeSpans(string text)
    {
        var result = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                result.Append(text[i++]);
                continue;
            }

            int run = 0;
            while (i + run < text.Length && text[i + run] == '`')
            {
                run++;
            }

            int close = FindClosingRun(text, i + run, run);
            if (close < 0)
            {
                result.Append('`', run);
                i += run;
            }
            else
            {
                result.Append(' ');
                i = close + run;
            }
        }

        return result.ToString();
    }

    private static int FindClosingRun(string text, int from, int length)
    {
        int paragraphEnd = text.IndexOf("\n\n", from, StringComparison.Ordinal);
        int end = paragraphEnd < 0 ? text.Length : paragraphEnd;
        int i = from;
        while (i < end)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            int run = 0;
            while (i + run < end && text[i + run] == '`')
            {
                run++;
            }

            if (run == length)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }
}
