using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>This part: the team signing key's record (one per vault, in meta).</summary>
internal sealed partial class VaultData
{
    /// <summary>The team key the vault lists, or null before 'team keygen'.</summary>
    public TeamKeyRecord? TeamKey() => Meta.FindById(TeamKeyDocuments.Id) is { } d ? TeamKeyDocuments.FromDocument(d) : null;

    /// <summary>Records the team key; there is only ever one, so a second insert fails.</summary>
    public void InsertTeamKey(TeamKeyRecord key) => Meta.Insert(TeamKeyDocuments.ToDocument(key));
}
