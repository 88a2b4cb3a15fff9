using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>What the transfer pages move: items stored as the upload API would, a replies bundle as the console writes one.</summary>
internal static class TransferData
{
    /// <summary>Stores ciphertext-like items (the portal never looks inside) under a new mailbox; returns the mailbox id and item ids.</summary>
    public static (string MailboxId, List<string> Items) StoreItems(PortalFactory factory, params ItemKind[] kinds)
    {
        var store = factory.Services.GetRequiredService<PortalDatabase>();
        string mailbox = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        store.EnsureMailbox(mailbox);
        var ids = kinds.Select(kind => store.StoreItem(kind, mailbox, new MemoryStream(RandomNumberGenerator.GetBytes(3000)), 1 << 20)).ToList();
        return (mailbox, ids);
    }

    /// <summary>A replies bundle signed with the portal's (demo) team key, as the console writes one.</summary>
    public static byte[] RepliesBundle(PortalFactory factory, params string[] mailboxIds)
    {
        using var team = factory.TeamSigningKey();
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow), team);
        foreach (string mailbox in mailboxIds)
        {
            byte[] reply = AgeEncryption.Encrypt("a reply"u8, [AgeKeys.ParseRecipient(TestKeys.NewRecipient())]);
            writer.Add(BundleItem.NewId(), mailbox, BundleItemKind.Reply, reply.Length, () => new MemoryStream(reply));
        }

        using var bytes = new MemoryStream();
        writer.WriteTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A version 2 receipt signed with the portal's (demo) team key, as the console writes one.</summary>
    public static byte[] SignedReceipt(PortalFactory factory, string bundleSha256, IReadOnlyList<string> items)
    {
        using var team = factory.TeamSigningKey();
        return new ImportReceipt { BundleSha256 = bundleSha256, Items = items, AuditHead = AuditHead }.ToSignedDocument(team);
    }

    /// <summary>The console audit-chain head the test receipts carry.</summary>
    public const string AuditHead = "5e0f1c2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100";
}
