using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Edge;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Staff;

public static class StaffApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Who made a staff API call, for the audit log.</summary>
    public const string ApiActor = "api";

    private const string Scheme = "StaffApiKey";
    private const string Policy = "Staff";

    /// <summary>Authentication by the <c>X-Api-Key</c> header, checked before any request body is read.</summary>
    public static IServiceCollection AddStaffApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, StaffApiKeyHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The group <c>/api/staff</c>; every endpoint in it requires the staff API key.</summary>
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/staff").RequireAuthorization(Policy);
}

/// <summary>A request carrying the configured staff API key is the office's other systems; without it, 401.</summary>
public sealed class StaffApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<StaffOptions> staff,
    FailedCredentials failed)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    private bool blocked;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = staff.CurrentValue.ApiKey;
        if (!Request.Headers.TryGetValue(StaffApi.ApiKeyHeader, out var given))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        // An address that has failed too often is not even compared, so guessing gains nothing while blocked.
        blocked = failed.IsBlocked(Context);
        if (blocked)
        {
            return Task.FromResult(AuthenticateResult.Fail("Too many failed staff API keys from this address."));
        }
        // An empty configured key closes the API rather than opening it.
        if (expected.Length == 0 || !StaffPassword.SameSecret(expected, given.ToString()))
        {
            failed.Record(Context);
            return Task.FromResult(AuthenticateResult.Fail("Invalid staff API key."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, StaffApi.ApiActor)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        blocked
            ? Results.Problem("Too many failed staff API keys from this address; try again later.", statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(Context)
            : base.HandleChallengeAsync(properties);
}
