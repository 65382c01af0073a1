using JasperFx;
using OttobonJobs.Api.Hosting;

var app = OttobonApi.Build(args);
return await app.RunJasperFxCommands(args);

// Visible to the integration tests' AlbaHost.For<Program>().
public partial class Program;
