using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Scenario.Generators.Tests;

/// <summary>
/// What the tests that measure something write into the README and the docs when asked (<c>SCENARIO_WRITE_PEER_TABLE</c>,
/// <c>SCENARIO_WRITE_SUITE_TABLE</c>): a block between two markers, and the commit the figures are of.
/// </summary>
internal static class DocumentBlocks
{
    /// <summary>Replaces what is between <c>&lt;!-- {marker} --&gt;</c> and <c>&lt;!-- /{marker} --&gt;</c>.</summary>
    public static void Replace(string path, string marker, string content)
    {
        string text = File.ReadAllText(path);
        string open = $"<!-- {marker} -->", close = $"<!-- /{marker} -->";
        int start = text.IndexOf(open, StringComparison.Ordinal), end = text.IndexOf(close, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no {open} … {close} block");
        File.WriteAllText(path, text.Substring(0, start + open.Length) + "\n" + content + "\n" + text.Substring(end));
    }

    /// <summary>The commit the run is of, with <c>-dirty</c> when the work tree has changes.</summary>
    public static string Commit(string root)
    {
        string Git(string arguments)
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
            foreach (string argument in arguments.Split(' '))
            {
                start.ArgumentList.Add(argument);
            }

            using Process git = Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : throw new InvalidOperationException("git " + arguments + " failed");
        }

        try
        {
            return Git("rev-parse --short=12 HEAD") + (Git("status --porcelain").Length > 0 ? "-dirty" : string.Empty);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
