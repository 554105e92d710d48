using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Staff;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;

namespace OneStopBot.Bot.StaffWeb;

/// <summary>Configuration section <c>StaffWeb</c>: how long an unused workspace session lasts.</summary>
public sealed class StaffWebOptions
{
    public const string Section = "StaffWeb";

    /// <summary>A session unused this long ends (each page opened renews it); between 5 minutes and 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "12:00:00", ErrorMessage = "StaffWeb:IdleTimeout must be between 00:05:00 and 12:00:00.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// Signed-in staff in the workspace: an ASP.NET Core cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, sliding
/// expiry) that names a session kept in the database, so signing out, a disabled account or a reset password ends the
/// session on the server whatever the browser still holds; antiforgery tokens on every form.
/// </summary>
public static class StaffSessions
{
    public const string Scheme = "StaffWeb";

    /// <summary>Any signed-in member (clerk or leader).</summary>
    public const string ClerkPolicy = "StaffWebClerk";

    public const string LeaderPolicy = "StaffWebLeader";

    public const string CookieName = "onestop-can-bo";

    public const string AntiforgeryCookieName = "onestop-can-bo-af";

    public const string AntiforgeryField = "__RequestVerificationToken";

    public const string AntiforgeryHeader = "RequestVerificationToken";

    public const string SessionClaim = "onestop:session";

    /// <summary>The Id of the commune the session acts for: the member's own, or the one a province administrator chose.</summary>
    public const string CommuneClaim = "onestop:commune";

    /// <summary>Workspace pages open to a province administrator only.</summary>
    public const string ProvincePolicy = "StaffWebProvince";

    public const string UserIdClaim = ClaimTypes.NameIdentifier;

    /// <summary>The folder beside the database that keeps the keys of the session cookies and form tokens.</summary>
    public const string KeysFolder = "keys";

    /// <summary>A workspace form is a few short fields; anything larger is refused before it is read.</summary>
    public const int MaxFormBytes = 16 * 1024;

    public static IServiceCollection AddStaffWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffWebOptions>().Bind(configuration.GetSection(StaffWebOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StaffCredentials>();
        services.AddSingleton<DossierPageParts>();
        services.AddAuthentication().AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<StaffWebOptions>, TimeProvider>((cookie, web, time) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = web.Value.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.TimeProvider = time;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateAsync,
                OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ClerkPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(nameof(StaffRole.Clerk), nameof(StaffRole.Leader), nameof(StaffRole.Province)))
            .AddPolicy(LeaderPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(nameof(StaffRole.Leader), nameof(StaffRole.Province)))
            .AddPolicy(ProvincePolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(nameof(StaffRole.Province)));
        // The keys that sign the session cookie and the form tokens live beside the database, so a restart keeps staff
        // signed in; they are as secret as the database itself, which is where the office keeps its protection.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath))!, KeysFolder)), logs));
        // Its warning that the keys are stored unencrypted says what is intended here, at every first start.
        services.AddLogging(logging => logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = AntiforgeryField;
            antiforgery.HeaderName = AntiforgeryHeader;
        });
        return services;
    }

    /// <summary>Starts a session for a member whose password was right, and sets its cookie.</summary>
    public static async Task SignInAsync(HttpContext http, StaffMember member, string name, IStaffAccountStore accounts)
    {
        var session = accounts.StartSession(member.UserId);
        var commune = http.RequestServices.GetRequiredService<StaffCommunes>().For(member);
        var identity = new ClaimsIdentity(
            [
                new Claim(UserIdClaim, member.UserId),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, member.Role.ToString()),
                new Claim(SessionClaim, session),
                new Claim(CommuneClaim, commune.Id),
            ],
            Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Keeps <paramref name="commune"/> in the signed-in member's session (same session, a new cookie).</summary>
    public static async Task SwitchCommuneAsync(HttpContext http, Commune commune)
    {
        var claims = http.User.Claims.Where(c => c.Type != CommuneClaim).Append(new Claim(CommuneClaim, commune.Id));
        await http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
    }

    /// <summary>The Id of the commune the session acts for.</summary>
    public static string? CommuneId(this ClaimsPrincipal user) => user.FindFirstValue(CommuneClaim);

    public static bool IsProvince(this ClaimsPrincipal user) => user.IsInRole(nameof(StaffRole.Province));

    /// <summary>
    /// Every request of the group acts for the commune of its session, its result written inside it too (a page or a
    /// file read lazily still reads that commune's records). A session whose commune the member may no longer act for
    /// was already ended when it was validated.
    /// </summary>
    public static RouteGroupBuilder EnterSessionCommune(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var directory = http.RequestServices.GetRequiredService<CommuneDirectory>();
            if (directory.Find(http.User.CommuneId()) is not { } commune)
            {
                return StaffPages.Problem(http, StatusCodes.Status403Forbidden, StaffPageTexts.SignInFirst);
            }
            return await StaffCommuneFilter.InCommuneAsync(context, next, http.RequestServices.GetRequiredService<CommuneContext>(), commune);
        });

    /// <summary>Ends the session on the server and forgets the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, IStaffAccountStore accounts)
    {
        if (http.User.FindFirstValue(SessionClaim) is { } session)
        {
            accounts.EndSession(session);
        }
        await http.SignOutAsync(Scheme);
    }

    /// <summary>The signed-in member's name, as the audit log records it.</summary>
    public static string StaffName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No staff member is signed in.");

    public static bool IsLeader(this ClaimsPrincipal user) => user.IsInRole(nameof(StaffRole.Leader)) || user.IsProvince();

    /// <summary>
    /// Reads the request's form with small limits, then checks its antiforgery token: null when both are right, else the
    /// refusal (400) to send. The form is read here so that nothing else reads an unbounded one. A form that uploads a
    /// file raises <paramref name="maxBytes"/> to its own cap; its short fields keep the small limits.
    /// </summary>
    public static async Task<IResult?> CheckFormAsync(HttpContext http, IAntiforgery antiforgery, long maxBytes = MaxFormBytes)
    {
        if (!http.Request.HasFormContentType || http.Request.ContentLength is null || http.Request.ContentLength > maxBytes)
        {
            return StaffPages.Problem(http, StatusCodes.Status400BadRequest, StaffPageTexts.BadForm);
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            ValueCountLimit = 20,
            KeyLengthLimit = 100,
            ValueLengthLimit = MaxFormBytes,
            MultipartBodyLengthLimit = maxBytes,
        }));
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return StaffPages.Problem(http, StatusCodes.Status400BadRequest, StaffPageTexts.FormExpired);
        }
        catch (InvalidDataException)
        {
            return StaffPages.Problem(http, StatusCodes.Status400BadRequest, StaffPageTexts.BadForm);
        }
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IStaffAccountStore>();
        var credentials = context.HttpContext.RequestServices.GetRequiredService<StaffCredentials>();
        var user = context.Principal;
        var userId = user?.FindFirstValue(UserIdClaim);
        var session = user?.FindFirstValue(SessionClaim);
        // A session counts only while the database keeps it and the member is still configured.
        var communes = context.HttpContext.RequestServices.GetRequiredService<StaffCommunes>();
        var directory = context.HttpContext.RequestServices.GetRequiredService<CommuneDirectory>();
        if (userId is null || session is null || !accounts.IsLive(session, userId) || credentials.Find(userId) is not { } member
            || member.Role.ToString() != user!.FindFirstValue(ClaimTypes.Role)
            // A member moved to another commune in the configuration no longer acts for the old one.
            || directory.Find(user!.CommuneId() ?? communes.For(member).Id) is not { } commune || !communes.MayActFor(member, commune))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        // A session started before staff had communes acts for the member's own from now on, without signing in again.
        if (user is not null && user.CommuneId() is null)
        {
            context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(user.Claims.Append(new Claim(CommuneClaim, commune.Id)), Scheme)));
            context.ShouldRenew = true;
        }
    }

    /// <summary>No redirect to an absolute address: a page asks to sign in again (its link relative), anything else gets a status.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var http = context.HttpContext;
        if (status == StatusCodes.Status401Unauthorized && HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = StaffPages.Root(http) + StaffSignInPage.Path.TrimStart('/');
            return Task.CompletedTask;
        }
        return StaffPages.Problem(http, status, status == StatusCodes.Status403Forbidden ? StaffPageTexts.LeaderOnly : StaffPageTexts.SignInFirst)
            .ExecuteAsync(http);
    }
}
