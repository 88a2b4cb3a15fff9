using System.Globalization;
using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Reviewer accounts of the transfer interface. Login state is kept here to the UTC day only (issue 14): failed
/// attempts, the day of the last login, and the day a lockout ends. The exact end of a lockout is held in memory
/// (<see cref="PortalDatabase.ExactLockouts"/>); after a restart a lockout lasts to the end of its day, so a restart
/// never shortens one. TOTP replay protection is in memory too (<c>TotpReplayGuard</c>): no step is stored.
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

        reviewers.Insert(Persist(account));
        return true;
    });

    /// <summary>Replaces an existing account whole (reset); false if there is none.</summary>
    public bool ReplaceReviewer(ReviewerAccount account) =>
        Write(db => db.GetCollection(Reviewers).Update(Persist(account)));

    public bool RemoveReviewer(string name)
    {
        database.ExactLockouts.TryRemove(name, out _);
        return Write(db => db.GetCollection(Reviewers).Delete(name));
    }

    /// <summary>
    /// Records a successful login (the day, and no failures or lockout any more): false, and nothing changed, if the
    /// account changed since it was read. The caller has already refused a replayed code.
    /// </summary>
    public bool AcceptLogin(string name, string stamp) => Write(db =>
    {
        var reviewers = db.GetCollection(Reviewers);
        if (reviewers.FindById(name) is not { } doc || ToAccount(doc) is not { } account || account.Stamp != stamp)
        {
            return false;
        }

        reviewers.Update(Persist(account with { FailedLogins = 0, LockedUntil = null, LastLoginDay = Today }));
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
            reviewers.Update(Persist(updated));
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

        reviewers.Update(Persist(account with { PasswordHash = passwordHash, MustChangePassword = false, Stamp = newStamp }));
        return true;
    });

    /// <summary>The account's document (a lockout by its UTC day only), keeping its exact lockout in memory.</summary>
    private BsonDocument Persist(ReviewerAccount a)
    {
        if (a.LockedUntil is { } exact)
        {
            database.ExactLockouts[a.Name] = exact;
        }
        else
        {
            database.ExactLockouts.TryRemove(a.Name, out _);
        }

        return new BsonDocument
        {
            ["_id"] = a.Name,
            ["hash"] = a.PasswordHash,
            ["totp"] = a.TotpSecret,
            ["mustChange"] = a.MustChangePassword,
            ["created"] = a.CreatedDay,
            ["lastLogin"] = a.LastLoginDay is null ? BsonValue.Null : a.LastLoginDay,
            ["failures"] = a.FailedLogins,
            ["lockedDay"] = a.LockedUntil is { } until ? DayOf(until) : BsonValue.Null,
            ["stamp"] = a.Stamp,
        };
    }

    // Stores of before issue 14 hold "lockedUntil" in milliseconds and a "step": read as their day, rewritten on the next change.
    private ReviewerAccount ToAccount(BsonDocument d)
    {
        string name = d["_id"].AsString;
        string? lockedDay = d["lockedDay"].IsString ? d["lockedDay"].AsString
            : d["lockedUntil"].IsInt64 ? DayOf(DateTimeOffset.FromUnixTimeMilliseconds(d["lockedUntil"].AsInt64)) : null;
        DateTimeOffset? lockedUntil = database.ExactLockouts.TryGetValue(name, out var exact) ? exact
            : lockedDay is null ? null
            : DateTimeOffset.ParseExact(lockedDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddDays(1);
        return new ReviewerAccount(
            name,
            d["hash"].AsString,
            d["totp"].AsBinary,
            d["mustChange"].AsBoolean,
            d["created"].AsString,
            d["lastLogin"].IsNull ? null : d["lastLogin"].AsString,
            d["failures"].AsInt32,
            lockedUntil,
            d["stamp"].AsString);
    }

    private static string DayOf(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
