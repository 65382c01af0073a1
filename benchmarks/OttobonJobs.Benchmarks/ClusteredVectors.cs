namespace OttobonJobs.Benchmarks;

/// <summary>
/// Random unit vectors shaped like text embeddings rather than like uniform noise, so HNSW recall means something.
/// <para>
/// Real description embeddings bunch into topics (role families) and, within a topic, vary along a few directions
/// (seniority, domain, stack) — their intrinsic dimension is far below 384. Uniform or isotropic-gaussian vectors
/// in 384 dimensions have every point nearly equidistant from every other, which makes "the 10 nearest" close to
/// arbitrary and recall numbers meaningless. So each vector here is
/// <c>normalise(centroid_k + B_k·z + ε)</c>: one of <see cref="Clusters"/> unit centroids, a
/// <see cref="LatentDimensions"/>-dimensional within-topic variation (random basis <c>B_k</c> per cluster,
/// <c>z ~ N(0, σ²)</c>, about 0.8 in norm) and a small isotropic noise <c>ε</c> (about 0.25 in norm). The cosine
/// of a vector to its centroid is then about 0.75, and its nearest neighbours are well defined.
/// </para>
/// <para>
/// The centroids are not independent random directions either (those would be mutually orthogonal in 384
/// dimensions): texts of one domain share a common component, so each centroid is
/// <c>normalise(shared + r_k)</c> with <c>|r_k| ≈ 0.8</c>, about 0.6 in cosine to each other, as embeddings of job
/// postings are. With orthogonal clusters the HNSW graph links clusters poorly, and a query can miss its whole
/// cluster (recall 0) — a property of that artificial data, not of the index on real postings.
/// </para>
/// Queries are drawn from the same distribution (a random cluster, fresh z and ε): "something like the postings of
/// one topic", as a seeker's text query or resume would be.
/// </summary>
public sealed class ClusteredVectors
{
    public const int Dimensions = 384;
    public const int LatentDimensions = 16;
    private const double LatentNorm = 0.8;
    private const double NoiseNorm = 0.25;
    private const double TopicSpread = 0.8;

    private readonly float[][] _centroids;
    private readonly float[][][] _bases; // [cluster][latent][dimension]

    public ClusteredVectors(int clusters, int seed)
    {
        var random = new Random(seed);
        Clusters = clusters;
        _centroids = new float[clusters][];
        _bases = new float[clusters][][];
        var shared = Normalise(Gaussian(random, Dimensions, 1.0));
        for (var k = 0; k < clusters; k++)
        {
            // Topics of one domain are not orthogonal: every centroid leans on a shared "job posting" direction.
            _centroids[k] = Normalise(Add(shared, Gaussian(random, Dimensions, TopicSpread / Math.Sqrt(Dimensions))));
            _bases[k] = new float[LatentDimensions][];
            // Columns of norm ~1, nearly orthogonal to each other and to the centroid in 384 dimensions.
            for (var j = 0; j < LatentDimensions; j++)
                _bases[k][j] = Gaussian(random, Dimensions, 1.0 / Math.Sqrt(Dimensions));
        }
    }

    public int Clusters { get; }

    /// <summary>A vector of a random cluster, drawn with the caller's generator (one generator per thread).</summary>
    public (int Cluster, float[] Vector) Next(Random random)
    {
        var cluster = random.Next(Clusters);
        return (cluster, Near(cluster, random));
    }

    public float[] Near(int cluster, Random random)
    {
        var vector = (float[])_centroids[cluster].Clone();
        var latentSigma = LatentNorm / Math.Sqrt(LatentDimensions);
        foreach (var column in _bases[cluster])
        {
            var z = (float)(NextGaussian(random) * latentSigma);
            for (var i = 0; i < Dimensions; i++) vector[i] += z * column[i];
        }
        var noiseSigma = NoiseNorm / Math.Sqrt(Dimensions);
        for (var i = 0; i < Dimensions; i++) vector[i] += (float)(NextGaussian(random) * noiseSigma);
        return Normalise(vector);
    }

    private static float[] Gaussian(Random random, int length, double sigma)
    {
        var vector = new float[length];
        for (var i = 0; i < length; i++) vector[i] = (float)(NextGaussian(random) * sigma);
        return vector;
    }

    private static float[] Add(float[] a, float[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] += a[i];
        return b;
    }

    private static float[] Normalise(float[] vector)
    {
        double sum = 0;
        foreach (var x in vector) sum += x * x;
        var norm = (float)Math.Sqrt(sum);
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    // Box–Muller.
    private static double NextGaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
