using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>A host pointed at a built SPA folder (a real index.html and asset on disk).</summary>
public class ApiWithSpa : ApiFixture
{
    public string SpaFolder { get; } = Directory.CreateTempSubdirectory("ottobon-spa-").FullName;

    protected override IDictionary<string, string?> Settings()
    {
        File.WriteAllText(Path.Combine(SpaFolder, "index.html"), "<!doctype html><html><body><div id=\"root\">ottobon-spa</div></body></html>");
        Directory.CreateDirectory(Path.Combine(SpaFolder, "assets"));
        File.WriteAllText(Path.Combine(SpaFolder, "assets", "app.js"), "console.log('ottobon');");
        return new Dictionary<string, string?> { ["Ottobon:SpaPath"] = SpaFolder };
    }
}

public class when_serving_the_spa(ApiWithSpa api) : IClassFixture<ApiWithSpa>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/admin/control-tower")]
    [InlineData("/jobs/123/details")]
    public async Task client_side_routes_get_the_index_page(string path)
    {
        var result = await api.Host.Scenario(s => s.Get.Url(path));
        result.ReadAsText().ShouldContain("ottobon-spa");
    }

    [Fact]
    public async Task assets_are_served_as_files()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/assets/app.js"));
        result.ReadAsText().ShouldContain("console.log");
    }

    [Fact]
    public async Task api_paths_never_fall_back_to_the_spa()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/jobs-that-do-not-exist");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        result.ReadAsText().ShouldNotContain("ottobon-spa");
    }
}
