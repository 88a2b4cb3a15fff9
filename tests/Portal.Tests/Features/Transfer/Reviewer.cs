using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using WhistleSubmit.Portal.Admin;
using WhistleSubmit.Portal.Features.Transfer.Accounts;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>A reviewer account made through the admin verb's code, with what it printed: the one-time password and the TOTP secret.</summary>
internal sealed partial record Reviewer(string Name, string Password, byte[] Secret)
{
    public static Reviewer Parse(string name, string output)
    {
        string password = PasswordLine().Match(output).Groups[1].Value;
        string secret = SecretLine().Match(output).Groups[1].Value;
        Assert.That(password, Is.Not.Empty, output);
        Assert.That(secret, Is.Not.Empty, output);
        return new Reviewer(name, password, Base32Encoding.ToBytes(secret));
    }

    public static Reviewer Add(PortalFactory factory, string name)
    {
        var response = factory.Services.GetRequiredService<AdminCommands>().Execute(new AdminRequest("reviewer", ["add", name]));
        Assert.That(response.ExitCode, Is.Zero, response.Output);
        return Parse(name, response.Output);
    }

    /// <summary>
    /// The code of the current 30-second step, or of the step offset from it. A second login in a test uses +1, not
    /// a past step: the server accepts one step either way, so a step boundary passing meanwhile cannot refuse it.
    /// </summary>
    public string Code(int stepOffset = 0) => TotpCodes.Compute(Secret, DateTimeOffset.UtcNow.AddSeconds(30 * stepOffset));

    [GeneratedRegex("one-time password: (\\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretLine();
}
