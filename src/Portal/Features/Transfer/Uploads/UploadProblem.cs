namespace WhistleSubmit.Portal.Features.Transfer.Uploads;

/// <summary>Why an upload form was refused before its file was used.</summary>
public enum UploadProblem
{
    /// <summary>Not the expected form (token first, then one file), or its token is not valid.</summary>
    BadForm,

    /// <summary>Over the size limit.</summary>
    TooLarge,
}
