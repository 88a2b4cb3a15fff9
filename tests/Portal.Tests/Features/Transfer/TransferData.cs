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

    public static byte[] RepliesBundle(params string[] mailboxIds)
    {
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow));
        foreach (string mailbox in mailboxIds)
        {
            byte[] reply = AgeEncryption.Encrypt("a reply"u8, [AgeKeys.ParseRecipient(TestKeys.NewRecipient())]);
            writer.Add(BundleItem.NewId(), mailbox, BundleItemKind.Reply, reply.Length, () => new MemoryStream(reply));
        }

        using var bytes = new MemoryStream();
        writer.WriteTo(bytes);
        return bytes.ToArray();
    }
}
