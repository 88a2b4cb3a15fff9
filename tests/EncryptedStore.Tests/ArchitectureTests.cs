namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>No folder of src/EncryptedStore imports a folder that imports it back (<see cref="FolderGraph"/>).</summary>
[TestFixture]
public sealed class ArchitectureTests
{
    [Test]
    public void EncryptedStore_FolderImports_HaveNoCycle()
    {
        var graph = FolderGraph.Build(Repository.Source("EncryptedStore"), "WhistleSubmit.EncryptedStore", FolderGraph.FirstLevel);

        IReadOnlyList<string>? cycle = FolderGraph.FindCycle(graph);

        Assert.That(graph.Keys, Has.Member("Paging"), "the scan must see the engine's folders");
        Assert.That(cycle, Is.Null, () => $"folder import cycle: {string.Join(" -> ", cycle!)}\n{FolderGraph.Describe(graph)}");
    }
}
