using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Audit;

/// <summary>
/// The canonical encoding an entry's hash is computed over: the tag <c>whistle-review/audit/v1</c>, then seq, time,
/// actor, action, case id, item id, details and previous hash, each as <c>&lt;UTF-8 byte length&gt;:&lt;bytes&gt;</c>
/// (a netstring without the comma; absent ids are empty). Length prefixes make the encoding unambiguous whatever the
/// fields contain.
/// </summary>
internal static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Tag = "whistle-review/audit/v1"u8.ToArray();

    public static string Compute(long seq, string time, string actor, string action, string? caseId, string? itemId, string details, string prevHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Tag);
        foreach (string field in new[] { seq.ToString(CultureInfo.InvariantCulture), time, actor, action, caseId ?? string.Empty, itemId ?? string.Empty, details, prevHash })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(field);
            hash.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Compute(AuditEntry e) => Compute(e.Seq, e.Time, e.Actor, e.Action, e.CaseId, e.ItemId, e.Details, e.PrevHash);
}
