using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// Where something was reported. JSON ids: <c>opr</c>, <c>oig</c>, <c>osc</c>, <c>crcl</c>, <c>congress</c>,
/// <c>supervisor</c>, <c>other</c>; <c>osc</c>, <c>crcl</c> and <c>congress</c> only in report.json v3 and later
/// (docs/FORMATS.md#report), so that a console that knows only v2 never meets an id it cannot read.
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<ReportingChannel>))]
public enum ReportingChannel
{
    /// <summary>ICE Office of Professional Responsibility.</summary>
    Opr,

    /// <summary>DHS Office of Inspector General.</summary>
    Oig,

    /// <summary>U.S. Office of Special Counsel (v3).</summary>
    Osc,

    /// <summary>DHS Office for Civil Rights and Civil Liberties (v3).</summary>
    Crcl,

    /// <summary>Congress: a member, a committee, or their staff (v3).</summary>
    Congress,

    /// <summary>A supervisor.</summary>
    Supervisor,

    /// <summary>Somewhere else.</summary>
    Other,
}
