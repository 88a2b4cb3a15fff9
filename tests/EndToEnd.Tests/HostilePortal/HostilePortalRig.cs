using System.Buffers.Text;
using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.EndToEnd.Tests.Support;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13's hostile portal, with the real executables: a reviewer vault and key, a real portal in production mode
/// with that recipient, sources who submit through it (<see cref="NoJsSource"/>), and the compromised server's tools:
/// it reads the public recipients from /api/config like anyone, encrypts forged items to them, and rewrites a
/// submissions bundle's manifest (re-hashing every entry) between export and import.
/// </summary>
internal sealed class HostilePortalRig : IDisposable
{
    private const string Passphrase = "hostile portal passphrase for the vault";

    private readonly string root;
    private readonly Dictionary<string, string> reviewEnv;
    private readonly Dictionary<string, string> portalEnv;
    private readonly string vault;
    private readonly string portal;
    private PortalServer? server;
    private int bundles;

    private HostilePortalRig(string root)
    {
        this.root = root;
        vault = Path.Combine(root, "vault");
        portal = Path.Combine(root, "portal");
        string passphraseFile = Path.Combine(root, "passphrase");
        File.WriteAllText(passphraseFile, Passphrase + "\n");
        reviewEnv = new Dictionary<string, string> { ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = passphraseFile };
        portalEnv = Executables.ProductionPortalEnvironment();
    }

    public Uri Address => server!.Address;

    public string Root => root;

    public static async Task<HostilePortalRig> StartAsync()
    {
        var rig = new HostilePortalRig(Directory.CreateTempSubdirectory("whistle-hostile-").FullName);
        try
        {
            rig.Review("init", "--kdf-memory", "19");
            rig.Review("keygen", "--name", "ana");
            // The portal takes the reviewers' keys as a set signed with the team key (protocol v2, P5).
            rig.Review("team", "keygen");
            Executables.KeyCeremony(rig.Review, rig.Portal, rig.root, rig.portal);
            rig.server = await Executables.StartPortalAsync(["--production", "true", "--data", rig.portal, "--port", "0", "--transfer-port", "0"], rig.portalEnv);
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    public string Review(params string[] args) => Executables.Succeed("whistle-review.dll", ["--data", vault, "--as", "ana", .. args], reviewEnv);

    public string Portal(params string[] args) => Executables.Succeed("whistle-portal.dll", [.. args, "--data", portal], portalEnv);

    /// <summary>The portal exports everything waiting into a new bundle; returns its path.</summary>
    public string Export()
    {
        string bundle = Path.Combine(root, $"submissions-{++bundles}.wsbundle");
        Portal("export", "--out", bundle);
        return bundle;
    }

    /// <summary>The console imports a bundle; returns what it printed.</summary>
    public string Import(string bundle) => Review("import", bundle, "--receipt", bundle + ".receipt.json");

    /// <summary>'show --json' of the case holding item <paramref name="itemId"/>.</summary>
    public JsonElement CaseOfItem(string itemId)
    {
        foreach (JsonElement c in Cases())
        {
            using JsonDocument show = JsonDocument.Parse(Review("show", c.GetProperty("fullId").GetString()!, "--json"));
            if (show.RootElement.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == itemId))
            {
                return show.RootElement.Clone();
            }
        }

        throw new AssertionException($"no case holds item {itemId}");
    }

    /// <summary>'list --json'.</summary>
    public IReadOnlyList<JsonElement> Cases()
    {
        using JsonDocument list = JsonDocument.Parse(Review("list", "--json"));
        return [.. list.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The reviewers' recipients as the portal publishes them to every browser (GET /api/config).</summary>
    public async Task<IReadOnlyList<string>> PublicRecipientsAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        using JsonDocument config = JsonDocument.Parse(await http.GetStringAsync("/api/config"));
        // The signed set's payload is readable by anyone; the attacker needs no key to learn the recipients.
        using JsonDocument envelope = JsonDocument.Parse(config.RootElement.GetProperty("recipientSet").GetString()!);
        byte[] payload = Base64Url.DecodeFromChars(envelope.RootElement.GetProperty("payload").GetString());
        return RecipientSet.ParsePayload(payload).Recipients;
    }

    /// <summary>What an attacker can make: a container of its own choosing, encrypted to the public recipients.</summary>
    public static byte[] Forge(IReadOnlyList<string> recipients, ReportV1? report, MessageV1? message)
    {
        using var plaintext = new MemoryStream();
        using (SubmissionWriter writer = report is not null
            ? new SubmissionWriter(plaintext, report, leaveOpen: true)
            : new SubmissionWriter(plaintext, message!, leaveOpen: true))
        {
            writer.Complete();
        }

        return AgeEncryption.Encrypt(plaintext.ToArray(), [.. recipients.Select(AgeKeys.ParseRecipient)]);
    }

    /// <summary>The items of a bundle with their ciphertext.</summary>
    public static List<TamperedItem> Read(string bundle)
    {
        using FileStream file = File.OpenRead(bundle);
        using BundleReader reader = BundleReader.Open(file);
        var items = new List<TamperedItem>();
        foreach (BundleItem item in reader.Manifest.Items)
        {
            using Stream data = reader.OpenItem(item.Id);
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            items.Add(new TamperedItem(item.Id, item.MailboxId, item.Kind, copy.ToArray()));
        }

        return items;
    }

    /// <summary>Writes a new, internally consistent submissions bundle (fresh manifest and hashes) of these items.</summary>
    public string Write(IEnumerable<TamperedItem> items)
    {
        string path = Path.Combine(root, $"tampered-{++bundles}.wsbundle");
        var writer = new BundleWriter(BundleKind.Submissions, DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (TamperedItem item in items)
        {
            writer.Add(item.Id, item.MailboxId, item.Kind, item.Ciphertext.Length, () => new MemoryStream(item.Ciphertext));
        }

        using FileStream output = File.Create(path);
        writer.WriteTo(output);
        return path;
    }

    public void Dispose()
    {
        server?.Dispose();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>A bundle item as the compromised portal handles it: id, the mailbox it files it under, kind, ciphertext.</summary>
internal sealed record TamperedItem(string Id, string MailboxId, BundleItemKind Kind, byte[] Ciphertext);
