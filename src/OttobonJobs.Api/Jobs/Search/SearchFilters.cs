using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Api.Jobs.Search;

/// <summary>
/// The filters a smart search read out of its query, as SQL conditions on the search index row <c>s</c> (appended to
/// each ranking's WHERE) and their parameters.
/// <para>
/// The place is the feed card's normalised city, state or country, or its location key (every spelling and every
/// place a multi-city posting lists). Job type and way of working are read from the posting's wording (title,
/// location, description) for now; once the feed carries <c>job_type</c>/<c>work_mode</c> columns these conditions
/// become column comparisons, here and nowhere else.
/// </para>
/// </summary>
public sealed record SearchFilters(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)
{
    private static readonly Dictionary<string, string> JobTypeConditions = new()
    {
        [SearchJobTypes.Internship] = @"s.title ~* '\minterns?(hip)?s?\M'",
        [SearchJobTypes.PartTime] = @"(s.title ~* '\mpart[- ]?time\M' OR s.description ~* '\mpart[- ]?time\M')",
        // Most postings are full time without saying so: full time is what is neither an internship nor part time.
        [SearchJobTypes.FullTime] = @"NOT (s.title ~* '\mintern|\mpart[- ]?time\M')",
    };

    private static readonly Dictionary<string, string> WorkModeConditions = new()
    {
        [SearchWorkModes.Remote] = @"(coalesce(s.location, '') ~* 'remote|work from home|\mwfh\M' OR s.title ~* '\mremote\M')",
        [SearchWorkModes.Hybrid] = @"(coalesce(s.location, '') ~* '\mhybrid\M' OR s.title ~* '\mhybrid\M' OR s.description ~* '\mhybrid\M')",
        [SearchWorkModes.Onsite] = @"NOT (coalesce(s.location, '') ~* 'remote|work from home' OR s.title ~* '\mremote\M')",
    };

    public static SearchFilters Of(SearchQuery query)
    {
        var sql = "";
        var parameters = new List<(string, object)>();
        if (query.Place is { } place)
        {
            var (field, name) = place.City is not null ? ("City", place.City) : place.State is not null ? ("State", place.State) : ("Country", place.Country!);
            sql += $" AND EXISTS (SELECT 1 FROM {EventStoreSetup.MartenSchema}.mt_doc_jobfeeditem f WHERE f.id = s.job_id " +
                   "AND (f.data ->> @place_field = @place_name OR f.location_key LIKE @place_key))";
            parameters.Add(("place_field", field));
            parameters.Add(("place_name", name));
            parameters.Add(("place_key", $"%{name.ToLowerInvariant()}%"));
        }
        if (query.JobType is { } jobType) sql += $" AND {JobTypeConditions[jobType]}";
        if (query.WorkMode is { } workMode) sql += $" AND {WorkModeConditions[workMode]}";
        return new SearchFilters(sql, parameters);
    }
}
