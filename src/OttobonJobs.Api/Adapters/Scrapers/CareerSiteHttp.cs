using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
/// covers reading the body, an idle timeout on each read (a site that sends its headers and then nothing), and a
/// size limit, read as the bytes arrive so a huge or endless body is cut short. A body that was cut off — shorter
/// than its Content-Length, HTML without its closing &lt;/body&gt; or &lt;/html&gt;, JSON that ends inside a value — is
/// refused rather than half read. Every failure comes out as <see cref="PageUnreadableException"/> naming the URL.
/// </summary>
public sealed partial class CareerSiteHttp(HttpClient http, ScraperSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IHtmlDocument> GetHtmlAsync(Uri url, CancellationToken cancellationToken)
    {
        var html = await SendAsync(Request(HttpMethod.Get, url, "text/html"), cancellationToken);
        // A page cut off mid-element still parses (HTML parsers repair anything): its missing end is the tell.
        if (!ClosingTag().IsMatch(html))
        {
            throw new PageUnreadableException(
                $"{url} was cut off: its HTML ends without </body> or </html> ({html.Length} characters, ending \"{Tail(html)}\").");
        }
        return new HtmlParser().ParseDocument(html); // a parser per page: details are read in parallel
    }

    [GeneratedRegex(@"</(body|html)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingTag();

    private static string Tail(string text)
    {
        var tail = text.Length > 40 ? text[^40..] : text;
        return string.Join(' ', tail.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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
                ?? throw new PageUnreadableException($"{url} answered JSON null.");
        }
        catch (JsonException e) when (IsCutOff(text))
        {
            throw new PageUnreadableException($"{url} was cut off: its JSON ends inside a value ({text.Length} characters, ending \"{Tail(text)}\").", e);
        }
        catch (JsonException e)
        {
            throw new PageUnreadableException($"{url} did not answer the JSON expected: {e.Message}", e);
        }
    }

    /// <summary>JSON that is well formed as far as it goes but stops before its last value closes.</summary>
    private static bool IsCutOff(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimEnd());
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read()) { }
        }
        catch (JsonException)
        {
            return false; // malformed, not merely short
        }
        return bytes.Length > 0 && (reader.CurrentDepth > 0 || reader.BytesConsumed < bytes.Length);
    }

    private async Task<string> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var message = request;
        var url = message.RequestUri!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Http.TotalRequestTimeout);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var readingBody = false;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new PageUnreadableException($"{url} answered HTTP {(int)response.StatusCode}.");
            }
            var declared = response.Content.Headers.ContentLength;
            if (declared > settings.MaxResponseBytes)
            {
                throw TooLarge(url, $"Content-Length {declared}");
            }
            readingBody = true;
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var bytes = await ReadAtMostAsync(body, settings.MaxResponseBytes, idle, settings.Http.IdleReadTimeout)
                ?? throw TooLarge(url, "the body ran past it");
            if (declared is { } length && bytes.Length < length && response.Content.Headers.ContentEncoding.Count == 0)
            {
                throw new PageUnreadableException($"{url} was cut off: {bytes.Length} of the {length} bytes its Content-Length declares arrived.");
            }
            return Decode(bytes, response.Content.Headers.ContentType?.CharSet);
        }
        catch (OperationCanceledException e) when (idle.IsCancellationRequested && !deadline.IsCancellationRequested)
        {
            throw new PageUnreadableException(
                $"{url} timed out: no data for {settings.Http.IdleReadTimeout.TotalSeconds:0.###} s while reading its body.", e);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new PageUnreadableException($"{url} timed out: no complete answer within {settings.Http.TotalRequestTimeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e) when (!readingBody)
        {
            throw new PageUnreadableException($"{url} could not be reached: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException) // the connection dropped mid-body: what arrived is not the page
        {
            throw new PageUnreadableException($"{url} was cut off: the connection closed before the body ended ({e.Message}).", e);
        }
        catch (ExecutionRejectedException e) // the concurrency limiter's queue was full
        {
            throw new PageUnreadableException($"{url} was not requested: {e.Message}", e);
        }
    }

    private PageUnreadableException TooLarge(Uri url, string size) =>
        new($"{url} sent more than the {settings.MaxResponseBytes} bytes a response may have ({size}); refused.");

    /// <summary>
    /// The whole body, or null as soon as it passes <paramref name="limit"/> bytes. Each read must bring data within
    /// <paramref name="idleTimeout"/>, or <paramref name="idle"/> is cancelled.
    /// </summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationTokenSource idle, TimeSpan idleTimeout)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (true)
        {
            idle.CancelAfter(idleTimeout);
            read = await body.ReadAsync(chunk, idle.Token);
            if (read <= 0) break;
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
