using System.Text.RegularExpressions;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// Who imports whom inside one project, folder by folder, read from the <c>using</c> (and Razor <c>@using</c>) lines
/// that name the project's own namespaces. The architecture tests build it and fail on a cycle. It sees imports only:
/// a fully-qualified name in code, or a child namespace using its parent's types without a <c>using</c>, is not an edge.
/// </summary>
public static class FolderGraph
{
    /// <summary>The node of files at the project's root (Program.cs and the like).</summary>
    public const string Root = "(root)";

    /// <param name="sourceDirectory">The project's directory (src/X); bin, obj and node_modules are skipped.</param>
    /// <param name="rootNamespace">The project's root namespace, such as WhistleSubmit.Portal.</param>
    /// <param name="folderOf">The node of a path or namespace below the root, given as its parts.</param>
    public static IReadOnlyDictionary<string, SortedSet<string>> Build(
        string sourceDirectory, string rootNamespace, Func<string[], string> folderOf)
    {
        var usingLine = new Regex(
            @"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?" + Regex.Escape(rootNamespace) + @"\.([\w.]+)\s*;?\s*$",
            RegexOptions.Multiline);
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(sourceDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            string[] parts = Path.GetRelativePath(sourceDirectory, file).Split(Path.DirectorySeparatorChar)[..^1];
            if (parts.Length > 0 && parts[0] is "bin" or "obj" or "node_modules")
            {
                continue;
            }

            string from = parts.Length == 0 ? Root : folderOf(parts);
            SortedSet<string> edges = graph.TryGetValue(from, out var found) ? found : graph[from] = new(StringComparer.Ordinal);
            foreach (Match line in usingLine.Matches(File.ReadAllText(file)))
            {
                string to = folderOf(line.Groups[1].Value.Split('.'));
                if (to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>Depth-first search; the first cycle found as a path that ends where it starts, or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            int at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (string next in graph.TryGetValue(node, out var edges) ? edges : [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    /// <summary>The graph one edge list per line, for a failure message.</summary>
    public static string Describe(IReadOnlyDictionary<string, SortedSet<string>> graph) => string.Join("\n",
        graph.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"  {e.Key} -> {string.Join(", ", e.Value)}"));

    /// <summary>The first folder level: Commands/Cases counts as Commands.</summary>
    public static string FirstLevel(string[] parts) => parts[0];
}
