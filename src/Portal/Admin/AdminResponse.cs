namespace WhistleSubmit.Portal.Admin;

/// <summary>What the verb printed and its exit code (0 ok, 1 error).</summary>
public sealed record AdminResponse(int ExitCode, string Output);
