using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OttobonJobs.Domain.Jobs.Enrichment;

namespace OttobonJobs.Api.Jobs.Search;

/// <summary>Bound from <c>Ottobon:QueryEmbeddings</c>.</summary>
public class QueryEmbeddingSettings
{
    public const string Section = "Ottobon:QueryEmbeddings";

    /// <summary>
    /// Search queries whose vectors are kept, least recently used dropped first; 0 turns the cache off. A vector is
    /// 1.5 KB (MiniLM, 384 floats) to 6 KB (OpenAI, 1536), so the default holds at most a few MB.
    /// </summary>
    [Range(0, 100_000)]
    public int CacheEntries { get; set; } = 1_000;
}

/// <summary>
/// The embedding port as search queries use it: the vector of a query asked again (paging, a refresh, a popular
/// query) comes from a small bounded cache instead of another model call. Keyed by model and normalised text, so a
/// model switch never returns another model's vector. Failures are not cached.
/// </summary>
public sealed partial class QueryEmbeddings(IEmbeddingGenerator embeddings, IOptions<QueryEmbeddingSettings> settings)
{
    private readonly LeastRecentlyUsed<(string Model, string Text), float[]> _cache = new(settings.Value.CacheEntries);

    public string Model => embeddings.Model;

    /// <summary>Vectors held now (at most <see cref="QueryEmbeddingSettings.CacheEntries"/>).</summary>
    public int Cached => _cache.Count;

    public async Task<float[]> EmbedAsync(string query, CancellationToken cancellationToken)
    {
        // The text embedded is the normalised one, so the cached vector is exactly the one a miss would compute.
        // Lower case loses nothing for MiniLM (its tokenizer is uncased) and next to nothing for OpenAI's models.
        var text = Whitespace().Replace(query.Trim(), " ").ToLowerInvariant();
        var key = (embeddings.Model, text);
        if (_cache.TryGet(key, out var cached)) return cached;

        var vector = await embeddings.EmbedAsync(text, cancellationToken);
        _cache.Set(key, vector);
        return vector;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A tiny thread-safe LRU map: at most <c>capacity</c> entries, the least recently read or written goes first.</summary>
public sealed class LeastRecentlyUsed<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = []; // most recent first
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _nodes.Count; }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (capacity == 0) return;
        lock (_lock)
        {
            if (_nodes.Remove(key, out var existing)) _order.Remove(existing);
            else if (_nodes.Count >= capacity)
            {
                _nodes.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }
            _nodes[key] = _order.AddFirst((key, value));
        }
    }
}
