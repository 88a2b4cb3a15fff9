using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Sessions;

public class ReviewerSessionsTests
{
    private StoreFixture fixture = null!;
    private ReviewerSessions sessions = null!;
    private ReviewerAccount account = null!;

    [SetUp]
    public void SetUp()
    {
        fixture = new StoreFixture();
        sessions = new ReviewerSessions(fixture.Transfer, new TransferOptions { SessionIdleMinutes = 15, SessionAbsoluteHours = 8 }, fixture.Time);
        account = new ReviewerAccount("ana", "$argon2id$unused", new byte[20], false, "2026-11-27", null, 0, null, "stamp-1");
        fixture.Transfer.AddReviewer(account);
    }

    [TearDown]
    public void TearDown() => fixture.Dispose();

    [Test]
    public void Find_UsedWithinIdleTimeout_KeptUpToTheAbsoluteTimeout()
    {
        var (cookie, _) = sessions.Open(account);
        for (int i = 0; i < 34; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(14));
            Assert.That(sessions.Find(cookie), Is.Not.Null, $"after {(i + 1) * 14} minutes");
        }

        fixture.Time.Advance(TimeSpan.FromMinutes(14));

        Assert.That(sessions.Find(cookie), Is.Null, "8 hours after login");
    }

    [Test]
    public void Find_IdleFifteenMinutes_Ended()
    {
        var (cookie, _) = sessions.Open(account);
        fixture.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.That(sessions.Find(cookie), Is.Null);
    }

    [Test]
    public void Find_AccountStampChangedOrRemoved_Ended()
    {
        var (first, _) = sessions.Open(account);
        var (second, _) = sessions.Open(account);

        fixture.Transfer.ChangeReviewerPassword("ana", "stamp-1", "$argon2id$other", "stamp-2");
        var afterChange = sessions.Find(first);
        fixture.Transfer.RemoveReviewer("ana");

        Assert.That(afterChange, Is.Null);
        Assert.That(sessions.Find(second), Is.Null);
    }

    [Test]
    public void Find_ForgedOrMalformedCookie_Null()
    {
        sessions.Open(account);

        Assert.That(sessions.Find(null), Is.Null);
        Assert.That(sessions.Find(new string('A', 43)), Is.Null);
        Assert.That(sessions.Find("short"), Is.Null);
    }
}
