using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OttobonJobs.Api.Adapters.Scrapers;
using OttobonJobs.Api.Adapters.Scrapers.SampleSites;
using OttobonJobs.Domain.Ingestion;

namespace OttobonJobs.Tests.Ingestion;

public class the_sample_career_sites
{
    [Fact]
    public async Task in_sample_mode_every_scraper_reads_its_sample_site_through_the_sample_server()
    {
        var settings = ScraperTestServices.FastSettings();
        settings["Ottobon:Scrapers:Mode"] = ScraperModes.Sample;
        await using var provider = ScraperTestServices.Build(settings);

        var scrapers = provider.GetServices<ICareerSiteScraper>().ToList();
        scrapers.Select(s => s.SourceName).ShouldBe(ScraperTestServices.DefaultSources);
        // Kept and skipped per source: the four big sites list 36 (KPMG's second site number adds 4, one of them a
        // repeat); each sample job board lists a few.
        var expected = new Dictionary<string, (int Kept, int Skipped)>
        {
            ["deloitte"] = (30, 6), ["pwc"] = (30, 6), ["kpmg"] = (32, 7), ["ey"] = (30, 6),
            ["postman"] = (2, 1), ["phonepe"] = (2, 1), ["cred"] = (2, 1), ["meesho"] = (2, 1), ["atlan"] = (2, 1), ["sarvam"] = (2, 1),
        };

        foreach (var scraper in scrapers)
        {
            var result = await scraper.ScrapeAsync(CancellationToken.None);
            result.Errors.ShouldBeEmpty(scraper.CompanyName);
            (result.Postings.Count, result.Skipped.Count).ShouldBe(expected[scraper.SourceName], scraper.CompanyName);
        }

        var server = provider.GetRequiredService<SampleCareerSiteServer>();
        server.BaseUrl.ShouldNotBeNull().Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task the_server_starts_and_stops_with_the_host()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Ottobon:Scrapers:Mode"] = ScraperModes.Sample;
        builder.Services.AddCareerSiteScrapers(builder.Configuration, builder.Environment);
        using var host = builder.Build();
        var server = host.Services.GetRequiredService<SampleCareerSiteServer>();

        await host.StartAsync();
        var baseUrl = server.BaseUrl.ShouldNotBeNull();
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(baseUrl, "/ey/search/?startrow=0"))).IsSuccessStatusCode.ShouldBeTrue();

        await host.StopAsync();
        server.BaseUrl.ShouldBeNull();
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri(baseUrl, "/ey/search/?startrow=0")));
    }

    [Fact]
    public async Task the_apply_links_of_sample_postings_lead_to_the_sample_server()
    {
        var settings = ScraperTestServices.FastSettings();
        settings["Ottobon:Scrapers:Mode"] = ScraperModes.Sample;
        await using var provider = ScraperTestServices.Build(settings);
        using var http = new HttpClient();

        foreach (var scraper in provider.GetServices<ICareerSiteScraper>())
        {
            var posting = (await scraper.ScrapeAsync(CancellationToken.None)).Postings[0];
            var baseUrl = provider.GetRequiredService<SampleCareerSiteServer>().BaseUrl!.ToString();
            posting.ApplyUrl.ShouldStartWith(baseUrl, Case.Sensitive, scraper.CompanyName);
            (await http.GetAsync(posting.ApplyUrl)).IsSuccessStatusCode.ShouldBeTrue(posting.ApplyUrl);
        }
    }

    [Fact]
    public async Task the_server_answers_at_the_real_sites_paths_and_rewrites_their_links_to_itself()
    {
        await using var server = await SampleCareerSiteServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var deloitte = await http.GetStringAsync("/en_US/careers/SearchJobs/?listFilterMode=1&jobRecordsPerPage=100&jobOffset=10");
        deloitte.ShouldContain($"{server.BaseUrl}en_US/careers/JobDetail/");
        deloitte.ShouldNotContain("apply.deloitte.com");

        var pwc = await http.PostAsync("/wday/cxs/pwc/Global_Experienced_Careers/jobs",
            new StringContent("""{"appliedFacets":{},"limit":20,"offset":20,"searchText":""}""", System.Text.Encoding.UTF8, "application/json"));
        (await pwc.Content.ReadAsStringAsync()).ShouldContain("\"total\": 0");

        (await http.GetAsync("/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true&finder=findReqs;siteNumber=CX_1,limit=25,offset=25"))
            .IsSuccessStatusCode.ShouldBeTrue();
        (await http.GetAsync("/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true&finder=findReqs;siteNumber=CX_2,limit=25,offset=0"))
            .IsSuccessStatusCode.ShouldBeTrue();
        (await http.GetStringAsync("/v1/boards/postman/jobs?content=true")).ShouldContain($"{server.BaseUrl}postman/jobs/");
        var lever = await http.GetStringAsync("/v0/postings/cred?mode=json&skip=1&limit=1");
        System.Text.Json.JsonDocument.Parse(lever).RootElement.GetArrayLength().ShouldBe(1);
        lever.ShouldContain("Risk Analyst");
        (await http.GetAsync("/posting-api/job-board/atlan?includeCompensation=true")).IsSuccessStatusCode.ShouldBeTrue();
        (await http.GetAsync("/v1/boards/nobody/jobs")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await http.GetAsync("/ey/search/?q=&locationsearch=India&startrow=50")).IsSuccessStatusCode.ShouldBeTrue();
        (await http.GetAsync("/ey/job/Nowhere/123/")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await http.GetAsync("/en_US/careers/SearchJobs/?jobOffset=999")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public void every_sample_file_says_it_is_sample_data()
    {
        var names = SampleSiteFiles.Names;
        var placeholder = new Uri("http://127.0.0.1:1/");

        names.ShouldAllBe(name => SampleSiteFiles.Read(name, placeholder)!.Contains("Sample data written for Ottobon Jobs; not real postings"));
        foreach (var details in new[] { "Deloitte/jobs/", "Workday/pwc/Global_Experienced_Careers/job/", "OracleHcm/CX_1/requisition/", "Ey/job/" })
        {
            names.Count(n => n.StartsWith(details)).ShouldBe(36, details);
        }
        foreach (var board in new[] { "Greenhouse/postman.json", "Greenhouse/phonepe.json", "Lever/cred.json", "Lever/meesho.json", "Ashby/atlan.json", "Ashby/sarvam.json" })
        {
            names.ShouldContain(board);
        }
    }
}
