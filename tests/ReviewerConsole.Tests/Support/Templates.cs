namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Vaults built once per test run and copied by tests (see <see cref="TestVault"/>).</summary>
internal static class Templates
{
    private static readonly List<TestVault> Created = [];

    private static readonly Lazy<Template> LazyWithKey = new(() =>
    {
        TestVault vault = Track(TestVault.Initialized());
        vault.Succeed("keygen", "--name", "alice");
        // Import, reply and export-replies sign with the team key (protocol v2), so the template vault has one.
        vault.Succeed("team", "keygen");
        return new Template(vault);
    });

    private static readonly Lazy<(Template, ImportedScenario, string)> LazyImported = new(() =>
    {
        TestVault vault = Track(TestVault.WithKey());
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        string bundle = vault.Directory.Write("scenario.wsbundle", scenario.Bundle);
        vault.Succeed("import", bundle);
        return (new Template(vault), scenario, bundle);
    });

    public static Template WithKey => LazyWithKey.Value;

    /// <summary>A vault with key "alice" and <see cref="ImportedScenario"/> imported.</summary>
    public static Template Imported => LazyImported.Value.Item1;

    public static ImportedScenario Scenario => LazyImported.Value.Item2;

    /// <summary>The template's copy of the scenario bundle (not inside its vault).</summary>
    public static string ScenarioBundle => LazyImported.Value.Item3;

    internal static TestVault Track(TestVault vault)
    {
        lock (Created)
        {
            Created.Add(vault);
        }

        return vault;
    }

    internal static void DisposeAll()
    {
        lock (Created)
        {
            Created.ForEach(v => v.Dispose());
            Created.Clear();
        }
    }

    /// <summary>A finished vault kept for the whole run, removed by <see cref="TemplateCleanup"/>.</summary>
    internal sealed class Template(TestVault vault)
    {
        public TestVault Vault { get; } = vault;

        public TestVault CopyTo(TestVault target) => target.CopyFrom(Vault.Root);
    }
}
