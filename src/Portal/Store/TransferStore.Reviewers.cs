using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Reviewer accounts of the transfer interface. Login state (failed attempts, lockout, last accepted TOTP step) is
/// kept here, durably, so a restart neither resets a lockout nor makes a used code valid again.
/// </summary>
public sealed partial class TransferStore
{
    private const string Reviewers = "reviewers";

    public ReviewerAccount? FindReviewer(string name) =>
        Read(db => db.GetCollection(Reviewers).FindById(name) is { } doc ? ToAccount(doc) : null);

    public IReadOnlyList<ReviewerAccount> ListReviewers() =>
        Read(db => db.GetCollection(Reviewers).FindAll().Select(ToAccount).OrderBy(a => a.Name, StringComparer.Ordinal).ToList());

    /// <summary>False if an account of that name exists.</summary>
    public bool AddReviewer(ReviewerAccount account) => Write(db =>
    {
        var reviewers = db.GetCollection(Reviewers);
        if (reviewers.FindById(account.Name) is not null)
        {
            return false;
        }

        reviewers.Insert(ToDocument(account));
        return true;
    });

    /// <summary>Replaces an existing account whole (reset); false if there is none.</summary>
    public bool ReplaceReviewer(ReviewerAccount account) =>
        Write(db => db.GetCollection(Reviewers).Update(ToDocument(account)));

    public bool RemoveReviewer(string name) => Write(db => db.GetCollection(Reviewers).Delete(name));

    /// <summary>
    /// Records a successful login with the code's time step, in one transaction with the replay check: false (and
    /// nothing changed) if that step, or a later one, was accepted before, or the account changed since it was read.
    /// </summary>
    public bool AcceptLogin(string name, string stamp, long totpStep) => Write(db =>
    {
        var reviewers = db.GetCollection(Reviewers);
        if (reviewers.FindById(name) is not { } doc || ToAccount(doc) is not { } account
            || account.Stamp != stamp || totpStep <= account.LastTotpStep)
        {
            return false;
        }

        reviewers.Update(ToDocument(account with
        {
            LastTotpStep = totpStep, FailedLogins = 0, LockedUntil = null, LastLoginDay = Today,
        }));
        return true;
    });

    /// <summary>Counts a failed login; lockFor(failures) says how long the account is now locked (null: not at all).</summary>
    public ReviewerAccount? RecordLoginFailure(string name, Func<int, TimeSpan?> lockFor)
    {
        ArgumentNullException.ThrowIfNull(lockFor);
        var now = Time.GetUtcNow();
        return Write(db =>
        {
            var reviewers = db.GetCollection(Reviewers);
            if (reviewers.FindById(name) is not { } doc)
            {
                return null;
            }

            var account = ToAccount(doc);
            int failures = account.FailedLogins == int.MaxValue ? int.MaxValue : account.FailedLogins + 1;
            var updated = account with { FailedLogins = failures, LockedUntil = lockFor(failures) is { } span ? now + span : account.LockedUntil };
            reviewers.Update(ToDocument(updated));
            return updated;
        });
    }

    /// <summary>Sets a new password hash and stamp (ending older sessions), if the account is still the one read.</summary>
    public bool ChangeReviewerPassword(string name, string oldStamp, string passwordHash, string newStamp) => Write(db =>
    {
        var reviewers = db.GetCollection(Reviewers);
        if (reviewers.FindById(name) is not { } doc || ToAccount(doc) is not { } account || account.Stamp != oldStamp)
        {
            return false;
        }

        reviewers.Update(ToDocument(account with { PasswordHash = passwordHash, MustChangePassword = false, Stamp = newStamp }));
        return true;
    });

    private static BsonDocument ToDocument(ReviewerAccount a) => new()
    {
        ["_id"] = a.Name,
        ["hash"] = a.PasswordHash,
        ["totp"] = a.TotpSecret,
        ["step"] = a.LastTotpStep,
        ["mustChange"] = a.MustChangePassword,
        ["created"] = a.CreatedDay,
        ["lastLogin"] = a.LastLoginDay is null ? BsonValue.Null : a.LastLoginDay,
        ["failures"] = a.FailedLogins,
        ["lockedUntil"] = a.LockedUntil is { } until ? until.ToUnixTimeMilliseconds() : BsonValue.Null,
        ["stamp"] = a.Stamp,
    };

    private static ReviewerAccount ToAccount(BsonDocument d) => new(
        d["_id"].AsString,
        d["hash"].AsString,
        d["totp"].AsBinary,
        d["step"].AsInt64,
        d["mustChange"].AsBoolean,
        d["created"].AsString,
        d["lastLogin"].IsNull ? null : d["lastLogin"].AsString,
        d["failures"].AsInt32,
        d["lockedUntil"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["lockedUntil"].AsInt64),
        d["stamp"].AsString);
}
