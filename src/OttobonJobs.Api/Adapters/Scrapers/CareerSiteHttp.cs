using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Polly;
using Polly.Timeout;

namespace OttobonJobs.Api.Adapters.Scrapers;

/// <summary>A page or API response could not be fetched or made sense of; says which and why.</summary>
public class PageUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Fetches pages and API responses for a scraper and parses them. The resilience handler behind the
/// <see cref="HttpClient"/> retries and times out attempts; this adds what it cannot: a deadline that also
/// covers reading the body, and a size limit, read as the bytes arrive so a huge or endless body is cut short.
/// Every failure comes out as <see cref="PageUnreadableException"/>.
/// </summary>
public sealed class CareerSiteHttp(HttpClient http, ScraperSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IHtmlDocument> GetHtmlAsync(Uri url, CancellationToken cancellationToken)
    {
        var html = await SendAsync(Request(HttpMethod.Get, url, "text/html"), cancellationToken);
        return new HtmlParser().ParseDocument(html); // a parser per page: details are read in parallel
    }

    public async Task<T> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken) =>
        ParseJson<T>(await SendAsync(Request(HttpMethod.Get, url, "application/json"), cancellationToken), url);

    public async Task<T> PostJsonAsync<T>(Uri url, object body, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, url, "application/json");
        request.Content = JsonContent.Create(body, options: Json);
        return ParseJson<T>(await SendAsync(request, cancellationToken), url);
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string accept)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static T ParseJson<T>(string text, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json)
                ?? throw new PageUnreadableException($"{url.AbsolutePath} answered JSON null.");
        }
        catch (JsonException e)
        {
            throw new PageUnreadableException($"{url.AbsolutePath} did not answer the JSON expected: {e.Message}", e);
        }
    }

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = request;
        var url = message.RequestUri!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Http.TotalRequestTimeout);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new PageUnreadableException($"{url.AbsolutePath} answered HTTP {(int)response.StatusCode}.");
            }
            if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
            {
                throw TooLarge(url, $"Content-Length {response.Content.Headers.ContentLength}");
            }
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var bytes = await ReadAtMostAsync(body, settings.MaxResponseBytes, deadline.Token)
                ?? throw TooLarge(url, "the body ran past it");
            return Decode(bytes, response.Content.Headers.ContentType?.CharSet);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new PageUnreadableException($"{url.AbsolutePath} timed out.", e);
        }
        catch (HttpRequestException e)
        {
            throw new PageUnreadableException($"{url.AbsolutePath} could not be reached: {e.Message}", e);
        }
        catch (ExecutionRejectedException e) // the concurrency limiter's queue was full
        {
            throw new PageUnreadableException($"{url.AbsolutePath} was not requested: {e.Message}", e);
        }
    }

    private PageUnreadableException TooLarge(Uri url, string size) =>
        new($"{url.AbsolutePath} sent more than the {settings.MaxResponseBytes} bytes a response may have ({size}); refused.");

    /// <summary>The whole body, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrEmpty(charset))
        {
            try { encoding = Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { } // an unknown charset: UTF-8 is the likeliest truth
        }
        return encoding.GetString(bytes);
    }
}
