namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Vaults built once per test run and copied by tests (see <see cref="TestVault"/>).</summary>
internal static class Templates
{
    private static readonly List<TestVault> Created = [];

    private static readonly Lazy<Template> LazyWithKey = new(() =>
    {
        TestVault vault = Track(TestVault.Initialized());
        vault.Succeed("keygen", "--name", "alice");
        return new Template(vault);
    });

    public static Template WithKey => LazyWithKey.Value;

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
