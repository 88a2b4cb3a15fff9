using System.Text;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Accounts;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Accounts;

public class PasswordHasherTests
{
    private static readonly PasswordHasher Hasher = new(new TransferOptions { Argon2MemoryKiB = 256, Argon2Iterations = 1 });

    [Test]
    public void Hash_Phc_CarriesItsParameters()
    {
        string phc = Hasher.Hash("a passphrase of words");

        Assert.That(phc, Does.Match(@"^\$argon2id\$v=19\$m=256,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$"));
        Assert.That(Hasher.Hash("a passphrase of words"), Is.Not.EqualTo(phc), "a fresh salt each time");
    }

    [Test]
    public void Verify_RightWrongAndNoAccount_OnlyRightIsTrue()
    {
        string phc = Hasher.Hash("a passphrase of words");

        Assert.That(Hasher.Verify(phc, "a passphrase of words"), Is.True);
        Assert.That(Hasher.Verify(phc, "a passphrase of wordz"), Is.False);
        Assert.That(Hasher.Verify(null, "a passphrase of words"), Is.False);
    }

    [Test]
    public void Verify_OtherCostThanConfigured_UsesTheStoredOne()
    {
        string phc = new PasswordHasher(new TransferOptions { Argon2MemoryKiB = 512, Argon2Iterations = 2 }).Hash("señal de contraseña");

        Assert.That(Hasher.Verify(phc, "señal de contraseña"), Is.True);
    }

    [Test]
    public void Verify_DecomposedAccents_SameAsComposed()
    {
        string phc = Hasher.Hash("contraseña larga de verdad".Normalize(NormalizationForm.FormC));

        Assert.That(Hasher.Verify(phc, "contraseña larga de verdad".Normalize(NormalizationForm.FormD)), Is.True);
    }

    [Test]
    public void Options_ProductionBelowFloor_Invalid()
    {
        Assert.That(new TransferOptions { Argon2MemoryKiB = 256, Argon2Iterations = 1 }.IsValid(production: true), Is.False);
        Assert.That(new TransferOptions { Argon2MemoryKiB = 256, Argon2Iterations = 1 }.IsValid(production: false), Is.True);
        Assert.That(new TransferOptions().IsValid(production: true), Is.True);
    }

    [Test]
    public void LockoutAfter_FreeAttemptsThenDoublingToTheCap()
    {
        var options = new TransferOptions { FreeLoginAttempts = 5, LockoutSeconds = 60, MaxLockoutSeconds = 3600 };

        Assert.That(options.LockoutAfter(4), Is.Null);
        Assert.That(options.LockoutAfter(5), Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(options.LockoutAfter(6), Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(options.LockoutAfter(100), Is.EqualTo(TimeSpan.FromSeconds(3600)));
    }
}
