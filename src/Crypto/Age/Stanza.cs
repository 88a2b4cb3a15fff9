namespace WhistleSubmit.Crypto.Age;

/// <summary>A recipient stanza of an age header (spec: "Recipient stanza").</summary>
/// <param name="Type">The first argument: the recipient type, such as <c>X25519</c>.</param>
/// <param name="Args">The remaining arguments.</param>
/// <param name="Body">The decoded body.</param>
public sealed record Stanza(string Type, IReadOnlyList<string> Args, ReadOnlyMemory<byte> Body);
