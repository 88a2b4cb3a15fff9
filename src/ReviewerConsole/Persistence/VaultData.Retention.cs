using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>
/// This part: retention (issue 19). The vault's settings are one meta document; each case with its own period or a
/// legal hold has a document in <see cref="VaultSchema.RetentionCollection"/>, keyed by case id (older vaults lack both:
/// no default, no overrides, nothing to migrate).
/// </summary>
internal sealed partial class VaultData
{
    private const string RetentionSettingsId = "retention";

    public RetentionSettings RetentionSettings() => Meta.FindById(RetentionSettingsId) is { } d
        ? new RetentionSettings(d["default"].IsNull ? null : RetentionPeriod.Parse(d["default"].AsString), d["warnDays"].AsInt32)
        : Records.RetentionSettings.Initial;

    public void SetRetentionSettings(RetentionSettings settings) => Meta.Upsert(new BsonDocument
    {
        ["_id"] = RetentionSettingsId,
        ["default"] = settings.Default is { } p ? new BsonValue(p.ToString()) : BsonValue.Null,
        ["warnDays"] = settings.WarnDays,
    });

    public CaseRetention? RetentionOf(string caseId) => RetentionDocuments.FindById(caseId) is { } d ? ToRetention(d) : null;

    public IReadOnlyDictionary<string, CaseRetention> AllRetention() =>
        RetentionDocuments.FindAll().Select(ToRetention).ToDictionary(r => r.CaseId, StringComparer.Ordinal);

    /// <summary>Stores the case's record, or removes it when it holds nothing (no own period, no hold).</summary>
    public void SetRetention(CaseRetention r)
    {
        if (r.Period is null && r.Hold is null)
        {
            RetentionDocuments.Delete(r.CaseId);
            return;
        }

        RetentionDocuments.Upsert(new BsonDocument
        {
            ["_id"] = r.CaseId,
            ["case"] = r.CaseId,
            ["period"] = r.Period is { } p ? new BsonValue(p.ToString()) : BsonValue.Null,
            ["hold"] = r.Hold is { } h ? new BsonDocument { ["since"] = h.Since, ["actor"] = h.Actor, ["reason"] = h.Reason } : BsonValue.Null,
        });
    }

    private static CaseRetention ToRetention(BsonDocument d) => new(
        d["_id"].AsString,
        d["period"].IsNull ? null : RetentionPeriod.Parse(d["period"].AsString),
        d["hold"].IsNull ? null : new LegalHold(d["hold"]["since"].AsString, d["hold"]["actor"].AsString, d["hold"]["reason"].AsString));

    private ILiteCollection<BsonDocument> RetentionDocuments => db.GetCollection(VaultSchema.RetentionCollection);
}
