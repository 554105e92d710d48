using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Dialogs.Identity;
using OneStopBot.Dialogs.Messages;

namespace OneStopBot.Dialogs.Root;

/// <summary>Decides what a message starts when no dialog is waiting for it, from its reading.</summary>
public sealed class RootRouter(
    MessageReader reader,
    ProcedureTopic topic,
    ProcedureAnswers answers,
    RootReplies replies,
    ReminderReplies reminders)
{
    // Said before asking which procedure, when a trip question names none.
    private static readonly Dictionary<ProcedureAspect, string> WaysInGeneral = new()
    {
        [ProcedureAspect.Trip] = ProcedureTexts.TripGeneral,
        [ProcedureAspect.Post] = ProcedureTexts.PostGeneral,
        [ProcedureAspect.Online] = ProcedureTexts.OnlineGeneral,
    };

    private static readonly Dictionary<Intent, string> FeatureDialogs = new()
    {
        [Intent.Submit] = DialogIds.PreRegister,
        [Intent.Status] = DialogIds.CheckDossier,
        [Intent.Subscribe] = DialogIds.Subscribe,
        [Intent.Unsubscribe] = DialogIds.Unsubscribe,
        [Intent.Feedback] = DialogIds.Feedback,
        [Intent.Human] = DialogIds.TalkToStaff,
    };

    public async Task RouteAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        var text = turn.Activity.Text ?? string.Empty;

        if (RequestedProcedure(turn.Activity.Value) is { } requested)
        {
            await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(requested), cancellationToken);
            return;
        }

        if (StaffCommands.TryParse(text, out var commandDialog, out var arguments))
        {
            await RunStaffCommandAsync(dc, commandDialog, arguments, cancellationToken);
            return;
        }

        // Exact command words, like the staff commands: the understanding is not asked.
        if (ReminderCommands.IsStop(text))
        {
            await reminders.StopAsync(turn, cancellationToken);
            return;
        }
        if (ReminderCommands.IsRemindRequest(text))
        {
            await reminders.RemindDeadlineAsync(turn, cancellationToken);
            return;
        }

        // A rating button answers a rating request sent earlier through the outbox; unasked, it is an ordinary message.
        if (RatingDialog.IsRatingAnswer(text) && dc.Dialogs.Find(DialogIds.Rating) is RatingDialog rating && await rating.IsAwaitedAsync(turn, cancellationToken))
        {
            await StartAsync(dc, DialogIds.Rating, new FeatureOptions(null, text), cancellationToken);
            return;
        }

        var current = await topic.ReadAsync(turn, cancellationToken);
        var reading = reader.Read(text, new ReadingContext(current.ProcedureId, current.Aspect, UnderWay: current.UnderWay));
        if (reading.OtherProcedure)
        {
            await topic.SetAsync(turn, null, cancellationToken);
        }
        if (!await AvoidTripAsync(dc, reading, current.ProcedureId, cancellationToken))
        {
            await ActAsync(dc, reading, current.ProcedureId, cancellationToken);
        }
        if (dc.ActiveDialog is null && reading.Intent != Intent.Greeting)
        {
            // Answered, with no question waiting: a greeting from now on takes leave. A welcome answers nothing.
            await topic.MarkUnderWayAsync(turn, cancellationToken);
        }
    }

    /// <summary>
    /// A question about sparing a trip (by post, from far away, online with no procedure yet) is answered with the
    /// ways the procedure allows; with no procedure named or talked about, the ways in general, then which procedure.
    /// False when the message asks no such thing, or asks something else (a dossier's status, a person).
    /// </summary>
    private async Task<bool> AvoidTripAsync(DialogContext dc, MessageReading reading, string? current, CancellationToken cancellationToken)
    {
        if (reading.Intent is not (Intent.Ask or Intent.None or Intent.Submit or Intent.Office or Intent.Greeting)
            && !(reading.Intent == Intent.Status && TripReading.FilesByPost(reading.Text)))
        {
            return false;
        }
        var named = reading is { Intent: Intent.Ask or Intent.Submit, Band: ConfidenceBand.Answer } && reading.ProcedureId != current ? reading.ProcedureId : null;
        var way = TripReading.Read(reading.Text, named is not null);
        var procedure = named ?? current;
        // Online is the understanding's to read where it found an aspect ("làm online cần giấy gì") or is unsure of the
        // procedure; "hướng dẫn làm khai sinh trên vneid" names none but online, which asks for the steps online, and so
        // does "nộp online sao" with no procedure at all, though its aspect is online.
        var unsureOfProcedure = reading.ProcedureId is not null || reading.Candidates.Count > 0;
        var asksAspect = reading.Aspect != ProcedureAspect.None && !(procedure is null && reading.Aspect == ProcedureAspect.Online);
        if (way == ProcedureAspect.None
            || (way == ProcedureAspect.Online && (asksAspect || (procedure is null && unsureOfProcedure))))
        {
            return false;
        }
        if (procedure is null)
        {
            await dc.Context.SendActivityAsync(WaysInGeneral[way], cancellationToken: cancellationToken);
        }
        await StartAsync(dc, DialogIds.AskProcedure, new AskOptions(procedure, way), cancellationToken);
        return true;
    }

    public Task StartAsync(DialogContext dc, string dialogId, object? options, CancellationToken cancellationToken) =>
        dc.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>
    /// A main-menu request ("tra cứu hồ sơ", "nộp hồ sơ trước") typed while a dialog waits for something else, or a
    /// dossier code in the middle of a resident's guided flow (staff prompts, questions for staff and comments take
    /// codes as their text): the resident wants that feature now.
    /// </summary>
    public bool IsFeatureRequest(DialogContext dc, string text) =>
        reader.IsMenuRequest(text)
        || (IGuidedDialog.Of(dc.Dialogs.Find(dc.Stack.Instances[0].Id)).Purpose is not null && reader.HoldsDossierCode(text));

    /// <summary>Thanks or a goodbye: said where a question waits for a button, the resident is leaving, not answering.</summary>
    public bool IsClosing(string text) => reader.Closes(text);

    /// <summary>Whether a procedure was talked about and the message is a yes, which its reading takes as yes to it.</summary>
    public async Task<bool> IsYesToTopicAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        ConfirmRecognizer.Recognize(text) is { Succeeded: true, Value: true } && await topic.GetAsync(turnContext, cancellationToken) is not null;

    private async Task RunStaffCommandAsync(DialogContext dc, string? dialogId, string arguments, CancellationToken cancellationToken)
    {
        // Staff rights come from the channel's authentication only, never from an id in the activity.
        if (dc.Context.StaffName() is null)
        {
            await replies.MenuAsync(dc.Context, RootTexts.StaffOnly, cancellationToken);
        }
        else if (dialogId is null || !dc.Dialogs.Contains(dialogId))
        {
            await dc.Context.SendActivityAsync(RootTexts.UnknownCommand, cancellationToken: cancellationToken);
        }
        else
        {
            await StartAsync(dc, dialogId, new FeatureOptions(null, arguments), cancellationToken);
        }
    }

    private async Task ActAsync(DialogContext dc, MessageReading reading, string? current, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        if (FeatureOf(reading, current) is { } feature)
        {
            if (reading is { Intent: Intent.Status, ProcedureId: { } named })
            {
                // "hồ sơ khai sinh nộp tuần rồi xong chưa": what is asked next ("thường mấy ngày thì có") is about khai sinh.
                await topic.SetAsync(turn, named, cancellationToken);
            }
            await StartAsync(dc, feature.DialogId, feature.Options, cancellationToken);
            return;
        }
        if (reading.OtherAgency is { } agency)
        {
            await (agency.IsCovered ? replies.OtherAgencyAsync(turn, agency, cancellationToken) : answers.SendNotCoveredAsync(turn, reading.Text, cancellationToken));
            return;
        }
        if (reading.Searched || reading.Unsure)
        {
            // Understanding missed it, whatever the resident picks next: kept for staff once, now.
            answers.Keep(turn, reading.Text);
        }
        switch (reading.Intent)
        {
            case Intent.Ask:
                // An answer, a guess to confirm, a short list to choose from, or "mất bao lâu" with no procedure yet.
                await StartAsync(dc, DialogIds.AskProcedure, AskOptions.For(reading), cancellationToken);
                break;
            case Intent.Office:
                await replies.OfficeFactsAsync(turn, reading.Day, cancellationToken);
                break;
            case Intent.Greeting when reading.Closing:
                await replies.ThanksAsync(turn, cancellationToken);
                break;
            case Intent.Greeting:
                await replies.WelcomeAsync(turn, cancellationToken);
                break;
            case Intent.Help:
                await replies.MenuAsync(turn, RootTexts.Help, cancellationToken);
                break;
            case Intent.None when reading.ChitChat:
                // Learned apart from real messages nothing fits, which still go to staff below.
                await replies.ChitChatAsync(turn, cancellationToken);
                break;
            case Intent.None when reading.Refusal == Refusal.Stop:
                await answers.SendStoppedAsync(turn, cancellationToken);
                break;
            default:
                await answers.SendNotFoundAsync(turn, reading.Text, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The feature a reading asks for (pre-registration, status, notices, feedback, a person), with what it starts
    /// from: only pre-registration is about a procedure, the one in context if the message names none; the other
    /// features start from the message alone, and feedback from the remark when the message is one.
    /// </summary>
    public static (string DialogId, FeatureOptions Options)? FeatureOf(MessageReading reading, string? current) =>
        FeatureDialogs.TryGetValue(reading.Intent, out var dialogId)
            ? (dialogId, reading.Intent switch
            {
                Intent.Submit => new FeatureOptions(reading.ProcedureId ?? current, reading.Text),
                Intent.Feedback => new FeatureOptions(null, reading.Remark ? reading.Text : null),
                _ => new FeatureOptions(null, reading.Text),
            })
            : null;

    /// <summary>A page that opens the chat on a procedure (web chat's <c>?hoi=khai-sinh</c>) sends it as the message value.</summary>
    private static string? RequestedProcedure(object? value) =>
        value switch
        {
            // Only a string counts: a client may send any JSON here.
            JObject json when json["procedure"] is JValue { Type: JTokenType.String } procedure => (string?)procedure,
            _ => null,
        };
}
