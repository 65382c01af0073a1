using System.Net.Http.Headers;
using Marten;
using OttobonJobs.Projections.Jobs;
using OttobonJobs.Tests.Support;
using Xunit.Abstractions;

namespace OttobonJobs.Tests.Chat;

/// <summary>
/// Three active jobs (two at Infosys, one Java job at TCS) and a seeker whose Node.js resume lacks Java and Spring
/// Boot (each test signs up its own, vectors ready so the fit has a score): one host for the class.
/// </summary>
public class CoachFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public SocketApi Api { get; private set; } = null!;
    public Guid TraineeJob { get; private set; }
    public Guid OtherInfosysJob { get; private set; }
    public Guid TcsJob { get; private set; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Api = await SocketApi.Start(_database.ConnectionString);
        var provider = await Api.SignUp("provider");
        TraineeJob = await Post(provider, "Java Backend Trainee", "Infosys", "Pune", ["Java", "Spring Boot", "SQL", "Docker"],
            "Infosys builds banking and retail software for clients around the world. As a Java backend trainee you will write Spring Boot " +
            "services over SQL databases and ship them in Docker containers. Freshers welcome: we train you for twelve weeks.");
        OtherInfosysJob = await Post(provider, "Systems Engineer", "Infosys", "Mysuru", ["Java", "Linux"],
            "Infosys is hiring systems engineers for its Mysuru campus. You will support Java applications on Linux servers for our clients, " +
            "monitor deployments and fix production issues with senior engineers. Graduates of 2025 may apply.");
        TcsJob = await Post(provider, "Graduate Java Developer", "TCS", "Chennai", ["Java", "SQL"],
            "TCS hires graduate Java developers for its Chennai delivery centre. Fresh graduates build and test Java services with SQL " +
            "databases for banking clients, learn agile delivery and pair with experienced developers. No prior experience required.");
        foreach (var job in new[] { TraineeJob, OtherInfosysJob, TcsJob }) await WaitUntil($"/api/jobs/{job}/details", null);

    }

    /// <summary>A new seeker (so each test has fresh sessions) with the Node.js resume, its vector stored.</summary>
    public async Task<SignedIn> SeekerWithResume()
    {
        var seeker = await Api.SignUp("seeker");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ResumeFiles.OnePagePdf(ResumeScenarios.NodeDeveloperResume));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "priya.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/users/resume") { Content = form };
        upload.Headers.Authorization = new("Bearer", seeker.Token);
        (await Api.Http.SendAsync(upload)).EnsureSuccessStatusCode();
        // The match endpoint answers once the resume's vector is stored: the coach's fit then has a score.
        await WaitUntil($"/api/jobs/{TraineeJob}/match", seeker, HttpMethod.Post);
        return seeker;
    }

    private async Task<Guid> Post(SignedIn provider, string title, string company, string location, string[] skills, string description) =>
        (await Api.Json(HttpMethod.Post, "/api/jobs", provider, new
        {
            title, description_raw = description, skills_required = skills, company_name = company, location,
        })).GetProperty("id").GetGuid();

    private async Task WaitUntil(string url, SignedIn? user, HttpMethod? method = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if ((await Api.Send(method ?? HttpMethod.Get, url, user)).IsSuccessStatusCode) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} never answered.");
    }

    public async Task<JobDetails> Details(Guid jobId)
    {
        await using var session = Api.Store.QuerySession();
        return (await session.LoadAsync<JobDetails>(jobId))!;
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Each kind of question, asked through the chat socket, is answered from the job's and the resume's own facts.</summary>
public class when_the_local_coach_answers(CoachFixture coach, ITestOutputHelper output) : IClassFixture<CoachFixture>
{
    private SocketApi Api => coach.Api;

    /// <summary>Opens the seeker's chat (about a job, or the general one), past the greeting.</summary>
    private async Task<ChatSocketClient> Chat(Guid? jobId, SignedIn? seeker = null)
    {
        seeker ??= await coach.SeekerWithResume();
        var session = await Api.Json(HttpMethod.Post, "/api/chat/sessions", seeker, jobId is null ? new { } : new { job_id = jobId });
        var client = await Api.Connect(session.GetProperty("id").GetGuid(), seeker.Token);
        var replay = await client.WaitFor(f => ChatSocketClient.Type(f, "history_replay"));
        if (replay.GetProperty("messages").GetArrayLength() == 0) await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply"));
        return client;
    }

    private async Task<string> Ask(ChatSocketClient client, string question)
    {
        await client.SendMessage(question, clientId: Guid.NewGuid().ToString());
        var reply = (await client.WaitFor(f => ChatSocketClient.Type(f, "ai_reply") && !f.GetProperty("content").GetString()!.StartsWith("Hi ")))
            .GetProperty("content").GetString()!;
        output.WriteLine($"> {question}\n{reply}\n");
        return reply;
    }

    [Fact]
    public async Task am_i_a_good_fit_gets_the_match_score_and_the_missing_skills()
    {
        var seeker = await coach.SeekerWithResume();
        var match = await Api.Json(HttpMethod.Post, $"/api/jobs/{coach.TraineeJob}/match", seeker);
        using var client = await Chat(coach.TraineeJob, seeker);

        var reply = await Ask(client, "Am I a good fit?");

        reply.ShouldContain($"{(int)Math.Round(match.GetProperty("match_score").GetDouble() * 100)}% fit for Java Backend Trainee");
        foreach (var missing in match.GetProperty("missing_skills").EnumerateArray()) reply.ShouldContain(missing.GetString()!);
        reply.ShouldContain("can't promise selection");
    }

    [Fact]
    public async Task which_skills_first_gets_each_missing_skill_with_weeks_and_a_learning_link_not_the_fit_answer()
    {
        using var client = await Chat(coach.TraineeJob);

        var fit = await Ask(client, "Am I a good fit?");
        var skills = await Ask(client, "Which skills first, and how long would it take?");

        skills.ShouldContain("Java: about 8 weeks");
        skills.ShouldContain("https://dev.java/learn/");
        skills.ShouldContain("Spring Boot: about 4 weeks");
        skills.ShouldNotBe(fit);
    }

    [Fact]
    public async Task a_question_naming_a_skill_gets_its_weeks_and_link()
    {
        using var client = await Chat(coach.TraineeJob);

        var reply = await Ask(client, "how many weeks to learn SQL");

        reply.ShouldContain("SQL: about 4 weeks");
        reply.ShouldContain("sqlbolt.com");
    }

    [Fact]
    public async Task what_salary_gets_the_range_the_job_shows_and_says_it_is_an_estimate()
    {
        var salary = (await coach.Details(coach.TraineeJob)).Salary.ShouldNotBeNull();
        using var client = await Chat(coach.TraineeJob);

        var reply = await Ask(client, "What salary can I expect?");

        reply.ShouldContain(salary.Display);
        reply.ShouldContain("estimate");
        reply.ShouldNotContain("AmbitionBox");
    }

    [Fact]
    public async Task interview_questions_come_from_the_job_and_asking_again_gives_the_next_ones()
    {
        var questions = (await coach.Details(coach.TraineeJob)).PrepQuestions.Select(q => q.Question).ToList();
        using var client = await Chat(coach.TraineeJob);

        var first = await Ask(client, "How should I prepare for the interview?");
        var second = await Ask(client, "How should I prepare for the interview?");

        first.ShouldContain(questions[0]);
        second.ShouldContain(questions[2]);
        second.ShouldNotBe(first);
    }

    [Fact]
    public async Task resume_advice_uses_the_jobs_tips_and_the_resumes_skills()
    {
        var tips = (await coach.Details(coach.TraineeJob)).ResumeTips;
        using var client = await Chat(coach.TraineeJob);

        var reply = await Ask(client, "Help me with my resume");

        reply.ShouldContain(tips[0]);
        reply.ShouldContain("SQL"); // a job skill the resume shows, to put near the top
    }

    [Fact]
    public async Task tell_me_about_the_company_names_it_and_its_other_open_roles_here()
    {
        using var client = await Chat(coach.TraineeJob);

        var reply = await Ask(client, "tell me about Infosys");

        reply.ShouldContain("Infosys is hiring a Java Backend Trainee in Pune");
        reply.ShouldContain("banking and retail software");
        reply.ShouldContain($"Systems Engineer (Mysuru) — /jobs/{coach.OtherInfosysJob}");
    }

    [Fact]
    public async Task which_jobs_suit_a_java_fresher_in_the_general_chat_lists_java_jobs_with_links()
    {
        using var client = await Chat(null);

        var reply = await Ask(client, "Which jobs here suit a Java fresher?");

        reply.ShouldContain("Graduate Java Developer at TCS");
        reply.ShouldContain($"/jobs/{coach.TcsJob}");
        reply.ShouldNotContain("I can help you prepare");
    }

    [Fact]
    public async Task an_off_topic_question_is_declined_and_an_unclear_one_asked_back()
    {
        using var client = await Chat(coach.TraineeJob);

        var weather = await Ask(client, "what's the weather in Pune today?");
        var unclear = await Ask(client, "hmm ok so");

        weather.ShouldContain("outside what I can help with");
        weather.ShouldNotContain("Spring Boot");
        unclear.ShouldContain("not sure what you're asking");
    }

    [Fact]
    public async Task the_same_question_three_times_never_gets_the_same_reply_twice_in_a_row()
    {
        var salary = (await coach.Details(coach.TraineeJob)).Salary.ShouldNotBeNull();
        using var client = await Chat(coach.TraineeJob);

        var replies = new List<string>();
        for (var i = 0; i < 3; i++) replies.Add(await Ask(client, "What salary can I expect?"));

        replies[1].ShouldNotBe(replies[0]);
        replies[2].ShouldNotBe(replies[1]);
        replies.ShouldAllBe(r => r.Contains(salary.Display));
    }
}
