using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>Where something was reported internally. JSON ids: <c>opr</c>, <c>oig</c>, <c>supervisor</c>, <c>other</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ReportingChannel>))]
public enum ReportingChannel
{
    /// <summary>ICE Office of Professional Responsibility.</summary>
    Opr,

    /// <summary>DHS Office of Inspector General.</summary>
    Oig,

    /// <summary>A supervisor.</summary>
    Supervisor,

    /// <summary>Somewhere else.</summary>
    Other,
}
