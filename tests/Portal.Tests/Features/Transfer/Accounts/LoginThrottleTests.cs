using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Accounts;

public class LoginThrottleTests
{
    [Test]
    public void GlobalWait_BurstSpent_WaitsUntilRefilled()
    {
        var time = new ManualTimeProvider();
        var throttle = new LoginThrottle(new TransferOptions { GlobalFailureBurst = 3, GlobalFailureRefillSeconds = 10 }, time);

        for (int i = 0; i < 3; i++)
        {
            Assert.That(throttle.GlobalWait(), Is.Null);
            throttle.RecordGlobalFailure();
        }

        var spent = throttle.GlobalWait();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(spent, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(throttle.GlobalWait(), Is.Null);
    }

    [Test]
    public void UnknownNameWait_LikeAnAccount_LocksAfterFreeAttempts()
    {
        var time = new ManualTimeProvider();
        var throttle = new LoginThrottle(new TransferOptions { FreeLoginAttempts = 2, LockoutSeconds = 60 }, time);

        throttle.RecordUnknownNameFailure("nobody");
        var afterOne = throttle.UnknownNameWait("nobody");
        throttle.RecordUnknownNameFailure("nobody");
        var afterTwo = throttle.UnknownNameWait("nobody");
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.That(afterOne, Is.Null);
        Assert.That(afterTwo, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(throttle.UnknownNameWait("nobody"), Is.Null);
        Assert.That(throttle.UnknownNameWait("someone-else"), Is.Null);
    }

    [Test]
    public void UnknownNameWait_LockedNameThenManyOtherNames_StillLocked()
    {
        // Issue 15: past 10,000 names the oldest were dropped, so spraying names reset a name's lockout.
        var time = new ManualTimeProvider();
        var throttle = new LoginThrottle(new TransferOptions { FreeLoginAttempts = 2, LockoutSeconds = 60 }, time);
        throttle.RecordUnknownNameFailure("target");
        throttle.RecordUnknownNameFailure("target");

        for (int i = 0; i < 20_000; i++)
        {
            throttle.RecordUnknownNameFailure($"spray-{i}");
        }

        Assert.That(throttle.UnknownNameWait("target"), Is.Not.Null);
    }
}
