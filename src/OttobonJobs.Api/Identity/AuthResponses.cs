using OttobonJobs.Api.Access;
using OttobonJobs.Projections.Identity;

namespace OttobonJobs.Api.Identity;

public record AuthUser(Guid Id, string Email, string Role, string FullName);

/// <summary>What sign-up and login return: a bearer token and who it belongs to.</summary>
public record AuthResponse(string AccessToken, string TokenType, int ExpiresIn, AuthUser User)
{
    public static AuthResponse For(UserAccount account, TokenIssuer tokens) =>
        For(account.Id, account.Email, account.Role, account.FullName, tokens);

    public static AuthResponse For(Guid id, string email, string role, string fullName, TokenIssuer tokens)
    {
        var token = tokens.Issue(id, email, role, fullName);
        return new AuthResponse(token.AccessToken, "bearer", token.ExpiresInSeconds, new AuthUser(id, email, role, fullName));
    }
}

public record UserProfileResponse(
    Guid Id, string Email, string Role, string FullName, string? Phone, string? Location,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserProfileResponse From(UserAccount account) => new(
        account.Id, account.Email, account.Role, account.FullName, account.Phone, account.Location,
        account.CreatedAt, account.UpdatedAt);

    public static UserProfileResponse From(Domain.Identity.User user) => new(
        user.Id, user.Email, user.Role, user.FullName, user.Phone, user.Location, user.RegisteredAt, user.UpdatedAt);
}
