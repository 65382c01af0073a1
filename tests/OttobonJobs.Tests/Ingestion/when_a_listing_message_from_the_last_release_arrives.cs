using System.Text.Json.Nodes;
using OttobonJobs.Api.Ingestion;
using OttobonJobs.Domain.Ingestion;
using Wolverine;

namespace OttobonJobs.Tests.Ingestion;

/// <summary>
/// A <see cref="RecordScrapedListing"/> waiting in the durable inbox across an upgrade was written by the release
/// before skipped postings were listed: a count under "Skipped" and no completeness flag. It must still be read.
/// </summary>
public class when_a_listing_message_from_the_last_release_arrives
{
    private static readonly Wolverine.Runtime.Serialization.IMessageSerializer Serializer = new WolverineOptions().DefaultSerializer;

    [Fact]
    public void it_reads_as_a_complete_listing_with_no_skipped_postings_listed()
    {
        var posting = new ScrapedPosting("R1", "Tax Analyst", "Pune", "<p>Prepare returns.</p>", "https://example.com/R1", null);
        var current = new RecordScrapedListing(Guid.NewGuid(), "pwc", "PwC", [posting], ["an error"],
            [new SkippedPosting("R2", "Senior Manager", "Pune", "title says \"senior\"")], ListingComplete: false);
        var json = JsonNode.Parse(Serializer.WriteMessage(current))!.AsObject();
        var skippedKey = json.Select(p => p.Key).Single(k => k.Equals(nameof(RecordScrapedListing.SkippedPostings), StringComparison.OrdinalIgnoreCase));
        var completeKey = json.Select(p => p.Key).Single(k => k.Equals(nameof(RecordScrapedListing.ListingComplete), StringComparison.OrdinalIgnoreCase));
        json.Remove(skippedKey);
        json.Remove(completeKey);
        json[skippedKey.StartsWith('s') ? "skipped" : "Skipped"] = 6; // the old shape: a count

        var old = (RecordScrapedListing)Serializer.ReadFromData(typeof(RecordScrapedListing), new Envelope { Data = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()) });

        old.Postings.ShouldHaveSingleItem().ExternalId.ShouldBe("R1");
        old.Errors.ShouldBe(["an error"]);
        old.SkippedPostings.ShouldBeNull();
        old.ListingComplete.ShouldBeTrue();
    }
}
