namespace WhistleSubmit.Crypto.Tests;

/// <summary>
/// No folder of src/Crypto (Age, Bundles, Containers, …; subfolders such as Age/Format counted on their own) imports
/// a folder that imports it back. Read from the using lines (<see cref="FolderGraph"/>).
/// </summary>
[TestFixture]
public sealed class ArchitectureTests
{
    [Test]
    public void Crypto_FolderImports_HaveNoCycle()
    {
        var graph = FolderGraph.Build(Repository.Source("Crypto"), "WhistleSubmit.Crypto", parts => string.Join('.', parts.Take(2)));

        IReadOnlyList<string>? cycle = FolderGraph.FindCycle(graph);

        Assert.That(graph.Keys, Has.Member("Bundles"), "the scan must see Crypto's folders");
        Assert.That(cycle, Is.Null, () => $"folder import cycle: {string.Join(" -> ", cycle!)}\n{FolderGraph.Describe(graph)}");
    }
}
