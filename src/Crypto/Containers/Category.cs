using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>What a report is about (docs/FORMATS.md#report). JSON ids are the kebab-case member names and are stable.</summary>
[JsonConverter(typeof(StrictEnumConverter<Category>))]
public enum Category
{
    /// <summary>Unlawful use of force.</summary>
    UnlawfulForce,

    /// <summary>Injury or death.</summary>
    InjuryOrDeath,

    /// <summary>Illegal detention of a U.S. citizen or lawful permanent resident.</summary>
    IllegalDetentionOfCitizen,

    /// <summary>Arrest quotas or pressure for indiscriminate arrests.</summary>
    ArrestQuotas,

    /// <summary>Retaliation against staff.</summary>
    RetaliationAgainstStaff,

    /// <summary>Threats or intimidation of officials, journalists or advocates.</summary>
    ThreatsOrIntimidation,

    /// <summary>Corruption or abuse.</summary>
    CorruptionOrAbuse,

    /// <summary>Unsafe working conditions.</summary>
    UnsafeWorkingConditions,

    /// <summary>Reassignment of specialised investigators to routine enforcement.</summary>
    InvestigatorReassignment,

    /// <summary>Funding tied to arrest numbers.</summary>
    FundingTiedToArrests,

    /// <summary>Something else.</summary>
    Other,
}
