using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Office;

namespace OneStopBot.Dialogs.Root;

/// <summary>What the bot says outside any dialog, with the office's facts filled in.</summary>
public sealed class RootReplies(IOptions<OfficeOptions> office)
{
    public Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        MenuAsync(turnContext, Format(RootTexts.Welcome), cancellationToken);

    public Task OfficeFactsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var facts = office.Value;
        var text = Format(RootTexts.OfficeFacts) + (facts.Villages.Count > 0 ? RootTexts.Villages + string.Join(", ", facts.Villages) + "." : string.Empty);
        return MenuAsync(turnContext, text, cancellationToken);
    }

    /// <summary>A text with the main menu as buttons.</summary>
    public Task MenuAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(Replies.WithChoices(text, MainMenu.Items), cancellationToken);

    private string Format(string template)
    {
        var facts = office.Value;
        return string.Format(CultureInfo.InvariantCulture, template, facts.OfficeName, facts.Phone, facts.WorkingHours, facts.Address);
    }
}
