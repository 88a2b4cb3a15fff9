using LiteDB;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Persistence;

/// <summary>This part: the incident register and the releases published from it (issue 17).</summary>
internal sealed partial class VaultData
{
    public IncidentRecord? FindIncident(string id) => Incidents.FindById(id) is { } d ? IncidentDocuments.ToIncident(d) : null;

    /// <summary>Every incident whose id starts with <paramref name="prefix"/> (lower-case hex).</summary>
    public IReadOnlyList<IncidentRecord> IncidentsStartingWith(string prefix) =>
        [.. Incidents.Find(Query.StartsWith("_id", prefix)).Select(IncidentDocuments.ToIncident)];

    /// <summary>Every incident, by id (ids are random, so this order says nothing about when they were made).</summary>
    public IReadOnlyList<IncidentRecord> AllIncidents() =>
        [.. Incidents.FindAll().Select(IncidentDocuments.ToIncident).OrderBy(i => i.Id, StringComparer.Ordinal)];

    public void InsertIncident(IncidentRecord incident) => Incidents.Insert(IncidentDocuments.ToDocument(incident));

    public void UpdateIncident(IncidentRecord incident)
    {
        if (!Incidents.Update(IncidentDocuments.ToDocument(incident)))
        {
            throw new InvalidOperationException("The incident to update is not in the store.");
        }
    }

    /// <summary>Every release published from this vault, oldest first.</summary>
    public IReadOnlyList<ReleaseRecord> Releases() =>
        [.. ReleaseCollection.Find(Query.All("_id", Query.Ascending)).Select(IncidentDocuments.ToRelease)];

    /// <summary>Records a release; its number is its id, so a second release with the same number fails.</summary>
    public void InsertRelease(ReleaseRecord release) => ReleaseCollection.Insert(IncidentDocuments.ToDocument(release));

    private ILiteCollection<BsonDocument> Incidents => db.GetCollection(VaultSchema.Incidents);

    private ILiteCollection<BsonDocument> ReleaseCollection => db.GetCollection(VaultSchema.Releases);
}
