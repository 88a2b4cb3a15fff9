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
        fixture.Transfer.AddReviewer(new ReviewerAccount("ana", "$argon2id$unused", new byte[20], 0, true, "2026-11-27", null, 0, null, "s1"));
    }

    [TearDown]
    public void TearDown() => fixture.Dispose();

    [Test]
    public void AcceptLogin_StepNotAfterTheLastAccepted_RefusedEvenAfterReopen()
    {
        bool first = fixture.Transfer.AcceptLogin("ana", "s1", 1000);
        fixture.Reopen();

        Assert.That(first, Is.True);
        Assert.That(fixture.Transfer.AcceptLogin("ana", "s1", 1000), Is.False);
        Assert.That(fixture.Transfer.AcceptLogin("ana", "s1", 999), Is.False);
        Assert.That(fixture.Transfer.AcceptLogin("ana", "old-stamp", 1001), Is.False);
        Assert.That(fixture.Transfer.AcceptLogin("ana", "s1", 1001), Is.True);
        Assert.That(fixture.Transfer.FindReviewer("ana")!.LastLoginDay, Is.EqualTo("2026-11-27"));
    }

    [Test]
    public void RecordLoginFailure_Reopened_LockoutKeptUntilItsTime()
    {
        for (int i = 0; i < 5; i++)
        {
            fixture.Transfer.RecordLoginFailure("ana", n => n >= 5 ? TimeSpan.FromMinutes(1) : null);
        }

        fixture.Reopen();
        var locked = fixture.Transfer.FindReviewer("ana")!;

        Assert.That(locked.FailedLogins, Is.EqualTo(5));
        Assert.That(locked.LockedUntil, Is.EqualTo(fixture.Time.GetUtcNow().AddMinutes(1)));
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
        Assert.That(entries[1].Time - entries[2].Time, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(entries.Select(e => e.Hash).Distinct().Count(), Is.EqualTo(3));
        Assert.That(fixture.Transfer.VerifyAuditChain(), Is.True);
        Assert.That(fixture.Transfer.ListAudit(2), Has.Count.EqualTo(2));
    }
}
