namespace WhistleSubmit.Portal.Store;

/// <summary>What a stored item is; the same three words as a bundle manifest's item kinds.</summary>
public enum ItemKind
{
    Submission,
    Followup,
    Reply,
}
