using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.WebChat;

namespace OneStopBot.Bot.Edge;

/// <summary>The host names the site answers on: <c>AllowedHosts</c> (top level of appsettings.json), separated by ';'.</summary>
public sealed class AllowedHostsOptions
{
    public const string Key = "AllowedHosts";

    public List<string> Names { get; set; } = [];

    /// <summary>Bare host names (<c>motcua.xa.gov.vn</c>, <c>*.xa.gov.vn</c>, <c>*</c>), with no scheme, port or path.</summary>
    public bool IsValid() => Names.TrueForAll(name => name.IndexOfAny([':', '/', ' ']) < 0 || (name.StartsWith('[') && name.EndsWith(']')));
}

/// <summary>
/// Absolute links (QR codes, the Direct Line <c>streamUrl</c>, the posters) are built from the request's host when
/// <c>WebChat:PublicUrl</c> is empty, so the request's host must be one the office named: this machine (loopback), a
/// name of <c>AllowedHosts</c>, or the host of <c>WebChat:PublicUrl</c>. Others get 400 with a problem text.
/// Checked after the forwarded headers of known proxies, so a proxied <c>X-Forwarded-Host</c> is checked too.
/// </summary>
public static class AllowedHostNames
{
    public static IServiceCollection AddAllowedHostNames(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AllowedHostsOptions>()
            .Configure(o => o.Names = [.. (configuration[AllowedHostsOptions.Key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])
            .Validate(o => o.IsValid(), "AllowedHosts must be host names separated by ';', e.g. motcua.xa.gov.vn;localhost, without http://, port or path.")
            .ValidateOnStart();
        // ASP.NET Core's own host filter reads the same key, but before the forwarded headers and with an empty 400;
        // the check below replaces it.
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        return services;
    }

    public static WebApplication UseAllowedHostNames(this WebApplication app)
    {
        var patterns = app.Services.GetRequiredService<IOptions<AllowedHostsOptions>>().Value.Names.Select(name => new StringSegment(name)).ToList();
        var publicUrl = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.PublicUrl;
        if (publicUrl.Length > 0)
        {
            patterns.Add(new Uri(publicUrl).IdnHost);
        }
        // A commune's own host name serves its web chat.
        patterns.AddRange(app.Services.GetRequiredService<Office.Communes.CommuneDirectory>().All.SelectMany(c => c.HostNames).Select(name => new StringSegment(name)));
        app.Use((context, next) => Allows(context.Request.Host, patterns)
            ? next(context)
            : Results.Problem(ProblemTexts.HostNotAllowed, statusCode: StatusCodes.Status400BadRequest, title: ProblemTexts.HostNotAllowedTitle)
                .ExecuteAsync(context));
        return app;
    }

    private static bool Allows(HostString host, IList<StringSegment> patterns) =>
        host.HasValue && (WebChatOptions.IsLoopbackName(host.Host) || HostString.MatchesAny(host.Value, patterns));
}
