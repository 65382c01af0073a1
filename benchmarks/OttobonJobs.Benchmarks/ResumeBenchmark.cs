using System.Diagnostics;
using Npgsql;
using OttobonJobs.Api.Adapters.Documents;
using OttobonJobs.Api.Adapters.LocalAi;
using OttobonJobs.Api.Resumes;
using OttobonJobs.Domain.Resumes;
using OttobonJobs.Domain.Skills;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Projections.Resumes;
using Pgvector;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace OttobonJobs.Benchmarks;

/// <summary>
/// Resume processing in process (the API's DocumentTextExtractor, skill extraction and local MiniLM embedding, as the
/// upload and its EmbedResume handler do them) per file for 1-page and 5-page PDFs; then the recommendations SQL of
/// GET /api/jobs/recommended over 100,000 job vectors, one resume vector at a time.
/// </summary>
public static class ResumeBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        await using var dataSource = BenchEnvironment.DataSource(options);
        var environment = await BenchEnvironment.DescribeAsync(dataSource, ct);
        Console.WriteLine("Ottobon Jobs benchmark: resume processing and recommendations");
        Console.WriteLine($"  {environment}");

        // ---- 1. Extract + embed per file ------------------------------------------------------------------------------
        Console.WriteLine($"\n[1/2] Extract + skills + embed per file ({options.ResumeFiles} files of each size, one at a time, after one warm-up file each)");
        var extractor = new DocumentTextExtractor();
        using var model = new MiniLmEmbeddingGenerator(new LocalEmbeddingSettings());
        var rows = new List<(string Name, Latencies Extract, Latencies Embed, Latencies Total, double Chars, double Bytes)>();
        foreach (var pages in new[] { 1, 5 })
        {
            var files = Enumerable.Range(0, options.ResumeFiles + 1).Select(i => Pdf(ResumeLines(i, pages, new Random(options.Seed + pages * 1000 + i)))).ToList();
            var extract = new Latencies();
            var embed = new Latencies();
            var total = new Latencies();
            long chars = 0;
            for (var i = 0; i < files.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var document = await extractor.ExtractAsync(new MemoryStream(files[i]), ResumeFormat.Pdf, ct);
                var text = document.Text.Trim();
                var skills = SkillTaxonomy.Extract(text);
                var extracted = Stopwatch.GetTimestamp();
                await model.EmbedAsync(ResumeEmbeddingText.For(skills, text), ct);
                var done = Stopwatch.GetTimestamp();
                if (document.Pages != pages) throw new InvalidOperationException($"a {pages}-page resume read as {document.Pages} pages");
                if (i == 0) continue; // warm-up
                extract.Add(Stopwatch.GetElapsedTime(started, extracted).TotalMilliseconds);
                embed.Add(Stopwatch.GetElapsedTime(extracted, done).TotalMilliseconds);
                total.Add(Stopwatch.GetElapsedTime(started, done).TotalMilliseconds);
                chars += text.Length;
            }
            var row = ($"{pages}-page PDF", extract, embed, total, chars / (double)options.ResumeFiles, files.Skip(1).Average(f => f.Length));
            rows.Add(row);
            Console.WriteLine($"  {row.Item1}: {row.Item6 / 1024:F1} KB, {row.Item5:N0} chars extracted; per file: extract+skills mean {extract.Mean:F1} ms " +
                              $"(p50 {extract.P50:F1}, p99 {extract.P99:F1}), embed mean {embed.Mean:F1} ms (p50 {embed.P50:F1}, p99 {embed.P99:F1}), " +
                              $"total mean {total.Mean:F1} ms (p50 {total.P50:F1}, p99 {total.P99:F1})");
        }

        // ---- 2. Recommendations SQL over 100,000 job vectors ----------------------------------------------------------
        Console.WriteLine($"\n[2/2] GET /api/jobs/recommended's SQL over {options.Vectors:N0} job vectors ({options.Queries} resume vectors in {Seeder.Schema}.{ResumeVectorProjection.TableName}, one at a time)");
        var vectors = new ClusteredVectors(options.Clusters, options.Seed);
        var seed = await new Seeder(dataSource, vectors, options).RunAsync(ct);
        Console.WriteLine($"  seeded {seed.JobIds.Count:N0} job streams via Marten in {seed.Streams.TotalSeconds:F1} s + {seed.VectorOnlyRows:N0} vector-only rows by COPY in {seed.Copy.TotalSeconds:F1} s; " +
                          $"HNSW build {seed.IndexBuild.TotalSeconds:F1} s");

        var resumeTable = $"{Seeder.Schema}.{ResumeVectorProjection.TableName}";
        var users = new List<Guid>();
        var random = new Random(options.Seed + 7);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            if (await Seeder.Scalar(connection, $"SELECT to_regclass('{resumeTable}') IS NOT NULL", ct) is not true)
                throw new InvalidOperationException($"{resumeTable} does not exist: the API should have created it on start");
            for (var i = 0; i < options.Queries; i++)
            {
                var user = Guid.CreateVersion7();
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO {resumeTable} (user_id, sha256, embedding, embedding_model) VALUES (@u, @s, @e, @m)", connection);
                insert.Parameters.AddWithValue("u", user);
                insert.Parameters.AddWithValue("s", $"bench{i}");
                insert.Parameters.AddWithValue("e", new Vector(vectors.Next(random).Vector));
                insert.Parameters.AddWithValue("m", SyntheticJobs.EmbeddingModel);
                await insert.ExecuteNonQueryAsync(ct);
                users.Add(user);
            }
            await using var analyze = new NpgsqlCommand($"ANALYZE {resumeTable}", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }

        var plan = string.Join("\n", await RecommendAsync(dataSource, users[0], 10, explain: true, ct));
        var usesHnsw = plan.Contains(Seeder.EmbeddingIndex, StringComparison.Ordinal);
        Console.WriteLine($"  EXPLAIN: {(usesHnsw ? "uses" : "does NOT use")} {Seeder.EmbeddingIndex}");
        foreach (var line in plan.Split('\n')) Console.WriteLine($"      {line}");

        foreach (var user in users.Take(20)) await RecommendAsync(dataSource, user, 10, explain: false, ct); // warm-up
        var sql = new Latencies();
        var empty = 0;
        foreach (var user in users)
        {
            var started = Stopwatch.GetTimestamp();
            var found = await RecommendAsync(dataSource, user, 10, explain: false, ct);
            sql.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (found.Count < 10) empty++;
        }
        Console.WriteLine($"  recommendations SQL (top 10, ef_search {JobSearchIndexProjection.HnswEfSearch}, iterative scan relaxed_order, own connection from the pool): n={sql.Count} p50 {sql.P50:F2} ms  p99 {sql.P99:F2} ms  mean {sql.Mean:F2} ms" +
                          (empty > 0 ? $"  ({empty} answered fewer than 10)" : ""));

        Console.WriteLine();
        Console.WriteLine("=== Summary ===");
        Console.WriteLine(environment);
        Console.WriteLine($"{"Measurement (ms per file / query)",-58} {"n",5} {"mean",8} {"p50",8} {"p99",8}");
        Console.WriteLine(new string('-', 91));
        foreach (var row in rows)
        {
            Console.WriteLine($"{$"{row.Name}: extract text + skills",-58} {row.Extract.Count,5} {row.Extract.Mean,8:F1} {row.Extract.P50,8:F1} {row.Extract.P99,8:F1}");
            Console.WriteLine($"{$"{row.Name}: embed ({MiniLmEmbeddingGenerator.ModelName})",-58} {row.Embed.Count,5} {row.Embed.Mean,8:F1} {row.Embed.P50,8:F1} {row.Embed.P99,8:F1}");
            Console.WriteLine($"{$"{row.Name}: extract + embed",-58} {row.Total.Count,5} {row.Total.Mean,8:F1} {row.Total.P50,8:F1} {row.Total.P99,8:F1}");
        }
        Console.WriteLine($"{$"Recommended-jobs SQL, HNSW over {options.Vectors:N0} vectors",-58} {sql.Count,5} {sql.Mean,8:F2} {sql.P50,8:F2} {sql.P99,8:F2}");
        Console.WriteLine(new string('-', 91));
        Console.WriteLine("The HTTP endpoint adds the SeekerResume load and the feed items' load to this SQL; it is not measured here.");
        return usesHnsw ? 0 : 1;
    }

    /// <summary>The query of src/OttobonJobs.Api/Matching/RecommendedJobs.cs (Nearest), or its EXPLAIN.</summary>
    private static async Task<List<string>> RecommendAsync(NpgsqlDataSource dataSource, Guid user, int limit, bool explain, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(JobSearchIndexProjection.NearestNeighbourSettings +
            $"""
             {(explain ? "EXPLAIN (COSTS OFF) " : "")}SELECT j.job_id, 1 - (j.embedding <=> r.embedding) AS similarity
             FROM (SELECT embedding, embedding_model FROM {Seeder.Schema}.{ResumeVectorProjection.TableName} WHERE user_id = @user) r
             CROSS JOIN LATERAL (
                 SELECT job_id, embedding FROM {Seeder.Schema}.{JobSearchIndexProjection.TableName}
                 WHERE active AND embedding IS NOT NULL AND embedding_model = r.embedding_model
                 ORDER BY embedding <=> r.embedding
                 LIMIT @limit) j
             ORDER BY similarity DESC
             """);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("limit", limit);
        var results = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) results.Add(explain ? reader.GetString(0) : reader.GetGuid(0).ToString());
        return results;
    }

    private static readonly string[] Names = ["Priya Sharma", "Rahul Verma", "Ananya Iyer", "Karthik Reddy", "Sneha Patel", "Arjun Nair", "Divya Menon", "Rohan Gupta"];
    private static readonly string[] SkillPool = ["SQL", "Python", "Power BI", "Excel", "C#", ".NET", "Java", "AWS", "Azure", "Docker", "GST", "IFRS", "Tally", "Financial modelling", "Tableau", "Git", "Linux", "React", "Selenium", "SAP"];
    private static readonly string[] Verbs = ["Built", "Automated", "Analysed", "Designed", "Tested", "Documented", "Reconciled", "Presented", "Migrated", "Improved"];
    private static readonly string[] Objects = ["a dashboard of monthly sales for the regional team", "the reconciliation of vendor ledgers", "REST APIs for a college placement portal",
        "test cases for a payments module", "a Python script that cleans survey data", "GST returns for three clients", "a cost model for a logistics start-up",
        "the onboarding checklist for new interns", "a SQL report of overdue invoices", "a React page for student attendance"];

    /// <summary>A resume's lines: about 50 lines (one A4 page at 14 pt) per page.</summary>
    private static List<string> ResumeLines(int index, int pages, Random random)
    {
        var lines = new List<string>
        {
            Names[index % Names.Length],
            $"Email: candidate{index}@example.com | Phone: +91 98{random.Next(10_000_000, 99_999_999)} | Pune, India",
            "",
            "SUMMARY",
            "Recent graduate looking for an entry-level role in analytics, finance or software, eager to learn and ship.",
            "",
            "SKILLS",
            string.Join(", ", SkillPool.OrderBy(_ => random.Next()).Take(8)),
            "",
            "EDUCATION",
            $"B.Tech in Computer Science, {2022 + random.Next(4)}, CGPA {7 + random.NextDouble() * 2.5:F1}",
            "",
            "EXPERIENCE AND PROJECTS",
        };
        var target = pages * 50 - 2;
        var project = 1;
        while (lines.Count < target)
        {
            lines.Add($"Project {project++}: {Objects[random.Next(Objects.Length)]} ({2022 + random.Next(4)})");
            for (var k = 0; k < 3 && lines.Count < target; k++)
                lines.Add($"- {Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} using {SkillPool[random.Next(SkillPool.Length)]}.");
        }
        return lines;
    }

    private static byte[] Pdf(List<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        var y = 0.0;
        foreach (var line in lines)
        {
            if (page is null || y < 50)
            {
                page = builder.AddPage(PdfPageSize.A4);
                y = page.PageSize.Height - 50;
            }
            if (line.Length > 0) page.AddText(line, 10, new PdfPoint(50, y), font);
            y -= 14;
        }
        return builder.Build();
    }
}
