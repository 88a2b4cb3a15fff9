using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>Two fixed team keys for tests of signed formats: the trusted team's, and another one.</summary>
internal static class TestTeamKeys
{
    public static readonly TeamSigningKey Team = TeamSigningKey.FromSeeds(new byte[32], Enumerable.Repeat((byte)1, 32).ToArray());

    public static readonly TeamSigningKey Other = TeamSigningKey.FromSeeds(Enumerable.Repeat((byte)2, 32).ToArray(), new byte[32]);
}
