using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Tests.Root;

public sealed class HandlerConfigurationTests
{
    [Theory]
    [InlineData("Office:Handlers:communePolice:Place")]
    [InlineData("Office:Handlers:communeMilitary:Hours")]
    [InlineData("Office:Handlers:communeMilitary:Name")]
    public void A_receiver_without_its_place_hours_or_name_is_refused_at_start_up(string key)
    {
        using var harness = new ConversationHarness(settings: new Dictionary<string, string?> { [key] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Get<IOptions<OfficeOptions>>().Value);
        Assert.Contains("Office:Handlers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_configuration_names_every_receiver()
    {
        using var harness = new ConversationHarness();
        Assert.Empty(harness.Office.HandlerProblems());
    }
}
