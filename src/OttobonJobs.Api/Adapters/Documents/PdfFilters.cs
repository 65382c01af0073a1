using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace OttobonJobs.Api.Adapters.Documents;

/// <summary>
/// PdfPig's own stream filters, held to one budget of decoded bytes per document
/// (<see cref="DocumentLimits.MaxPdfDecodedBytes"/>). A few hundred kilobytes of Flate data can inflate to gigabytes;
/// a Flate stream is measured by inflating it into nothing before PdfPig decodes it for real, so it is refused
/// before it is ever held in memory. Create one per document.
/// </summary>
internal sealed class PdfFilters(long budget) : IFilterProvider
{
    private long _remaining = budget;

    /// <summary>Set once a stream went over the budget, even if PdfPig's lenient parsing swallowed the refusal.</summary>
    public bool Exceeded { get; private set; }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Bounded(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Bounded(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Bounded(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Bounded(IReadOnlyList<IFilter> filters) => [.. filters.Select(filter => new BoundedFilter(filter, this))];

    private void Spend(long bytes)
    {
        _remaining -= bytes;
        if (_remaining >= 0) return;
        Exceeded = true;
        throw DocumentProblems.Because(DocumentProblems.PdfTooLarge);
    }

    private sealed class BoundedFilter(IFilter inner, PdfFilters budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (budget.Exceeded) throw DocumentProblems.Because(DocumentProblems.PdfTooLarge);
            if (inner is FlateFilter && InflatedLength(input, budget._remaining) > budget._remaining)
                budget.Spend(budget._remaining + 1);

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Spend(output.Length);
            return output;
        }

        /// <summary>How many bytes the zlib data inflates to, counting no further than just past <paramref name="limit"/>.</summary>
        private static long InflatedLength(Memory<byte> input, long limit)
        {
            if (input.Length < 2) return 0;
            // The two-byte zlib header, then raw deflate (as PdfPig reads it).
            using var deflate = new DeflateStream(new MemoryStream(input[2..].ToArray(), writable: false), CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            var total = 0L;
            try
            {
                int read;
                while ((read = deflate.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limit) break;
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: PdfPig's own filter reports it (or recovers what it can).
            }
            return total;
        }
    }
}
