using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Procedures;

/// <summary>Answers about a procedure, one idea per message, ending with what the resident can do next.</summary>
public sealed class ProcedureAnswers(IOptions<OfficeOptions> office, UnansweredQuestionStore unanswered)
{
    /// <summary>The buttons under every answer.</summary>
    public static readonly IReadOnlyList<string> NextSteps =
    [
        ProcedureTexts.DocumentsButton, ProcedureTexts.FeeButton, ProcedureTexts.TimeButton,
        MainMenu.PreRegister, ProcedureTexts.OtherProcedureButton,
    ];

    public Task SendAsync(ITurnContext turnContext, Procedure procedure, ProcedureAspect aspect, CancellationToken cancellationToken) =>
        turnContext.SendActivitiesAsync([.. Compose(procedure, aspect, turnContext.Activity.Text)], cancellationToken);

    /// <summary>What the procedure file says about one aspect, or an honest "not written" where it says nothing.</summary>
    public static string FactOf(Procedure procedure, ProcedureAspect aspect) => aspect switch
    {
        ProcedureAspect.Documents => DocumentList(procedure),
        ProcedureAspect.Fee => ProcedureTexts.Fee + procedure.Fee.Text,
        ProcedureAspect.Time => ProcedureTexts.Time + procedure.Time.Text,
        ProcedureAspect.Where => ProcedureTexts.Where + procedure.WhereAndWhen,
        ProcedureAspect.Online => ProcedureTexts.Online + procedure.Online.Text,
        ProcedureAspect.Steps => StepList(procedure),
        ProcedureAspect.WhoQualifies => ProcedureTexts.WhoQualifies + (procedure.WhoQualifies ?? ProcedureTexts.NotWritten),
        ProcedureAspect.Proxy => ProcedureTexts.Proxy + (procedure.Proxy ?? ProcedureTexts.NotWritten),
        _ => procedure.Summary,
    };

    /// <summary>The fee for a number of pages the resident wrote ("10 trang"), where the fee is counted by pages.</summary>
    public static string? PageFeeOf(Procedure procedure, string? text) =>
        procedure.PageFee is { } fee && PageCount.Read(text) is { } pages
            ? string.Format(CultureInfo.InvariantCulture, ProcedureTexts.PageFee, pages, Money(fee.ForPages(pages)))
            : null;

    private static string Money(int amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>Says plainly that nothing fits, offers a person, and keeps the question for staff.</summary>
    public Task SendNotFoundAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        RecordAndOfferStaffAsync(turnContext, turnContext.Activity.Text ?? string.Empty, ProcedureTexts.NotFound, cancellationToken);

    /// <summary>The resident said none of the procedures offered to confirm is meant: the question goes to staff.</summary>
    public Task SendNotThisAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        RecordAndOfferStaffAsync(turnContext, question, ProcedureTexts.NotThisAnswer, cancellationToken);

    private async Task RecordAndOfferStaffAsync(ITurnContext turnContext, string question, string template, CancellationToken cancellationToken)
    {
        unanswered.Record(question, turnContext.Activity.ChannelId ?? "unknown");
        var text = string.Format(CultureInfo.InvariantCulture, template, office.Value.Phone);
        await turnContext.SendActivityAsync(
            Replies.WithChoices(text, [MainMenu.TalkToStaff, ProcedureTexts.OtherProcedureButton, MainMenu.CheckDossier]),
            cancellationToken);
    }

    internal IReadOnlyList<IActivity> Compose(Procedure procedure, ProcedureAspect aspect, string? question = null)
    {
        // "10 trang thì bao nhiêu" asks the fee for that many pages, though "bao nhiêu" alone names no aspect.
        if (aspect == ProcedureAspect.None && PageFeeOf(procedure, question) is not null)
        {
            aspect = ProcedureAspect.Fee;
        }
        IReadOnlyList<string> parts = aspect switch
        {
            ProcedureAspect.Fee when PageFeeOf(procedure, question) is { } counted => [Named(procedure, $"{counted}\n{FactOf(procedure, aspect)}")],
            ProcedureAspect.Where => [Named(procedure, $"{FactOf(procedure, aspect)}\n{ProcedureTexts.OfficeHours}{office.Value.WorkingHours}")],
            not ProcedureAspect.None => [Named(procedure, FactOf(procedure, aspect))],
            _ =>
            [
                $"{procedure.SimpleName}. {procedure.Summary}",
                DocumentList(procedure),
                ProcedureTexts.Time + procedure.Time.Text,
                ProcedureTexts.Fee + procedure.Fee.Text,
                ProcedureTexts.Where + procedure.WhereAndWhen,
                ProcedureTexts.Online + procedure.Online.Text,
            ],
        };
        // Where the file says nothing, a person can: "Gặp cán bộ" comes first.
        IReadOnlyList<string> buttons = parts[^1].EndsWith(ProcedureTexts.NotWritten, StringComparison.Ordinal) ? [MainMenu.TalkToStaff, .. NextSteps] : NextSteps;
        return parts.Select((text, i) => i == parts.Count - 1 ? Replies.WithChoices(text, buttons) : MessageFactory.Text(text)).ToList();
    }

    /// <summary>A follow-up answer names its procedure, so it is clear what it is about.</summary>
    private static string Named(Procedure procedure, string answer) => $"{procedure.SimpleName}. {answer}";

    internal static string DocumentList(Procedure procedure)
    {
        var builder = new StringBuilder(ProcedureTexts.Documents);
        var number = 1;
        foreach (var document in procedure.Documents)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n{number++}. {document.Name} ({Form(document)})");
            if (!string.IsNullOrWhiteSpace(document.Note))
            {
                builder.Append(". ").Append(document.Note);
            }
        }
        return builder.ToString();
    }

    private static string Form(RequiredDocument document)
    {
        var form = document.Form switch
        {
            DocumentForm.Original => ProcedureTexts.Original,
            DocumentForm.Copy => ProcedureTexts.Copy,
            _ => ProcedureTexts.Show,
        };
        return document.Count > 1 && document.Form != DocumentForm.Show
            ? string.Create(CultureInfo.InvariantCulture, $"{form}, {document.Count} bản")
            : form;
    }

    private static string StepList(Procedure procedure) =>
        ProcedureTexts.Steps + string.Concat(procedure.Steps.Select((step, i) => string.Create(CultureInfo.InvariantCulture, $"\n{i + 1}. {step}")));
}
