namespace WhistleSubmit.Crypto.Bundles;

/// <summary>The manifest v1 rules beyond JSON typing, shared by writer (caller bug) and reader (malformed input).</summary>
internal static class ManifestRules
{
    internal static bool IsItemValid(BundleKind bundle, BundleItem item) =>
        item is not null
        && BundleItem.IsValidId(item.Id)
        && BundleItem.IsValidSha256Hex(item.MailboxId)
        && BundleItem.IsValidSha256Hex(item.Sha256)
        && item.Size >= 0
        && IsKindAllowed(bundle, item.Kind);

    internal static bool IsKindAllowed(BundleKind bundle, BundleItemKind kind) => bundle switch
    {
        BundleKind.Submissions => kind is BundleItemKind.Submission or BundleItemKind.Followup,
        BundleKind.Replies => kind is BundleItemKind.Reply or BundleItemKind.Status or BundleItemKind.ConsentRequest,
        _ => false,
    };

    internal static string EntryName(string id) => "items/" + id + ".age";
}
