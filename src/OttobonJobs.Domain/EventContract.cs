namespace OttobonJobs.Domain;

/// <summary>
/// One event type's stable name: what the event log stores and what history responses and the SPA show. A class
/// can be renamed or moved freely; the name never changes (a changed shape gets an upcaster, see the README).
/// </summary>
public sealed record EventContract(string Name, Type Type)
{
    public static EventContract Of<T>(string name) => new(name, typeof(T));
}
