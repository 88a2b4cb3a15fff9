using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Bench.PortalLoad;

/// <summary>Real age files to the portal's recipients (the server checks the header shape), made once before timing.</summary>
public static class Ciphertexts
{
    /// <summary>The recipients of /api/config's signed set, verified under the key in /js/team.js, as the browser does.</summary>
    public static async Task<IReadOnlyList<IRecipient>> RecipientsAsync(HttpClient http)
    {
        var config = await http.GetFromJsonAsync<JsonObject>(new Uri("/api/config", UriKind.Relative));
        string script = await http.GetStringAsync(new Uri("/js/team.js", UriKind.Relative));
        var team = TeamPublicKey.Parse(script.Split('"')[1]);
        byte[] envelope = System.Text.Encoding.UTF8.GetBytes(config!["recipientSet"]!.GetValue<string>());
        return [.. RecipientSet.Open(envelope, team).Recipients.Select(AgeKeys.ParseRecipient)];
    }

    /// <summary>An age file whose total length is exactly bytes (the plaintext is sized to fit).</summary>
    public static byte[] Exactly(IReadOnlyList<IRecipient> recipients, int bytes)
    {
        int overhead = AgeEncryption.Encrypt(new byte[1], recipients).Length - 1;
        return AgeEncryption.Encrypt(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes - overhead), recipients);
    }

    /// <summary>A real header (version line, stanzas, MAC) to put in front of a synthetic payload.</summary>
    public static byte[] Header(IReadOnlyList<IRecipient> recipients)
    {
        byte[] file = AgeEncryption.Encrypt([], recipients);
        int mac = System.Text.Encoding.ASCII.GetString(file).IndexOf("\n---", StringComparison.Ordinal) + 1;
        int end = Array.IndexOf(file, (byte)'\n', mac) + 1;
        return file[..end];
    }
}
