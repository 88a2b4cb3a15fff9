using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;

namespace WhistleSubmit.ReviewerConsole.Tests.Retention;

[TestFixture]
public sealed class RetentionStatusTests
{
    private const string LastActivity = "2024-02-29T23:59:59.999Z";
    private static readonly RetentionSettings ThreeYears = new(RetentionPeriod.Parse("3y"), 30);

    [Test]
    public void Of_ExpiryDayItself_Due()
    {
        // 29 February 2024 + 3y = 28 February 2027, whatever the time of day of the last activity.
        RetentionStatus status = RetentionStatus.Of(null, ThreeYears, LastActivity, new DateOnly(2027, 2, 28));

        Assert.That(status.State, Is.EqualTo(RetentionState.Due));
        Assert.That(status.Expires, Is.EqualTo(new DateOnly(2027, 2, 28)));
        Assert.That(status.DaysLeft, Is.Zero);
        Assert.That(status.Flag, Is.EqualTo("due"));
        Assert.That(status.Describe(), Does.Contain("DUE since 2027-02-28 (0 days ago)"));
    }

    [Test]
    public void Of_DayBeforeExpiry_ExpiringOneDayLeft()
    {
        RetentionStatus status = RetentionStatus.Of(null, ThreeYears, LastActivity, new DateOnly(2027, 2, 27));

        Assert.That(status.State, Is.EqualTo(RetentionState.Expiring));
        Assert.That(status.DaysLeft, Is.EqualTo(1));
        Assert.That(status.Flag, Is.EqualTo("exp:1d"));
    }

    [TestCase(2027, 1, 29, "Expiring", 30)]
    [TestCase(2027, 1, 28, "Kept", 31)]
    [TestCase(2027, 3, 1, "Due", -1)]
    [TestCase(2026, 2, 28, "Kept", 365)]
    public void Of_AroundTheWarningWindow_StateAndDaysLeft(int year, int month, int day, string state, int daysLeft)
    {
        RetentionStatus status = RetentionStatus.Of(null, ThreeYears, LastActivity, new DateOnly(year, month, day));

        Assert.That(status.State.ToString(), Is.EqualTo(state));
        Assert.That(status.DaysLeft, Is.EqualTo(daysLeft));
    }

    [Test]
    public void Of_CasePeriod_OverridesDefault()
    {
        var own = new CaseRetention("c", RetentionPeriod.Parse("10y"), null);

        RetentionStatus status = RetentionStatus.Of(own, ThreeYears, LastActivity, new DateOnly(2030, 1, 1));

        Assert.That(status.State, Is.EqualTo(RetentionState.Kept));
        Assert.That(status.FromDefault, Is.False);
        Assert.That(status.Expires, Is.EqualTo(new DateOnly(2034, 2, 28)));
    }

    [Test]
    public void Of_LegalHoldLongPastExpiry_HeldWithoutExpiry()
    {
        var own = new CaseRetention("c", null, new LegalHold("2025-01-02T10:00:00.000Z", "alice", "court order 24-cv-1"));

        RetentionStatus status = RetentionStatus.Of(own, ThreeYears, LastActivity, new DateOnly(2040, 1, 1));

        Assert.That(status.State, Is.EqualTo(RetentionState.Held));
        Assert.That(status.Expires, Is.Null);
        Assert.That(status.Flag, Is.EqualTo("hold"));
        Assert.That(status.Describe(), Does.Contain("LEGAL HOLD since 2025-01-02 by alice: court order 24-cv-1"));
    }

    [Test]
    public void Of_NoDefaultNoCasePeriod_Unlimited()
    {
        RetentionStatus status = RetentionStatus.Of(null, RetentionSettings.Initial, LastActivity, new DateOnly(2100, 1, 1));

        Assert.That(status.State, Is.EqualTo(RetentionState.Unlimited));
        Assert.That(status.Flag, Is.Null);
    }

    [Test]
    public void Of_WarnDaysZero_NoWarningUntilDue()
    {
        var settings = ThreeYears with { WarnDays = 0 };

        Assert.That(RetentionStatus.Of(null, settings, LastActivity, new DateOnly(2027, 2, 27)).State, Is.EqualTo(RetentionState.Kept));
        Assert.That(RetentionStatus.Of(null, settings, LastActivity, new DateOnly(2027, 2, 28)).State, Is.EqualTo(RetentionState.Due));
    }
}
