using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// Which copy of a file an attachment is (report.json / message.json v3, docs/FORMATS.md#report). JSON ids:
/// <c>cleaned</c>, <c>original</c>. A source who chose "both" sends two attachments with the same name, one of each.
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<AttachmentCopy>))]
public enum AttachmentCopy
{
    /// <summary>A copy the source's browser made without the file's identifying metadata (pixels and text untouched).</summary>
    Cleaned,

    /// <summary>The file exactly as the source chose it.</summary>
    Original,
}
