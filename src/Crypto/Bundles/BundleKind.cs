using System.Text.Json.Serialization;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>Which way a bundle goes. JSON ids: <c>submissions</c> (portal → console), <c>replies</c> (console → portal).</summary>
[JsonConverter(typeof(StrictEnumConverter<BundleKind>))]
public enum BundleKind
{
    /// <summary>Submissions and follow-ups collected from the portal.</summary>
    Submissions,

    /// <summary>Reviewers' replies going back to the portal.</summary>
    Replies,
}
