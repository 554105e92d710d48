using Microsoft.AspNetCore.Builder;
using OneStopBot.Bot.Hosting;
using OneStopBot.Bot.Tests.Crash;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>
/// A wrong setting stops the start with one line that names it and says how to fix it, exit code 2, and nothing on
/// disk: no database file, no data folder. Every option validated at start-up has a row.
/// </summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-settings", Guid.NewGuid().ToString("N"));

    public StartupSettingsTests() => Directory.CreateDirectory(folder);

    private string DatabasePath => Path.Combine(folder, "data", "onestop.db");

    /// <summary>Key, wrong value, what the line must name.</summary>
    public static TheoryData<string, string, string> WrongSettings() => new()
    {
        { "Knowledge:ProceduresPath", "/no/such/procedures/folder", "Knowledge:ProceduresPath must be an existing folder" },
        { "Storage:DatabasePath", "", "Storage:DatabasePath must be set" },
        { "Office:AgencyCode", "abc def", "Office:AgencyCode must be" },
        { "Office:Handlers:communePolice:Place", "", "Office:Handlers must have Name, Place and Hours" },
        { "Staff:Members:0:PasswordHash", "plain-text", "Staff:Members:PasswordHash must be" },
        { "Calendar:TimeZone", "", "Calendar:TimeZone must be set" },
        { "Lookup:MaxFailures", "0", "Lookup:MaxFailures must be between" },
        { "Lookup:DigitsWindow", "-01:00:00", "Lookup:DigitsWindow must be between" },
        { "MicrosoftAppId", "my-bot", "MicrosoftAppId must be empty" },
        { "Connector:AllowedServiceUrls:0", "ftp://smba.trafficmanager.net/", "AllowedServiceUrls must be absolute http or https" },
        { "Outbox:BatchSize", "0", "BatchSize" },
        { "Outbox:PollInterval", "00:00:00", "PollInterval" },
        { "DirectLine:IdleTimeout", "00:00:00", "IdleTimeout" },
        { "DirectLine:TokenLifetime", "00:10:00", "DirectLine:TokenLifetime must be at least 20 minutes" },
        { "DirectLine:TokenLifetime", "00:00:00", "DirectLine:TokenLifetime must be at least 20 minutes" },
        { "DirectLine:TokenLifetime", "ten minutes", "DirectLine:TokenLifetime" },
        { "DirectLine:TokenSecret", "short-secret", "DirectLine:TokenSecret must be empty (a random key at each start) or at least 32 bytes" },
        { "DirectLine:TokenSecret", "0123456789abcdef0123456789abcde", "DirectLine:TokenSecret must be empty (a random key at each start) or at least 32 bytes" },
        { "DirectLine:MaxBodyBytes", "0", "MaxBodyBytes" },
        { "DirectLine:ConversationExpiry", "00:30:00", "DirectLine:ConversationExpiry must be at least" },
        { "DirectLine:KeptActivities", "5", "DirectLine:KeptActivities must be between 20 and 10000" },
        { "DirectLine:MaxSocketsPerConversation", "0", "MaxSocketsPerConversation must be at least 1" },
        { "DirectLine:MaxSocketsPerAddress", "1", "MaxSocketsPerConversation must be at least 1" },
        { "Turns:MaxTextLength", "10", "Turns:MaxTextLength must be between" },
        { "Retraining:Timeout", "00:00:10", "Retraining:Timeout must be between" },
        { "Retraining:Timeout", "03:00:00", "Retraining:Timeout must be between" },
        { "Zalo:ApiBaseUrl", "ftp://openapi.zalo.me", "Zalo:ApiBaseUrl" },
        { "Zalo:MaxTextLength", "1", "MaxTextLength must be at least 2" },
        { "Office:ZaloOaId", "oa-phuoc-duc", "Office:ZaloOaId must be the OA's id, digits only" },
        { "Zalo:RedeliveryWindow", "00:00:01", "RedeliveryWindow" },
        { "Zalo:Inbox:MaxConcurrentTurns", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1" },
        { "Zalo:Inbox:MaxAttempts", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1" },
        { "Zalo:Inbox:ReplyHold", "00:00:00", "ReplyHold at least 1 second" },
        { "Zalo:Inbox:PollInterval", "00:00:00", "PollInterval positive" },
        { "Zalo:MaxPendingTurns", "0", "Zalo:MaxPendingTurns and Zalo:Inbox counts must be at least 1" },
        { "State:CachedDocuments", "0", "State:CachedDocuments must be between 1 and 1000000" },
        { "Edge:ConversationStartsPerMinute", "0", "ConversationStartsPerMinute" },
        { "Edge:TrackedAddresses", "0", "TrackedAddresses" },
        { "Edge:KnownProxies:0", "not-an-address", "KnownProxies IP addresses" },
        { "Edge:KnownNetworks:0", "10.0.0.0/33", "KnownNetworks" },
        { "WebChat:PublicUrl", "ftp://phuocduc.example.vn/", "WebChat:PublicUrl must be empty or an absolute http(s) address" },
        { "WebChat:AllowedOrigins:0", "https://phuocduc.example.vn/", "AllowedOrigins" },
        { "WebChat:AllowedOrigins:0", "*", "AllowedOrigins" },
        { "AllowedHosts", "https://motcua.example.vn", "AllowedHosts must be host names" },
        { "Office:OnlineGoalPercent", "0", "Office:OnlineGoalPercent" },
        { "Office:SatisfactionGoalPercent", "150", "Office:SatisfactionGoalPercent" },
    };

    /// <summary>Settings of a commune's own Zalo OA, each on top of two communes: the settings, what the line must name.</summary>
    public static TheoryData<string[], string> WrongCommuneOaSettings() => new()
    {
        { ["--Communes:1:ZaloOaId=579745863508352999"], "Communes:1:ZaloAccessToken must be set with ZaloOaId" },
        { ["--Communes:1:ZaloOaId=579745863508352999", "--Communes:1:ZaloRefreshToken=refresh-b"], "Communes:1:ZaloAccessToken must be set with ZaloOaId" },
        { ["--Communes:1:ZaloAccessToken=access-b"], "Communes:1:ZaloAccessToken and ZaloRefreshToken belong to a commune's own OA" },
        { ["--Communes:0:ZaloRefreshToken=refresh-a"], "Communes:0:ZaloAccessToken and ZaloRefreshToken belong to a commune's own OA" },
    };

    [Theory]
    [MemberData(nameof(WrongCommuneOaSettings))]
    public void A_commune_oa_without_its_tokens_or_tokens_without_an_oa_is_one_line(string[] settings, string named)
    {
        var builder = WebApplication.CreateBuilder([
            $"--Storage:DatabasePath={DatabasePath}", "--Communes:0:Id=phuoc-duc", "--Communes:1:Id=suoi-may",
            "--Communes:1:CommuneName=xã Suối Mây", "--Communes:1:AgencyCode=000.40.20.H49", .. settings]);
        builder.AddOneStopBot();
        using var app = builder.Build();

        var line = Assert.Single(StartupChecks.Problems(app.Services, app.Configuration));

        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>The composition the program runs (build the services, then check) for every row; the process test below runs a few for real.</summary>
    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void A_wrong_setting_is_one_line_naming_it_before_anything_is_created(string key, string value, string named)
    {
        var builder = WebApplication.CreateBuilder([$"--Storage:DatabasePath={DatabasePath}", $"--{key}={value}"]);
        builder.AddOneStopBot();
        using var app = builder.Build();

        var line = Assert.Single(StartupChecks.Problems(app.Services, app.Configuration));

        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains("appsettings.json", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void The_shipped_settings_pass()
    {
        var builder = WebApplication.CreateBuilder([$"--Storage:DatabasePath={DatabasePath}"]);
        builder.AddOneStopBot();
        using var app = builder.Build();

        Assert.Empty(StartupChecks.Problems(app.Services, app.Configuration));
    }

    [Theory]
    [InlineData("DirectLine:TokenSecret", "short-secret")]
    [InlineData("DirectLine:TokenLifetime", "00:10:00")]
    [InlineData("Storage:DatabasePath", "")]
    public async Task The_program_stops_with_exit_code_2_one_line_and_no_file(string key, string value)
    {
        var exited = await HostProcess.RunToExitAsync(folder, "--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={DatabasePath}", $"--{key}={value}");

        Assert.Equal(2, exited.Code);
        Assert.Contains(key, Assert.Single(exited.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", exited.Output + exited.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_verb_checks_the_settings_too()
    {
        var exited = await HostProcess.RunToExitAsync(folder, "seed-demo", $"--Storage:DatabasePath={DatabasePath}", "--Lookup:MaxFailures=0");

        Assert.Equal(2, exited.Code);
        Assert.Contains("Lookup:MaxFailures", Assert.Single(exited.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("")]
    [InlineData("seed-demo")]
    public async Task A_settings_file_that_is_not_json_is_one_line_naming_the_file_and_where(string verb)
    {
        var settings = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(settings, "{ \"Office\": { \"Phone\": \"0235 3812 345\" \n");

        var exited = await HostProcess.RunToExitAsync(folder, verb.Length > 0 ? verb : "--urls=http://127.0.0.1:0", $"--Storage:DatabasePath={DatabasePath}");

        Assert.Equal(2, exited.Code);
        var line = Assert.Single(exited.ErrorLines);
        Assert.Contains(settings, line, StringComparison.Ordinal);
        Assert.Contains("LineNumber", line, StringComparison.Ordinal);
        Assert.Equal([settings], Directory.GetFileSystemEntries(folder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
