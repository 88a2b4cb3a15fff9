using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// The import receipt: what the reviewer console writes after importing a submissions bundle, and the portal reads to
/// delete what the vault now holds. It lists every item of that bundle now in the vault (new and already present). The
/// portal deletes only items it exported in the bundle with that SHA-256, so a receipt for another bundle deletes
/// nothing. Ids and hashes only: no plaintext. Unknown fields are refused.
/// <para>
/// Version 1 (<c>{"v":1,"bundleSha256":…,"items":[…]}</c>) is plain JSON that anyone could write; the portal no longer
/// acts on it. Version 2 (protocol v2, P6) adds <c>auditHead</c>, the console's audit-chain head after the import, and
/// travels only as the payload of a signed document of type <see cref="SignedType"/>: a compromised online machine or
/// portal cannot forge one to purge items not yet imported.
/// </para>
/// </summary>
public sealed record ImportReceipt
{
    /// <summary>Largest receipt in bytes (the payload; its envelope may be larger, up to <see cref="SignedDocument.MaxBytes"/>).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Most items: as many as a bundle holds under <see cref="BundleLimits.Default"/>.</summary>
    public const int MaxItems = 100_000;

    /// <summary>The signed-document type of a version 2 receipt.</summary>
    public const string SignedType = "import-receipt";

    /// <summary>Format version: 2 for what the console writes now; 1 only in receipts from before protocol v2.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 2;

    /// <summary>SHA-256 of the whole bundle file, 64 lower-case hex digits.</summary>
    public required string BundleSha256 { get; init; }

    /// <summary>The item ids (32 lower-case hex digits each), in bundle order, each once.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Version 2: the console's audit-chain head after the import, 64 lower-case hex digits. Absent in version 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuditHead { get; init; }

    /// <summary>Null unless <paramref name="json"/> is a well-formed version 1 or version 2 receipt payload within the limits. Signs nothing, checks no signature.</summary>
    public static ImportReceipt? Parse(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxBytes || !Utf8.IsValid(json) || json.StartsWith("\uFEFF"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, BundleJsonContext.Default.ImportReceipt) is { } receipt && receipt.IsValid()
                ? receipt
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The version 2 receipt in <paramref name="envelope"/> if it is a signed document of type <see cref="SignedType"/>
    /// that verifies under <paramref name="key"/> and whose payload is a well-formed version 2 receipt.
    /// </summary>
    /// <exception cref="SignatureException">Not a verifying envelope of that type (a version 1 receipt is <see cref="SignatureFailure.NotAnEnvelope"/>).</exception>
    /// <exception cref="FormatException">Signed by the team, but the payload is not a version 2 receipt (a console bug; never acted on).</exception>
    public static ImportReceipt OpenSigned(ReadOnlySpan<byte> envelope, TeamPublicKey key)
    {
        byte[] payload = SignedDocument.Open(envelope, key, SignedType);
        return Parse(payload) is { V: 2 } receipt ? receipt : throw new FormatException("The signed receipt's payload is not a version 2 receipt.");
    }

    /// <summary>Whether <paramref name="json"/> is a well-formed but unsigned version 1 receipt (so a refusal can name the fix).</summary>
    public static bool IsUnsignedV1(ReadOnlySpan<byte> json) => Parse(json) is { V: 1 };

    /// <summary>The receipt as UTF-8 JSON (a version 2 receipt's signed payload, or a version 1 receipt).</summary>
    /// <exception cref="ArgumentException">The receipt is not one <see cref="Parse"/> would accept.</exception>
    public byte[] ToJson()
    {
        if (!IsValid())
        {
            throw new ArgumentException("The receipt is not a well-formed receipt.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(this, BundleJsonContext.Default.ImportReceipt);
    }

    /// <summary>The version 2 receipt as a signed document of type <see cref="SignedType"/> (what the console writes to disk).</summary>
    /// <exception cref="ArgumentException">The receipt is not a well-formed version 2 receipt.</exception>
    public byte[] ToSignedDocument(TeamSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (V != 2)
        {
            throw new ArgumentException("Only a version 2 receipt is signed.");
        }

        return SignedDocument.Create(key, SignedType, ToJson());
    }

    private bool IsValid() =>
        (V == 1 ? AuditHead is null : V == 2 && BundleItem.IsValidSha256Hex(AuditHead))
        && BundleItem.IsValidSha256Hex(BundleSha256)
        && Items is not null
        && Items.Count <= MaxItems
        && Items.All(BundleItem.IsValidId)
        && Items.Distinct(StringComparer.Ordinal).Count() == Items.Count;
}
