using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Jobs;

namespace OttobonJobs.Api.Jobs.Search;

/// <summary>
/// The filters a smart search read out of its query, as SQL conditions on the search index row <c>s</c> (appended to
/// each ranking's WHERE) and their parameters.
/// <para>
/// The place is the feed card's normalised city, state or country, or its location key (every spelling and every
/// place a multi-city posting lists); job type and way of working are the feed's <c>job_type</c>/<c>work_mode</c>
/// columns, read from the posting's own words by <see cref="JobKinds"/> like Browse's filters.
/// </para>
/// </summary>
public sealed record SearchFilters(string Sql, IReadOnlyList<(string Name, object Value)> Parameters)
{
    public static SearchFilters Of(SearchQuery query)
    {
        var parameters = new List<(string, object)>();
        var conditions = new List<string>();
        if (query.Place is { } place)
        {
            var (field, name) = place.City is not null ? ("City", place.City) : place.State is not null ? ("State", place.State) : ("Country", place.Country!);
            conditions.Add("(f.data ->> @place_field = @place_name OR f.location_key LIKE @place_key)");
            parameters.Add(("place_field", field));
            parameters.Add(("place_name", name));
            parameters.Add(("place_key", $"%{name.ToLowerInvariant()}%"));
        }
        if (query.JobType is { } jobType)
        {
            conditions.Add("f.job_type = @job_type");
            parameters.Add(("job_type", jobType));
        }
        if (query.WorkMode is { } workMode)
        {
            conditions.Add("f.work_mode = @work_mode");
            parameters.Add(("work_mode", workMode));
        }
        var sql = conditions.Count == 0 ? "" : $" AND EXISTS (SELECT 1 FROM {EventStoreSetup.MartenSchema}.mt_doc_jobfeeditem f WHERE f.id = s.job_id AND {string.Join(" AND ", conditions)})";
        return new SearchFilters(sql, parameters);
    }
}
