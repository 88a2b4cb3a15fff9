using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Tests.Features.NoScript;

[TestFixture]
public sealed class FormTokensTests
{
    [Test]
    public void Spend_TooSoonOnAPageThatShowsTheFormAgain_CannotBeReplayed()
    {
        var tokens = Create();
        string ticket = tokens.Issue();

        Assert.That(tokens.Spend(ticket, spendWhenTooSoon: true), Is.EqualTo(FormTokenCheck.TooSoon));
        Assert.That(tokens.Spend(ticket, spendWhenTooSoon: true), Is.EqualTo(FormTokenCheck.Reused));
    }

    [Test]
    public void Spend_TooSoonOnTheReportForm_KeepsTheTicketForLater()
    {
        var tokens = Create();
        string ticket = tokens.Issue();

        Assert.That(tokens.Spend(ticket), Is.EqualTo(FormTokenCheck.TooSoon));
        Assert.That(tokens.Spend(ticket), Is.EqualTo(FormTokenCheck.TooSoon));
    }

    private static FormTokens Create() => new(
        new EphemeralDataProtectionProvider(),
        TimeProvider.System,
        Options.Create(new NoJsOptions { FormTokenMinAgeSeconds = 3600 }));
}
