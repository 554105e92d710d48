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
                .RequireRole(nameof(StaffRole.Clerk), nameof(StaffRole.Leader)))
            .AddPolicy(LeaderPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(nameof(StaffRole.Leader)));
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
        var identity = new ClaimsIdentity(
            [
                new Claim(UserIdClaim, member.UserId),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, member.Role.ToString()),
                new Claim(SessionClaim, session),
            ],
            Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

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

    public static bool IsLeader(this ClaimsPrincipal user) => user.IsInRole(nameof(StaffRole.Leader));

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
        if (userId is null || session is null || !accounts.IsLive(session, userId) || credentials.Find(userId) is not { } member
            || member.Role.ToString() != user!.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
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
