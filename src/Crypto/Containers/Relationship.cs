using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>The source's relationship to ICE. JSON ids are the kebab-case member names, e.g. <c>current-staff</c>; they are stable.</summary>
[JsonConverter(typeof(StrictEnumConverter<Relationship>))]
public enum Relationship
{
    /// <summary>Current ICE staff.</summary>
    CurrentStaff,

    /// <summary>Former ICE staff.</summary>
    FormerStaff,

    /// <summary>A contractor.</summary>
    Contractor,

    /// <summary>Someone else.</summary>
    Other,
}
