using System.Text.Json;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Finds case ids through the CLI itself (list --json --search).</summary>
internal static class CaseLookup
{
    public static string IdOf(TestVault vault, string search)
    {
        CliResult result = vault.Succeed("list", "--json", "--search", search);
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        return json.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    /// <summary>The id of the vault's only case.</summary>
    public static string Only(TestVault vault)
    {
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("list", "--json").StdoutText);
        return json.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    public static string CaseA(TestVault vault) => IdOf(vault, ImportedScenario.CanaryFollowup);

    public static string CaseB(TestVault vault) => IdOf(vault, "many times");

    public static string CaseC(TestVault vault) => IdOf(vault, ImportedScenario.CanaryC);
}
