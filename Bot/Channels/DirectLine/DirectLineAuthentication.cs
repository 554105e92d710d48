using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.WebChat;
using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.Channels.DirectLine;

/// <summary>
/// Who a web chat request comes from: the signed Direct Line token in <c>Authorization: Bearer</c>, or in the
/// <c>t</c> query parameter on the stream only (a browser's WebSocket cannot send headers). The scheme reads the
/// token; the policies decide whether it opens the conversation the route names.
/// </summary>
public static class DirectLineAuthentication
{
    public const string Scheme = "DirectLine";

    /// <summary>A token that is current, for the conversation the route names and the commune the address serves.</summary>
    public const string ConversationPolicy = "DirectLineConversation";

    /// <summary>The same, but a resident's token may also be expired if it was issued within a day: renewing is how a page carries on.</summary>
    public const string RenewalPolicy = "DirectLineRenewal";

    /// <summary>Endpoint metadata: the token may come in the query, where a WebSocket client puts it.</summary>
    public static readonly object TokenInQuery = new TokenInQueryMetadata();

    public static IServiceCollection AddDirectLineAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DirectLineTokenHandler>(Scheme, configureOptions: null);
        services.AddSingleton<IAuthorizationHandler, DirectLineAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ConversationPolicy, policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new DirectLineAccess(Renewal: false)))
            .AddPolicy(RenewalPolicy, policy => policy.AddAuthenticationSchemes(Scheme).AddRequirements(new DirectLineAccess(Renewal: true)));
        services.AddExceptionHandler<DirectLineRefusals>();
        return services;
    }

    /// <summary>The token a request presents: the bearer header, or on the stream the <c>t</c> query parameter.</summary>
    internal static string? PresentedToken(HttpContext http)
    {
        if (BearerToken(http.Request) is { } bearer)
        {
            return bearer;
        }
        return http.GetEndpoint()?.Metadata.GetMetadata<TokenInQueryMetadata>() is not null && http.Request.Query["t"].ToString() is { Length: > 0 } query
            ? query
            : null;
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    private sealed class TokenInQueryMetadata;
}

/// <summary>The identity a valid Direct Line token (current or expired) establishes; expiry is the policies' to judge.</summary>
public sealed class DirectLineIdentity(DirectLineGrant grant, string token)
    : ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, grant.UserId)], DirectLineAuthentication.Scheme)
{
    public DirectLineGrant Grant { get; } = grant;

    /// <summary>The token as presented, which a reconnecting client gets back in its stream URL.</summary>
    public string Token { get; } = token;

    public static DirectLineIdentity? Of(ClaimsPrincipal user) => user.Identities.OfType<DirectLineIdentity>().FirstOrDefault();

    /// <summary>The caller of an endpoint that requires a Direct Line policy receives its identity as a parameter.</summary>
    public static ValueTask<DirectLineIdentity?> BindAsync(HttpContext http) => ValueTask.FromResult(Of(http.User));
}

/// <summary>
/// Reads the token: none is no result (a 401 "MissingToken" when a policy needed one), a forged, garbled or foreign one
/// fails (401 "BadToken"), and a signed one, even expired, authenticates: an expired token is a 403, which DirectLineJS
/// reads as "renew the token".
/// </summary>
public sealed class DirectLineTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, DirectLineTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = DirectLineAuthentication.PresentedToken(Context);
        var check = await tokens.CheckAsync(token);
        return check switch
        {
            { Status: TokenStatus.Missing } => AuthenticateResult.NoResult(),
            { Status: TokenStatus.Valid or TokenStatus.Expired, Grant: { } grant } =>
                AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new DirectLineIdentity(grant, token!)), Scheme.Name)),
            _ => AuthenticateResult.Fail("The token is not valid."),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var answer = result.None
            ? DirectLineError.Answer(StatusCodes.Status401Unauthorized, "MissingToken", "A Direct Line token is required (Authorization: Bearer …).")
            : DirectLineError.Answer(StatusCodes.Status401Unauthorized, "BadToken", "The token is not valid.");
        await answer.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        (Context.Items[DirectLineAccessHandler.RefusalKey] as IResult ?? DirectLineAccessHandler.Forbidden("The token does not open this conversation."))
            .ExecuteAsync(Context);
}

/// <param name="Renewal">Whether a resident's expired token issued within a day still counts (token refresh).</param>
public sealed record DirectLineAccess(bool Renewal) : IAuthorizationRequirement;

/// <summary>
/// Whether a token opens the request's conversation: current (or renewable), for the conversation in the route, and for
/// the commune whose address the request came to. A refusal's answer is kept for the scheme's 403.
/// </summary>
public sealed class DirectLineAccessHandler(DirectLineTokens tokens, CommuneDirectory communes) : AuthorizationHandler<DirectLineAccess>
{
    internal const string RefusalKey = "DirectLine.Refusal";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DirectLineAccess requirement)
    {
        if (context.Resource is not HttpContext http || DirectLineIdentity.Of(context.User) is not { } identity)
        {
            return Task.CompletedTask;
        }
        if (Refusal(http, identity.Grant, requirement) is { } refusal)
        {
            http.Items[RefusalKey] = refusal;
            context.Fail(new AuthorizationFailureReason(this, "The token does not open this conversation."));
        }
        else
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    internal static IResult Forbidden(string message) => DirectLineError.Answer(StatusCodes.Status403Forbidden, "Forbidden", message);

    private IResult? Refusal(HttpContext http, DirectLineGrant grant, DirectLineAccess requirement)
    {
        if (tokens.HasExpired(grant) && !(requirement.Renewal && tokens.CarriesOver(grant)))
        {
            // 403 is what DirectLineJS reads as "token expired".
            return DirectLineError.Answer(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");
        }
        if (http.GetRouteValue("conversationId") is string conversationId && conversationId != grant.ConversationId)
        {
            return Forbidden("The token is for another conversation.");
        }
        // A resident's conversation stays in the commune it was opened for, whatever address the requests go to. Staff act for their own.
        return grant.StaffName is null && (grant.Commune ?? communes.Single?.Id) != CommuneAddresses.Of(http)?.Id
            ? Forbidden("The token is for another commune's web chat.")
            : null;
    }
}
