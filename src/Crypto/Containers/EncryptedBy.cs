using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>Which side encrypted the submission. JSON ids: <c>browser</c> (the default path), <c>server</c> (no-JavaScript path).</summary>
[JsonConverter(typeof(StrictEnumConverter<EncryptedBy>))]
public enum EncryptedBy
{
    /// <summary>The source's browser.</summary>
    Browser,

    /// <summary>The portal, in memory, on arrival.</summary>
    Server,
}
