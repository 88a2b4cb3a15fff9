using System.Text.RegularExpressions;

namespace WhistleSubmit.Docs.Tests;

/// <summary>
/// Finds what points nowhere, in one repository: <c>docs/{FILE}.md</c> and <c>docs/{FILE}.md#{anchor}</c> whose file or
/// heading does not exist, mentions of the design files that docs/ replaced, and relative Markdown links that do not
/// resolve. Problems read "path:line: what".
/// </summary>
internal sealed partial class DocReferenceChecker(string root)
{
    // Spelled in two pieces so that this file does not mention them itself.
    private static readonly string[] RetiredEverywhere = ["DESIGN" + ".md", "TOOLCHAIN" + ".md"];
    private static readonly string RetiredPortal = "PORTAL" + ".md";

    private readonly Dictionary<string, IReadOnlySet<string>?> anchors = new(StringComparer.Ordinal);

    /// <summary>References of the form docs/{FILE}.md[#{anchor}] anywhere in the text (paths relative to the root).</summary>
    public IEnumerable<string> CheckReferences(string path, string text)
    {
        foreach ((int line, Match m) in Matches(DocsReferencePattern(), text))
        {
            string file = "docs/" + m.Groups["file"].Value;
            string? problem = Resolve(file, m.Groups["anchor"].Success ? m.Groups["anchor"].Value : null);
            if (problem is not null)
            {
                yield return $"{path}:{line}: {m.Value}: {problem}";
            }
        }
    }

    /// <summary>Mentions of the retired design files; inside docs/ a relative link to the portal's page is the new file, not the old one.</summary>
    public IEnumerable<string> CheckRetiredNames(string path, string text)
    {
        foreach (string name in RetiredEverywhere)
        {
            foreach ((int line, Match m) in Matches(new Regex(Regex.Escape(name)), text))
            {
                yield return $"{path}:{line}: {m.Value}: retired; cite docs/ instead";
            }
        }

        if (IsInDocs(path))
        {
            yield break;
        }

        foreach ((int line, Match m) in Matches(new Regex(@"(?<!docs/)" + Regex.Escape(RetiredPortal)), text))
        {
            yield return $"{path}:{line}: {m.Value}: retired; cite docs/{RetiredPortal} instead";
        }
    }

    /// <summary>Relative links of a Markdown file: the file (or folder) must exist, and an anchor into Markdown must too.</summary>
    public IEnumerable<string> CheckLinks(string path, string markdown)
    {
        string directory = Path.GetDirectoryName(path) ?? string.Empty;
        foreach (string target in Markdown.LinkTargets(markdown))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            int hash = target.IndexOf('#', StringComparison.Ordinal);
            string file = hash < 0 ? target : target[..hash];
            string? anchor = hash < 0 ? null : target[(hash + 1)..];
            string relative = file.Length == 0 ? path : Normalize(Path.Combine(directory, file));
            string? problem = Resolve(relative, anchor);
            if (problem is not null)
            {
                yield return $"{path}: ({target}): {problem}";
            }
        }
    }

    /// <summary>Repository paths a Markdown file names in code spans (<c>`src/…`</c>, <c>`tests/…`</c>, …) must exist.</summary>
    public IEnumerable<string> CheckPaths(string path, string markdown)
    {
        foreach ((int line, Match m) in Matches(RepositoryPathPattern(), markdown))
        {
            string named = m.Groups["path"].Value;
            if (!File.Exists(Path.Combine(root, named)) && !Directory.Exists(Path.Combine(root, named)))
            {
                yield return $"{path}:{line}: {named}: no such file or folder";
            }
        }
    }

    private static bool IsInDocs(string path) => path.StartsWith("docs/", StringComparison.Ordinal);

    private static string Normalize(string relative)
    {
        var parts = new List<string>();
        foreach (string part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static IEnumerable<(int Line, Match Match)> Matches(Regex pattern, string text)
    {
        foreach (Match m in pattern.Matches(text))
        {
            int line = 1 + text.AsSpan(0, m.Index).Count('\n');
            yield return (line, m);
        }
    }

    private string? Resolve(string relative, string? anchor)
    {
        string full = Path.Combine(root, relative);
        if (!File.Exists(full))
        {
            return Directory.Exists(full) && anchor is null ? null : "no such file";
        }

        if (anchor is null || !relative.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        if (!anchors.TryGetValue(relative, out IReadOnlySet<string>? known))
        {
            known = Anchors.In(File.ReadAllText(full));
            anchors[relative] = known;
        }

        return known!.Contains(anchor) ? null : $"no heading with anchor #{anchor}";
    }

    // Placeholders and globs (<id>, *) are not paths.
    [GeneratedRegex(@"`(?<path>(?:src|tests|bench|deploy|docs)/[^`\s<>*{}]*)`")]
    private static partial Regex RepositoryPathPattern();

    [GeneratedRegex(@"(?<![\w./-])docs/(?<file>[\w.-]+?\.md)(?:#(?<anchor>[\w-]+))?")]
    private static partial Regex DocsReferencePattern();
}
