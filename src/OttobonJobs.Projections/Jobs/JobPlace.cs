using OttobonJobs.Domain.Places;

namespace OttobonJobs.Projections.Jobs;

/// <summary>
/// A job's location as a normalised place (<see cref="PlaceReader"/>): the first place its text names, as canonical
/// city, state and country names beside the original text. Read models fold it from the location on every event that
/// sets one, so an old row gets it from a rebuild (see ReadModelUpgrades).
/// </summary>
public sealed record JobPlace(string? City, string? State, string? Country)
{
    public static readonly JobPlace None = new(null, null, null);

    public static JobPlace Of(string? location) =>
        PlaceReader.Read(location).Primary is { } place ? new JobPlace(place.City, place.State, place.Country) : None;
}
