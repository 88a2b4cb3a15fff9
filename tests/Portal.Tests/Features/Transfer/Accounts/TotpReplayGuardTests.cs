using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Accounts;

/// <summary>Issue 14: a used TOTP step is refused with no step on disk, also right after a restart.</summary>
public class TotpReplayGuardTests
{
    [Test]
    public void TryUse_SameOrEarlierStep_RefusedLaterAccepted()
    {
        var time = new ManualTimeProvider();
        var guard = new TotpReplayGuard(time);
        long step = TotpCodes.StepAt(time.GetUtcNow()) + 5;

        Assert.That(guard.TryUse("ana", step, lastLoginDay: null), Is.EqualTo(TotpUse.Fresh));
        Assert.That(guard.TryUse("ana", step, "2026-11-27"), Is.EqualTo(TotpUse.Replayed));
        Assert.That(guard.TryUse("ana", step - 1, "2026-11-27"), Is.EqualTo(TotpUse.Replayed));
        Assert.That(guard.TryUse("bo", step, null), Is.EqualTo(TotpUse.Fresh), "per account");
        Assert.That(guard.TryUse("ana", step + 1, "2026-11-27"), Is.EqualTo(TotpUse.Fresh));
    }

    [Test]
    public void TryUse_AfterRestartWithALoginToday_StepsThatCouldHaveBeenUsedBeforeRefused()
    {
        var time = new ManualTimeProvider();
        long now = TotpCodes.StepAt(time.GetUtcNow());
        var restarted = new TotpReplayGuard(time);

        // Before the restart a code of step now + 1 (one step of drift) may have been accepted, and replays within the window.
        Assert.That(restarted.TryUse("ana", now + 1, "2026-11-27"), Is.EqualTo(TotpUse.BeforeStart));
        Assert.That(restarted.TryUse("ana", now, "2026-11-27"), Is.EqualTo(TotpUse.BeforeStart));
        Assert.That(restarted.TryUse("ana", now + 2, "2026-11-27"), Is.EqualTo(TotpUse.Fresh), "a step no earlier process could have accepted");
    }

    [Test]
    public void TryUse_AfterRestartWithNoRecentLogin_AcceptedAtOnce()
    {
        var time = new ManualTimeProvider();
        long now = TotpCodes.StepAt(time.GetUtcNow());
        var restarted = new TotpReplayGuard(time);

        Assert.That(restarted.TryUse("ana", now, lastLoginDay: null), Is.EqualTo(TotpUse.Fresh), "never logged in");
        Assert.That(restarted.TryUse("bo", now, "2026-11-26"), Is.EqualTo(TotpUse.Fresh), "last login yesterday: more than the window before a start at noon");
    }

    [Test]
    public void TryUse_RestartJustAfterMidnight_YesterdaysLoginStillBlocksTheWindow()
    {
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(30));
        long now = TotpCodes.StepAt(time.GetUtcNow());
        var restarted = new TotpReplayGuard(time);

        Assert.That(restarted.TryUse("ana", now, "2026-11-27"), Is.EqualTo(TotpUse.BeforeStart), "a login at 23:59:50 may still replay at 00:00:30");
    }
}
