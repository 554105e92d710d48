using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>The host with a staff API key, a fake clock (Thursday 26/11/2026, 09:00 in Vietnam) and an observer that records status changes.</summary>
public class StaffApiFactory : OneStopBotFactory
{
    public const string ApiKey = "test-staff-key";

    public StaffApiFactory() => Settings["Staff:ApiKey"] = ApiKey;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)));

    public RecordingObserver Observer { get; } = new();

    /// <summary>More test services, registered last.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    public HttpClient CreateStaffClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IDossierStatusObserver>(Observer);
            ExtraServices?.Invoke(services);
        });
    }
}

public sealed class RecordingObserver : IDossierStatusObserver
{
    private readonly List<(Dossier Dossier, StatusChange Change)> seen = [];

    public IReadOnlyList<(Dossier Dossier, StatusChange Change)> Seen
    {
        get
        {
            lock (seen)
            {
                return seen.ToList();
            }
        }
    }

    public void OnStatusChanged(Dossier dossier, StatusChange change)
    {
        lock (seen)
        {
            seen.Add((dossier, change));
        }
    }
}
