using JasperFx;
using JasperFx.CommandLine;
using OttobonJobs.Domain.Identity;

namespace OttobonJobs.Api.Identity;

public class CreateAdminInput : NetCoreInput
{
    [Description("The new admin's email address")]
    public string Email { get; set; } = "";

    [Description("Full name shown in the Control Tower")]
    [FlagAlias("name", 'n')]
    public string NameFlag { get; set; } = "Ottobon Admin";
}

/// <summary>
/// <c>dotnet run --project src/OttobonJobs.Api -- admin-create someone@example.com</c>. The password is read from
/// OTTOBON_NEW_ADMIN_PASSWORD or typed at the prompt, so it never lands in shell history.
/// </summary>
[Description("Creates an admin account (admins cannot sign up through the API)", Name = "admin-create")]
public class CreateAdminCommand : JasperFxAsyncCommand<CreateAdminInput>
{
    public override async Task<bool> Execute(CreateAdminInput input)
    {
        if (!EmailAddress.IsValid(input.Email))
        {
            Console.Error.WriteLine("Give a valid email address.");
            return false;
        }

        var password = Environment.GetEnvironmentVariable("OTTOBON_NEW_ADMIN_PASSWORD") ?? ReadPassword();
        if (ProfileRules.CheckPassword(password) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var registration = host.Services.GetRequiredService<UserRegistration>();
            var outcome = await registration.RegisterAsync(input.Email, password, input.NameFlag, Role.Admin, CancellationToken.None);
            if (outcome is RegistrationOutcome.EmailTaken)
            {
                Console.Error.WriteLine($"An account with the email {input.Email} already exists.");
                return false;
            }
            Console.WriteLine($"Created admin {EmailAddress.Normalise(input.Email)}.");
            return true;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string ReadPassword()
    {
        Console.Write("Password (at least 8 characters): ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }
}
