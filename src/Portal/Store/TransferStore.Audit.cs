using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The transfer interface's audit log: append-only (no method edits or deletes an entry) and hash-chained, each
/// entry's hash covering the one before, so a gap or an edit made to the file by other means shows in
/// <see cref="VerifyAuditChain"/>.
/// </summary>
public sealed partial class TransferStore
{
    private const string Audit = "transferAudit";

    public AuditEntry AppendAudit(string account, string action, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(detail);
        // The UTC day only (issue 14): the log says which reviewer did what on which day, never when in the day.
        var now = Time.GetUtcNow();
        var time = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return Write(db =>
        {
            var audit = db.GetCollection(Audit);
            var last = audit.FindOne(Query.All(Query.Descending));
            long sequence = last is null ? 1 : last["_id"].AsInt64 + 1;
            string previous = last is null ? new string('0', 64) : last["hash"].AsString;
            var entry = new AuditEntry(sequence, time, account, action, detail, ChainHash(previous, sequence, time, account, action, detail));
            audit.Insert(new BsonDocument
            {
                ["_id"] = entry.Sequence,
                ["time"] = entry.Time.ToUnixTimeSeconds(),
                ["account"] = entry.Account,
                ["action"] = entry.Action,
                ["detail"] = entry.Detail,
                ["hash"] = entry.Hash,
            });
            return entry;
        });
    }

    /// <summary>The newest entries first, at most max of them.</summary>
    public IReadOnlyList<AuditEntry> ListAudit(int max) =>
        Read(db => db.GetCollection(Audit).Find(Query.All(Query.Descending), limit: max).Select(ToEntry).ToList());

    /// <summary>True if every entry follows from the one before, from the first on.</summary>
    public bool VerifyAuditChain() => Read(db =>
    {
        string previous = new('0', 64);
        long expected = 1;
        foreach (var entry in db.GetCollection(Audit).Find(Query.All(Query.Ascending)).Select(ToEntry))
        {
            if (entry.Sequence != expected
                || entry.Hash != ChainHash(previous, entry.Sequence, entry.Time, entry.Account, entry.Action, entry.Detail))
            {
                return false;
            }

            previous = entry.Hash;
            expected++;
        }

        return true;
    });

    private static AuditEntry ToEntry(BsonDocument d) => new(
        d["_id"].AsInt64, DateTimeOffset.FromUnixTimeSeconds(d["time"].AsInt64), d["account"].AsString,
        d["action"].AsString, d["detail"].AsString, d["hash"].AsString);

    // Length-prefixed fields, so no two different entries hash the same text.
    private static string ChainHash(string previous, long sequence, DateTimeOffset time, string account, string action, string detail)
    {
        var text = new StringBuilder();
        foreach (string field in new[]
        {
            previous, sequence.ToString(CultureInfo.InvariantCulture),
            time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), account, action, detail,
        })
        {
            text.Append(CultureInfo.InvariantCulture, $"{field.Length}:{field};");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
