using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Tests;

/// <summary>Fresh post-quantum keys for tests; the secret halves are discarded at once.</summary>
internal static class TestKeys
{
    public static string NewRecipient()
    {
        using var identity = MlKem768X25519Identity.Generate();
        return identity.Recipient.ToString();
    }

    /// <summary>Writes recipients.txt with one named recipient and returns that recipient.</summary>
    public static string WriteRecipientsFile(string dataDirectory, string name)
    {
        string recipient = NewRecipient();
        File.WriteAllText(Path.Combine(dataDirectory, "recipients.txt"), $"# {name}\n{recipient}\n");
        return recipient;
    }
}
