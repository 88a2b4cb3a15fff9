using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests;

/// <summary>
/// Who may depend on whom inside src/Portal, read from the `using WhistleSubmit.Portal.X` lines of every .cs file
/// and every Razor `@using`. A folder is the first namespace level below WhistleSubmit.Portal (Admin, Store, …), or
/// the first two under Features (Features.Mailbox, Features.Transfer, …); sub-namespaces such as
/// Features.Transfer.Sessions belong to their folder. Files are placed by their path; Program.cs, the composition
/// root, is left out.
/// </summary>
public sealed partial class ArchitectureTests
{
    [Test]
    public void No_folder_of_the_portal_imports_itself_back_through_another()
    {
        var graph = FolderGraph();
        Assert.That(graph.Keys, Has.Some.EqualTo("Features.Transfer"), "the scan must see the portal's folders");
        var cycle = FindCycle(graph);
        Assert.That(cycle, Is.Null, () => $"import loop: {string.Join(" -> ", cycle!)}\n{Describe(graph)}");
    }

    [Test]
    public void Transfer_does_not_import_Admin()
    {
        // Admin verbs drive the transfer's operations; the transfer interface never reaches back into Admin.
        var graph = FolderGraph();
        Assert.That(graph.GetValueOrDefault("Features.Transfer", []), Has.No.Member("Admin"));
    }

    [Test]
    public void Features_reach_the_store_only_through_its_two_doors()
    {
        // SourceStore for the source side, TransferStore for the transfer side; PortalDatabase owns the engine.
        string features = Path.Combine(RepositoryRoot(), "src", "Portal", "Features");
        var direct = Directory.EnumerateFiles(features, "*.cs*", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("PortalDatabase", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(features, p))
            .ToList();
        Assert.That(direct, Is.Empty);
    }

    private static Dictionary<string, HashSet<string>> FolderGraph()
    {
        string root = Path.Combine(RepositoryRoot(), "src", "Portal");
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal)))
        {
            string relative = Path.GetRelativePath(root, path);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = relative.Split(Path.DirectorySeparatorChar)[..^1];
            if (parts.Length == 0)
            {
                continue;
            }

            string from = Folder(parts);
            var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = [];
            foreach (Match line in UsingLine().Matches(File.ReadAllText(path)))
            {
                string to = Folder(line.Groups[1].Value.Split('.'));
                if (to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    private static string Folder(string[] parts) =>
        parts[0] == "Features" && parts.Length > 1 ? $"Features.{parts[1]}" : parts[0];

    /// <summary>One cycle as a path that ends where it starts, or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
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
            foreach (string next in graph.GetValueOrDefault(node, []).Order(StringComparer.Ordinal))
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

    private static string Describe(Dictionary<string, HashSet<string>> graph) => string.Join("\n",
        graph.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"  {e.Key} -> {string.Join(", ", e.Value.Order(StringComparer.Ordinal))}"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WhistleSubmit.sln not found above the test assembly");
    }

    [GeneratedRegex(@"^\s*@?using\s+(?:static\s+)?WhistleSubmit\.Portal\.([A-Za-z0-9_.]+)\s*;?\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
