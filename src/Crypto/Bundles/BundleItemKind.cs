using System.Text.Json.Serialization;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>What one item is. JSON ids: <c>submission</c>, <c>followup</c>, <c>reply</c>, <c>status</c>, <c>consent-request</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<BundleItemKind>))]
public enum BundleItemKind
{
    /// <summary>A first submission (age file of a report container). Only in submissions bundles.</summary>
    Submission,

    /// <summary>A follow-up (age file of a message container). Only in submissions bundles.</summary>
    Followup,

    /// <summary>A reviewer's reply (age file). Only in replies bundles.</summary>
    Reply,

    /// <summary>A case status for the source (age file of a signed <c>case-status</c>). Only in replies bundles.</summary>
    Status,

    /// <summary>A consent request to the source (age file of a signed <c>consent-request</c>). Only in replies bundles.</summary>
    ConsentRequest,
}
