using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Communes;

public static class CommunesServiceCollectionExtensions
{
    /// <summary>The communes of <c>Communes</c> (or the one of <c>Office</c>), checked at start, and the current one.</summary>
    public static IServiceCollection AddCommunes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommunesOptions>()
            .Configure(options => options.Read(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommunesOptions>, CommuneProblems>();
        services.AddSingleton<CommuneDirectory>();
        services.AddSingleton<CommuneContext>();
        return services;
    }

    // Every problem in one line each, rather than the generic failure above.
    private sealed class CommuneProblems : IValidateOptions<CommunesOptions>
    {
        public ValidateOptionsResult Validate(string? name, CommunesOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
