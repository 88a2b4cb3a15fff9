using System.Text.RegularExpressions;

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
    private const string Namespace = "WhistleSubmit.ReviewerConsole";

    [Test]
    public void ReviewerConsole_FolderImports_HaveNoCycle()
    {
        var graph = FolderGraph.Build(Repository.Source("ReviewerConsole"), Namespace, FolderGraph.FirstLevel);

        IReadOnlyList<string>? cycle = FolderGraph.FindCycle(graph);

        Assert.That(graph.Keys, Has.Member("Persistence"), "the scan must see the console's folders");
        Assert.That(cycle, Is.Null, () => $"folder import cycle: {string.Join(" -> ", cycle!)}\n{FolderGraph.Describe(graph)}");
    }

    [Test]
    public void ReviewerConsole_LiteDb_IsUsedOnlyInPersistence()
    {
        string source = Repository.Source("ReviewerConsole");

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

        Assert.That(FolderGraph.FindCycle(graph), Is.EqualTo(new[] { "A", "B", "C", "A" }));
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

        var graph = FolderGraph.Build(dir.Path, Namespace, FolderGraph.FirstLevel);

        Assert.That(FolderGraph.FindCycle(graph), Is.EqualTo(new[] { "Commands", "Tui", "Commands" }));
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:\w+\s*=\s*)?LiteDB\b|\bGetCollection\b|\bBson[A-Z]\w*|\bILiteDatabase\b", RegexOptions.Multiline)]
    private static partial Regex LiteDbUsing();
}
