using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Accounts;

public class LoginServiceTests
{
    [Test]
    public async Task LoginAsync_ConcurrentBurstOfWrongPasswords_LockoutStopsTheRest()
    {
        // Issue 15: the lockout was checked before the Argon2 queue, so every attempt of a burst was evaluated.
        using var factory = new PortalFactory(new Dictionary<string, string> { ["Portal:Transfer:GlobalFailureBurst"] = "1000" });
        factory.Start();
        var reviewer = Reviewer.Add(factory, "dana");
        var login = factory.Services.GetRequiredService<LoginService>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => login.LoginAsync("dana", "wrong passphrase", "000000"))));

        var account = factory.Services.GetRequiredService<TransferStore>().FindReviewer(reviewer.Name);
        Assert.That(account!.FailedLogins, Is.EqualTo(5), "five free attempts, then the lockout answers without Argon2");
        Assert.That(account.LockedUntil, Is.Not.Null);
    }

    [Test]
    public async Task LoginAsync_CodesFromBeforeTheStartAfterALoginToday_RefusedButNoFailureCounted()
    {
        // Issue 14 audit: the guard was made at the first login, hours after the start, and each refusal of a right
        // code counted as a failure: a reviewer who logged in earlier that day was locked out until midnight.
        using var factory = new PortalFactory(new Dictionary<string, string> { ["Portal:Transfer:GlobalFailureBurst"] = "1000" });
        factory.Start();
        var reviewer = Reviewer.Add(factory, "erin");
        var store = factory.Services.GetRequiredService<TransferStore>();
        Assert.That(store.AcceptLogin(reviewer.Name, store.FindReviewer(reviewer.Name)!.Stamp), Is.True, "logged in today");
        var login = factory.Services.GetRequiredService<LoginService>();

        // The previous step's code: one a process before this start may have accepted.
        for (var i = 0; i < 7; i++)
        {
            var outcome = await login.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code(-1));
            Assert.That(outcome.ReplayedCode, Is.True, $"attempt {i + 1}");
        }

        var account = store.FindReviewer(reviewer.Name);
        Assert.That(account!.FailedLogins, Is.Zero);
        Assert.That(account.LockedUntil, Is.Null);
    }
}
