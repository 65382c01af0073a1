using OttobonJobs.Api.Hosting;

return await OttobonCommandLine.RunAsync(args);

// Visible to the integration tests' AlbaHost.For<Program>().
public partial class Program;
