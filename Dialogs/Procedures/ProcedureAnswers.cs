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
        turnContext.SendActivitiesAsync([.. Compose(procedure, aspect)], cancellationToken);

    /// <summary>Says plainly that nothing fits, offers a person, and keeps the question for staff.</summary>
    public async Task SendNotFoundAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        unanswered.Record(turnContext.Activity.Text ?? string.Empty, turnContext.Activity.ChannelId ?? "unknown");
        var text = string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NotFound, office.Value.Phone);
        await turnContext.SendActivityAsync(
            Replies.WithChoices(text, [MainMenu.TalkToStaff, ProcedureTexts.OtherProcedureButton, MainMenu.CheckDossier]),
            cancellationToken);
    }

    internal IReadOnlyList<IActivity> Compose(Procedure procedure, ProcedureAspect aspect)
    {
        IReadOnlyList<string> parts = aspect switch
        {
            ProcedureAspect.Documents => [Named(procedure, DocumentList(procedure))],
            ProcedureAspect.Fee => [Named(procedure, ProcedureTexts.Fee + procedure.Fee.Text)],
            ProcedureAspect.Time => [Named(procedure, ProcedureTexts.Time + procedure.Time.Text)],
            ProcedureAspect.Where => [Named(procedure, $"{ProcedureTexts.Where}{procedure.WhereAndWhen}\n{ProcedureTexts.OfficeHours}{office.Value.WorkingHours}")],
            ProcedureAspect.Online => [Named(procedure, ProcedureTexts.Online + procedure.Online.Text)],
            ProcedureAspect.Steps => [Named(procedure, StepList(procedure))],
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
        return parts.Select((text, i) => i == parts.Count - 1 ? Replies.WithChoices(text, NextSteps) : MessageFactory.Text(text)).ToList();
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
