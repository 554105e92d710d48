using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Tests;

/// <summary>A wrong office setting stops the start with the setting's name, instead of being patched over later.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Lookup:MaxFailures", "0")]
    [InlineData("Lookup:MaxWrongDigits", "-3")]
    [InlineData("Lookup:Window", "00:00:00")]
    [InlineData("Lookup:DigitsWindow", "-01:00:00")]
    [InlineData("Storage:DatabasePath", "")]
    [InlineData("Office:AgencyCode", "abc def")]
    [InlineData("Office:AgencyCode", "")]
    [InlineData("Calendar:TimeZone", "")]
    [InlineData("Reminders:SendFrom", "21:00")]
    [InlineData("Reminders:VisitReminderAt", "06:00")]
    [InlineData("Reminders:DeadlineLeadDays", "0")]
    [InlineData("Reminders:SupplementWorkingDays", "31")]
    [InlineData("Reminders:ScanInterval", "00:00:00")]
    [InlineData("Staff:Members:0:PasswordHash", "plain-text", "Staff:Members:PasswordHash")]
    public void A_wrong_setting_fails_the_start_up_check_naming_it_as_the_settings_file_does(string key, string value, string? named = null)
    {
        using var provider = Services(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // As the host's own settings are worded: "Section:Key must …", so the operator finds the line to fix.
        Assert.Contains((named ?? key) + " must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_settings_pass()
    {
        using var provider = Services([]);

        Assert.Null(Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate()));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "unused.db") })
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection().AddOffice(configuration).BuildServiceProvider();
    }
}
