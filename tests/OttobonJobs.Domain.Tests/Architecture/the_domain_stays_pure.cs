using System.Reflection;
using OttobonJobs.Domain.Decisions;

namespace OttobonJobs.Domain.Tests.Architecture;

public class the_domain_stays_pure
{
    private static readonly Assembly Domain = typeof(Decision).Assembly;

    [Fact]
    public void it_references_no_marten_wolverine_or_aspnet_assembly()
    {
        var forbidden = new[] { "Marten", "Wolverine", "JasperFx", "Weasel", "Npgsql", "Microsoft.AspNetCore" };
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        references.Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void every_event_type_has_one_stable_name()
    {
        var contracts = Domain.GetTypes()
            .Select(t => t.GetField("Contract", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f?.FieldType == typeof(IReadOnlyList<EventContract>))
            .SelectMany(f => (IReadOnlyList<EventContract>)f!.GetValue(null)!)
            .ToList();

        contracts.ShouldNotBeEmpty();
        contracts.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        contracts.GroupBy(c => c.Type).Where(g => g.Count() > 1).Select(g => g.Key.Name).ShouldBeEmpty();
        contracts.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c.Name, "^[a-z][a-z0-9_]*$"));
    }
}
