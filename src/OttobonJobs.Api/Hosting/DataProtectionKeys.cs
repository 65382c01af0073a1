using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// ASP.NET Data Protection's key ring in PostgreSQL (<c>ottobon_data_protection_keys</c>), so whatever one node protects
/// every other node can unprotect, and the ring survives a container being replaced. The key XML is stored as ASP.NET
/// writes it (no XML encryptor): whoever can read the database can read the keys, as with every other secret kept there.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public const string ApplicationName = "OttobonJobs";

    // IXmlRepository is synchronous: the key ring is read once and then only when it is refreshed or a key is added.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = dataSource.CreateCommand("select xml from ottobon_data_protection_keys order by created_at");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var command = dataSource.CreateCommand("""
            insert into ottobon_data_protection_keys (friendly_name, xml, created_at) values (@name, @xml, now())
            on conflict (friendly_name) do nothing
            """);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private void EnsureTable()
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand("""
            select pg_advisory_xact_lock(hashtextextended('ottobon_data_protection_keys', 0));
            create table if not exists ottobon_data_protection_keys (
                friendly_name text primary key, xml text not null, created_at timestamptz not null);
            """, connection, transaction);
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}

public static class DataProtectionKeys
{
    /// <summary>One application name and one key ring in the database for every node.</summary>
    public static IServiceCollection AddOttobonDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(PostgresXmlRepository.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, dataSource) =>
            options.XmlRepository = new PostgresXmlRepository(dataSource));
        return services;
    }
}
