using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Bot.Channels.Turns;

namespace OneStopBot.Bot.Channels.Console;

/// <summary>The bot in a terminal, for development and staff training. Buttons are shown as numbered choices.</summary>
public sealed class ConsoleAdapter : BotAdapter
{
    public const string ChannelId = "console";

    private readonly ConversationReference reference = new()
    {
        ChannelId = ChannelId,
        ServiceUrl = "urn:onestop:console",
        Conversation = new ConversationAccount(id: "console"),
        User = new ChannelAccount(id: "console-user", name: "Người dùng"),
        Bot = new ChannelAccount(id: "onestop-bot", name: "OneStopBot"),
        Locale = "vi-VN",
    };

    private readonly TextReader input;
    private readonly TextWriter output;
    private IReadOnlyList<NumberedChoice> lastChoices = [];

    public ConsoleAdapter(TextReader input, TextWriter output, TurnPipeline pipeline)
    {
        this.input = input;
        this.output = output;
        pipeline.Attach(this);
    }

    /// <summary>Welcomes, then runs one turn per line until the input ends.</summary>
    public async Task RunAsync(IBot bot, CancellationToken cancellationToken)
    {
        var welcome = reference.GetContinuationActivity();
        welcome.Type = ActivityTypes.ConversationUpdate;
        welcome.MembersAdded = [reference.User];
        await RunTurnAsync(welcome, bot, cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return;
            }
            var message = reference.GetContinuationActivity();
            message.Type = ActivityTypes.Message;
            message.Text = NumberedMessages.Pick(NumberedMessages.ReadNumber(line), lastChoices)?.Text ?? line;
            message.Id = Guid.NewGuid().ToString("N");
            await RunTurnAsync(message, bot, cancellationToken);
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Message)
            {
                var message = NumberedMessages.Compose(activity);
                // As on Zalo: only the last message's numbers can be meant by a typed number.
                lastChoices = message.Choices;
                await output.WriteLineAsync(message.Text);
            }
            responses.Add(new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N")));
        }
        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A terminal cannot change what it has printed.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A terminal cannot delete what it has printed.");

    private async Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.Timestamp = null;
        using var turnContext = new TurnContext(this, activity);
        await RunPipelineAsync(turnContext, bot.OnTurnAsync, cancellationToken);
    }
}
