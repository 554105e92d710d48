using OneStopBot.Bot.Hosting;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using OneStopBot.Bot.Edge;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Staff;

public static class StaffApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Who made a staff API call, for the audit log.</summary>
    public const string ApiActor = "api";

    public const string Prefix = "/api/staff";

    /// <summary>The OpenAPI document's name: it is served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/{documentName}.json";

    /// <summary>The API reference page (Scalar), reading the document above.</summary>
    public const string ReferencePath = "/scalar";

    /// <summary>The authentication scheme, also the OpenAPI document's name for the key.</summary>
    public const string SecurityScheme = "StaffApiKey";

    private const string Scheme = SecurityScheme;
    /// <summary>The authorization policy: the staff API key.</summary>
    internal const string Policy = "Staff";

    /// <summary>
    /// Authentication by the <c>X-Api-Key</c> header, checked before any request body is read; enums on the wire by
    /// their camel-case names (<c>resultReady</c>); the OpenAPI document of the staff endpoints only.
    /// </summary>
    public static IServiceCollection AddStaffApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, StaffApiKeyHandler>(Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        // Every form of the workspace's pages carries a token that another site cannot read.
        services.AddAntiforgery();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                ("/" + description.RelativePath).StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OneStopBot staff API";
                document.Info.Description = "Dossiers, statistics, notices and unanswered questions of the one-stop office. "
                    + "Every call needs the staff API key in the " + ApiKeyHeader + " header; errors are ProblemDetails.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyHeader,
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
            StaffCommuneFilter.DescribeCommuneParameter(options);
        });
        return services;
    }

    /// <summary>
    /// The group <c>/api/staff</c>; every endpoint in it requires the staff API key and may answer 401 or 429 with a
    /// ProblemDetails.
    /// </summary>
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup(Prefix).RequireAuthorization(Policy).EnterRequestCommune();
        staff.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return staff;
    }


    /// <summary>The OpenAPI document and its reference page, behind the same key as the API they describe.</summary>
    public static IEndpointRouteBuilder MapStaffApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).RequireAuthorization(Policy);
        app.MapScalarApiReference(ReferencePath, options => options.WithTitle("OneStopBot staff API").WithOpenApiRoutePattern(DocumentPath).Offline())
            .RequireAuthorization(Policy);
        return app;
    }
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
        if (failed.TryBegin(Context) is not { } attempt)
        {
            blocked = true;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed staff API keys from this address."));
        }
        // An empty configured key closes the API rather than opening it.
        if (expected.Length == 0 || !StaffPassword.SameSecret(expected, given.ToString()))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid staff API key."));
        }
        attempt.Succeeded();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, StaffApi.ApiActor)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        blocked
            ? Results.Problem(ProblemTexts.TooManyApiKeys, statusCode: StatusCodes.Status429TooManyRequests)
                .ExecuteAsync(Context)
            // A browser opening the reference page is asked for the key, in a page rather than a ProblemDetails.
            : StaffApiReferencePage.IsBrowserVisit(Context) ? StaffApiReferencePage.WriteSignInAsync(Context)
            : base.HandleChallengeAsync(properties);
}
