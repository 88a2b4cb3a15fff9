namespace WhistleSubmit.Portal.Store;

/// <summary>A reviewer's reply as a source fetches it: the age ciphertext and the UTC day it was imported.</summary>
public sealed record StoredReply(string Id, string Day, byte[] Ciphertext);
