using System.IO.Compression;
using System.Net;
using System.Text;
using Alba;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Api.Identity;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// A host pointed at a built SPA folder: a real index.html and hashed asset on disk, each with the brotli and gzip
/// variants the build writes beside it, plus a public file too small to have variants.
/// </summary>
public class ApiWithSpa : ApiFixture
{
    public const string IndexHtml = "<!doctype html><html><body><div id=\"root\">ottobon-spa</div></body></html>";
    public const string AppJs = "console.log('ottobon'); console.log('ottobon'); console.log('ottobon');";
    public const string TinyTxt = "ok";

    public string SpaFolder { get; } = Directory.CreateTempSubdirectory("ottobon-spa-").FullName;

    protected override IDictionary<string, string?> Settings()
    {
        WriteWithVariants("index.html", IndexHtml);
        Directory.CreateDirectory(Path.Combine(SpaFolder, "assets"));
        WriteWithVariants(Path.Combine("assets", "app-C4fe12Ab.js"), AppJs);
        File.WriteAllText(Path.Combine(SpaFolder, "robots.txt"), TinyTxt);
        return new Dictionary<string, string?> { ["Ottobon:SpaPath"] = SpaFolder };
    }

    private void WriteWithVariants(string relativePath, string text)
    {
        var path = Path.Combine(SpaFolder, relativePath);
        var plain = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, plain);
        File.WriteAllBytes(path + ".br", Compress(plain, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        File.WriteAllBytes(path + ".gz", Compress(plain, s => new GZipStream(s, CompressionLevel.SmallestSize)));
    }

    private static byte[] Compress(byte[] plain, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var compressing = compressor(buffer)) compressing.Write(plain);
        return buffer.ToArray();
    }
}

public class when_serving_the_spa(ApiWithSpa api) : IClassFixture<ApiWithSpa>
{
    private const string Asset = "/assets/app-C4fe12Ab.js";

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
        var result = await api.Host.Scenario(s => s.Get.Url(Asset));
        result.ReadAsText().ShouldBe(ApiWithSpa.AppJs);
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

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("*", "br")]
    public async Task an_asset_is_sent_in_the_best_encoding_the_browser_accepts(string acceptEncoding, string expected)
    {
        var result = await Get(Asset, acceptEncoding);

        var headers = result.Context.Response.Headers;
        headers.ContentEncoding.ToString().ShouldBe(expected);
        headers.Vary.ToString().ShouldContain("Accept-Encoding");
        headers.ContentType.ToString().ShouldBe("text/javascript");
        Decode(result, expected).ShouldBe(ApiWithSpa.AppJs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task an_asset_is_sent_plain_when_the_browser_accepts_no_encoding_we_have(string? acceptEncoding)
    {
        var result = await Get(Asset, acceptEncoding);

        var headers = result.Context.Response.Headers;
        headers.ContentEncoding.ToString().ShouldBeEmpty();
        headers.Vary.ToString().ShouldContain("Accept-Encoding");
        result.ReadAsText().ShouldBe(ApiWithSpa.AppJs);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/jobs")]
    public async Task the_index_page_is_compressed_too_and_always_revalidated(string path)
    {
        var result = await Get(path, "gzip, br");

        var headers = result.Context.Response.Headers;
        headers.ContentEncoding.ToString().ShouldBe("br");
        headers.CacheControl.ToString().ShouldBe(SpaHosting.RevalidateCacheControl);
        headers.ContentType.ToString().ShouldStartWith("text/html");
        Decode(result, "br").ShouldBe(ApiWithSpa.IndexHtml);
    }

    [Theory]
    [InlineData("br")]
    [InlineData(null)]
    public async Task hashed_assets_are_cached_for_a_year_as_immutable(string? acceptEncoding)
    {
        var result = await Get(Asset, acceptEncoding);
        result.Context.Response.Headers.CacheControl.ToString().ShouldBe(SpaHosting.ImmutableCacheControl);
    }

    [Fact]
    public async Task a_file_without_variants_is_sent_plain_and_revalidated()
    {
        var result = await Get("/robots.txt", "gzip, br");

        var headers = result.Context.Response.Headers;
        headers.ContentEncoding.ToString().ShouldBeEmpty();
        headers.CacheControl.ToString().ShouldBe(SpaHosting.RevalidateCacheControl);
        result.ReadAsText().ShouldBe(ApiWithSpa.TinyTxt);
    }

    [Fact]
    public async Task api_json_is_compressed_when_the_client_accepts_it()
    {
        var result = await Get("/api/health", "gzip");

        result.Context.Response.Headers.ContentEncoding.ToString().ShouldBe("gzip");
        Decode(result, "gzip").ShouldContain("\"ok\"");
    }

    [Fact]
    public async Task answers_carrying_tokens_are_never_compressed()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Json(new LogIn(ApiFixture.AdminEmail, ApiFixture.AdminPassword)).ToUrl("/api/auth/login");
            s.WithRequestHeader("Accept-Encoding", "gzip, br");
        });

        result.Context.Response.Headers.ContentEncoding.ToString().ShouldBeEmpty();
        result.ReadAsText().ShouldContain("token");
    }

    private Task<IScenarioResult> Get(string path, string? acceptEncoding) =>
        api.Host.Scenario(s =>
        {
            s.Get.Url(path);
            if (acceptEncoding is not null) s.WithRequestHeader("Accept-Encoding", acceptEncoding);
        });

    private static string Decode(IScenarioResult result, string encoding)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek) body.Position = 0;
        using Stream decoder = encoding == "br"
            ? new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true)
            : new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
