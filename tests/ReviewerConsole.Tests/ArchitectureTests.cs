using System.Text.RegularExpressions;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests;

/// <summary>
/// Issue 11: no folder of src/ReviewerConsole imports, directly or through others, a folder that imports it back.
/// A folder is a namespace one level below WhistleSubmit.ReviewerConsole (Commands' subfolders count as Commands);
/// an import is a <c>using WhistleSubmit.ReviewerConsole.X</c> line. Files at the root (Cli, Program) are "(root)".
/// And the vault's persistence has one face: only Persistence/ uses LiteDB (its namespace, collections, documents).
/// </summary>
[TestFixture]
public sealed partial class ArchitectureTests
{
    private const string Root = "(root)";

    [Test]
    public void ReviewerConsole_FolderImports_HaveNoCycle()
    {
        IReadOnlyDictionary<string, SortedSet<string>> graph = FolderGraph(SourceDirectory());

        IReadOnlyList<string>? cycle = FindCycle(graph);

        Assert.That(cycle, Is.Null, () => "folder import cycle: " + string.Join(" -> ", cycle!));
    }

    [Test]
    public void ReviewerConsole_LiteDb_IsUsedOnlyInPersistence()
    {
        string source = SourceDirectory();

        var users = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f))
            .Where(f => f.Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj" or "Persistence"))
            .Where(f => LiteDbUsing().IsMatch(File.ReadAllText(Path.Combine(source, f))))
            .ToList();

        Assert.That(users, Is.Empty, "the vault's documents are handled in Persistence only");
    }

    [Test]
    public void FindCycle_GraphWithLoop_ReportsIt()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Assert.That(FindCycle(graph), Is.EqualTo(new[] { "A", "B", "C", "A" }));
    }

    [Test]
    public void FolderGraph_UsingLines_CountCommandsSubfoldersAsCommands()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "Commands", "Cases"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "Tui"));
        File.WriteAllText(Path.Combine(dir.Path, "Commands", "Cases", "Show.cs"),
            "using WhistleSubmit.ReviewerConsole.Tui;\nnamespace WhistleSubmit.ReviewerConsole.Commands.Cases;\n");
        File.WriteAllText(Path.Combine(dir.Path, "Tui", "Window.cs"),
            "using WhistleSubmit.ReviewerConsole.Commands.Cases;\nnamespace WhistleSubmit.ReviewerConsole.Tui;\n");

        IReadOnlyDictionary<string, SortedSet<string>> graph = FolderGraph(dir.Path);

        Assert.That(FindCycle(graph), Is.EqualTo(new[] { "Commands", "Tui", "Commands" }));
    }

    private static IReadOnlyDictionary<string, SortedSet<string>> FolderGraph(string source)
    {
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            string from = relative.Contains(Path.DirectorySeparatorChar) ? relative.Split(Path.DirectorySeparatorChar)[0] : Root;
            SortedSet<string> edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match m in UsingLine().Matches(File.ReadAllText(file)))
            {
                string to = m.Groups[1].Value;
                if (to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>Depth-first search; returns the first cycle found as a path that ends where it starts, or null.</summary>
    private static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> graph)
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

        return graph.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "ReviewerConsole");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/ReviewerConsole not found above the test directory");
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?WhistleSubmit\.ReviewerConsole\.(\w+)[\w.]*\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:\w+\s*=\s*)?LiteDB\b|\bGetCollection\b|\bBson[A-Z]\w*|\bILiteDatabase\b", RegexOptions.Multiline)]
    private static partial Regex LiteDbUsing();
}
