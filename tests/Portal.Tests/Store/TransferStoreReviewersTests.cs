using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>Reviewer accounts and the audit log in the store: login state survives a restart; the log chains.</summary>
public class TransferStoreReviewersTests
{
    private StoreFixture fixture = null!;

    [SetUp]
    public void SetUp()
    {
        fixture = new StoreFixture();
        fixture.Transfer.AddReviewer(new ReviewerAccount("ana", "$argon2id$unused", new byte[20], true, "2026-11-27", null, 0, null, "s1"));
    }

    [TearDown]
    public void TearDown() => fixture.Dispose();

    [Test]
    public void AcceptLogin_AccountChangedSinceRead_RefusedElseDayRecorded()
    {
        Assert.That(fixture.Transfer.AcceptLogin("ana", "old-stamp"), Is.False);
        Assert.That(fixture.Transfer.FindReviewer("ana")!.LastLoginDay, Is.Null);
        Assert.That(fixture.Transfer.AcceptLogin("ana", "s1"), Is.True);
        Assert.That(fixture.Transfer.FindReviewer("ana")!.LastLoginDay, Is.EqualTo(fixture.Store.Today));
    }

    [Test]
    public void RecordLoginFailure_Locked_ExactInThisProcessAndToTheEndOfTheDayAfterReopen()
    {
        fixture.Time.Advance(TimeSpan.FromHours(1.25));
        for (int i = 0; i < 5; i++)
        {
            fixture.Transfer.RecordLoginFailure("ana", n => n >= 5 ? TimeSpan.FromMinutes(1) : null);
        }

        var exact = fixture.Transfer.FindReviewer("ana")!;
        fixture.Reopen();
        var reopened = fixture.Transfer.FindReviewer("ana")!;
        var now = fixture.Time.GetUtcNow();

        Assert.That(exact.LockedUntil, Is.EqualTo(now.AddMinutes(1)));
        Assert.That(reopened.FailedLogins, Is.EqualTo(5));
        Assert.That(reopened.LockedUntil, Is.EqualTo(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero)),
            "the store keeps the day only; a restart never shortens a lockout");
        Assert.That(fixture.Transfer.AcceptLogin("ana", "s1"), Is.True);
        Assert.That(fixture.Transfer.FindReviewer("ana")!.LockedUntil, Is.Null);
    }

    [Test]
    public void AppendAudit_SeveralThenReopen_ChainVerifiesNewestFirst()
    {
        fixture.Transfer.AppendAudit("ana", "login", string.Empty);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        fixture.Transfer.AppendAudit("ana", "export", "3 items");
        fixture.Reopen();
        fixture.Transfer.AppendAudit("-", "login-failed", "no such account");

        var entries = fixture.Transfer.ListAudit(10);

        Assert.That(entries.Select(e => e.Sequence), Is.EqualTo(new long[] { 3, 2, 1 }));
        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[] { "login-failed", "export", "login" }));
        Assert.That(entries.Select(e => e.Time), Is.All.EqualTo(new DateTimeOffset(fixture.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero)),
            "the day only");
        Assert.That(entries.Select(e => e.Hash).Distinct().Count(), Is.EqualTo(3));
        Assert.That(fixture.Transfer.VerifyAuditChain(), Is.True);
        Assert.That(fixture.Transfer.ListAudit(2), Has.Count.EqualTo(2));
    }
}
