using System.Globalization;
using System.Text;
using OneStopBot.Bot.WebChat;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using static OneStopBot.Bot.Hosting.HtmlText;

namespace OneStopBot.Bot.PublicPages;

/// <summary>
/// One procedure as a page, in the words the bot answers with: the file's own texts under the bot's labels, papers
/// listed as the bot lists them, and each glossary word explained at its first use as in a conversation. One method
/// per section, each null where the file says nothing, so a section can grow without touching the others.
/// </summary>
public sealed class ProcedurePage(Procedure procedure, OfficeOptions office, PlainWords words)
{
    // The words already explained on this page: a page reads as one conversation.
    private readonly HashSet<string> explained = new(StringComparer.Ordinal);

    /// <summary>The sections in reading order: who, what to bring and how, then time, fee, deadline, where, online.</summary>
    public IEnumerable<string> Sections()
    {
        string?[] sections =
        [
            WhoQualifies(), Papers(), Steps(), Time(), Fee(), Deadline(), WhereAndWhen(), Online(), Proxy(), LegalBasis(),
        ];
        return sections.OfType<string>();
    }

    /// <summary>The one-line summary under the title.</summary>
    public string Summary() => Paragraph(procedure.Summary);

    // The bot's rule: who needs it stands in where who qualifies is not set apart.
    private string WhoQualifies() => procedure.WhoQualifies is { } qualifies
        ? Section(ProcedureTexts.WhoQualifies, Paragraph(procedure.WhoNeedsIt) + Paragraph(qualifies))
        : Section(ProcedureTexts.WhoQualifies, Paragraph(procedure.WhoNeedsIt));

    private string Papers() => Section(ProcedureTexts.Documents, List("ol", procedure.Documents.Select(DocumentWording.Line)));

    private string Steps() => Section(ProcedureTexts.Steps, List("ol", procedure.Steps));

    private string Time() => Section(ProcedureTexts.Time, Paragraph(procedure.Time.Text));

    private string Fee() => Section(ProcedureTexts.Fee, Paragraph(procedure.Fee.Text));

    /// <summary>What the resident must do by when, and what follows when late: the file's texts as they are today.</summary>
    private string? Deadline() => (procedure.Deadline, procedure.Penalty) switch
    {
        (null, null) => null,
        (var deadline, var penalty) => Section(
            ProcedureTexts.Deadline,
            (deadline is null ? "" : Paragraph(deadline)) + (penalty is null ? "" : Labelled(ProcedureTexts.Penalty, penalty))),
    };

    /// <summary>Where and when, and the receiver's place and hours from configuration where the receiver is confirmed.</summary>
    private string WhereAndWhen() =>
        Section(ProcedureTexts.Where, Paragraph(procedure.WhereAndWhen) + (Receivers.Visit(procedure, office) is { } visit ? Paragraph(visit) : ""));

    /// <summary>Whether and where the dossier can be filed online, and where the file has a guide, its steps under the bot's labels.</summary>
    private string Online() => Section(ProcedureTexts.Online, Paragraph(procedure.Online.Text) + (procedure.OnlineGuide is { } guide
        ? Labelled(ProcedureTexts.GuideApp, guide.App)
          + Paragraph(ProcedureTexts.GuidePhotograph) + List("ul", guide.Photograph)
          + Paragraph(ProcedureTexts.GuideSteps) + List("ol", guide.Steps)
          + Labelled(ProcedureTexts.GuideAfter, guide.After)
          + Paragraph(ProcedureTexts.GuideDesk)
        : "") + (procedure.Post is { } post ? Labelled(ProcedureTexts.Post, post) : ""));

    private string? Proxy() => procedure.Proxy is { } proxy ? Section(ProcedureTexts.Proxy, Paragraph(proxy)) : null;

    private string LegalBasis() => Section(ProcedurePageTexts.LegalBasis, List("ul", procedure.LegalBasis, explain: false));

    /// <summary>The office's name, address, hours and phone, as the bot gives them.</summary>
    public static string OfficeFacts(OfficeOptions office) => Encode(RootReplies.OfficeFactsOf(office));

    private static string Section(string label, string body) =>
        $"<section>\n<h2>{Encode(Heading(label))}</h2>\n{body}</section>\n";

    /// <summary>"Lệ phí: " is the bot's label before a fact; as a heading it stands alone.</summary>
    public static string Heading(string label) => label.TrimEnd(' ', ':');

    private string Paragraph(string text) => $"<p>{Plain(text)}</p>\n";

    private string Labelled(string label, string text) => $"<p><strong>{Encode(label.TrimEnd())}</strong> {Plain(text)}</p>\n";

    private string List(string tag, IEnumerable<string> items, bool explain = true)
    {
        var html = new StringBuilder("<" + tag + ">\n");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{(explain ? Plain(item) : Encode(item))}</li>\n");
        }
        return html.Append(CultureInfo.InvariantCulture, $"</{tag}>\n").ToString();
    }

    private string Plain(string text) => Encode(words.Explain(text, explained));
}
