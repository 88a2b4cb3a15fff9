namespace WhistleSubmit.Portal.Tests;

/// <summary>
/// Who may depend on whom inside src/Portal, read from the `using WhistleSubmit.Portal.X` lines of every .cs file
/// and every Razor `@using`. A folder is the first namespace level below WhistleSubmit.Portal (Admin, Store, …), or
/// the first two under Features (Features.Mailbox, Features.Transfer, …); sub-namespaces such as
/// Features.Transfer.Sessions belong to their folder. Files are placed by their path; Program.cs, the composition
/// root, is left out.
/// </summary>
public sealed class ArchitectureTests
{
    [Test]
    public void No_folder_of_the_portal_imports_itself_back_through_another()
    {
        var graph = PortalGraph();
        Assert.That(graph.Keys, Has.Some.EqualTo("Features.Transfer"), "the scan must see the portal's folders");
        var cycle = FolderGraph.FindCycle(graph);
        Assert.That(cycle, Is.Null, () => $"import loop: {string.Join(" -> ", cycle!)}\n{FolderGraph.Describe(graph)}");
    }

    [Test]
    public void Transfer_does_not_import_Admin()
    {
        // Admin verbs drive the transfer's operations; the transfer interface never reaches back into Admin.
        var graph = PortalGraph();
        Assert.That(graph.GetValueOrDefault("Features.Transfer", []), Has.No.Member("Admin"));
    }

    [Test]
    public void Features_reach_the_store_only_through_its_two_doors()
    {
        // SourceStore for the source side, TransferStore for the transfer side; PortalDatabase owns the engine.
        string features = Path.Combine(Repository.Source("Portal"), "Features");
        var direct = Directory.EnumerateFiles(features, "*.cs*", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("PortalDatabase", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(features, p))
            .ToList();
        Assert.That(direct, Is.Empty);
    }

    // Program.cs, the composition root, uses every folder and is left out.
    private static Dictionary<string, SortedSet<string>> PortalGraph() =>
        FolderGraph.Build(Repository.Source("Portal"), "WhistleSubmit.Portal", Folder)
            .Where(e => e.Key != FolderGraph.Root)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static string Folder(string[] parts) =>
        parts[0] == "Features" && parts.Length > 1 ? $"Features.{parts[1]}" : parts[0];
}
