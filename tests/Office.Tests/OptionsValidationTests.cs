using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Tests;

/// <summary>A wrong office setting stops the start with the setting's name, instead of being patched over later.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Lookup:MaxFailures", "0", "MaxFailures")]
    [InlineData("Lookup:MaxWrongDigits", "-3", "MaxWrongDigits")]
    [InlineData("Lookup:Window", "00:00:00", "Window")]
    [InlineData("Lookup:DigitsWindow", "-01:00:00", "DigitsWindow")]
    [InlineData("Storage:DatabasePath", "", "DatabasePath")]
    [InlineData("Office:AgencyCode", "abc def", "AgencyCode")]
    [InlineData("Calendar:TimeZone", "", "TimeZone")]
    public void A_wrong_setting_fails_the_start_up_check(string key, string value, string named)
    {
        using var provider = Services(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
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
