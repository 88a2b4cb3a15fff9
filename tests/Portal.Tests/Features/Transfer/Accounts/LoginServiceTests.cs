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
}
