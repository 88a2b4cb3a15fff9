namespace WhistleSubmit.Portal.Admin;

/// <summary>One verb with its arguments, as sent over admin.sock (file paths already absolute).</summary>
public sealed record AdminRequest(string Verb, IReadOnlyList<string> Args);
