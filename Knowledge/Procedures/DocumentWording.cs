using System.Globalization;

namespace OneStopBot.Knowledge.Procedures;

/// <summary>A paper to bring as people read it, in the chat's answers, on the public procedure pages and in the staff workspace.</summary>
public static class DocumentWording
{
    /// <summary>
    /// "Tờ khai: bản chính. Có mẫu sẵn…": the form after a colon, so that a name ending in "(nếu có)" gets no second
    /// bracket, and left out where the name already says it ("Bản photo…" is a copy).
    /// </summary>
    public static string Line(RequiredDocument document)
    {
        var line = (SaysItsForm(document.Name), document.Count > 1) switch
        {
            (false, _) => $"{document.Name}: {Form(document)}",
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"{document.Name}: {document.Count} bản"),
            (true, false) => document.Name,
        };
        return string.IsNullOrWhiteSpace(document.Note) ? line : $"{line}. {document.Note}";
    }

    private static bool SaysItsForm(string name) =>
        FormWords.Any(word => name.StartsWith(word, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] FormWords = ["Bản chính", "Bản sao", "Bản photo"];

    private static string Form(RequiredDocument document)
    {
        var form = document.Form switch
        {
            DocumentForm.Original => DocumentTexts.Original,
            DocumentForm.Copy => DocumentTexts.Copy,
            _ => DocumentTexts.Show,
        };
        return document.Count > 1 && document.Form != DocumentForm.Show
            ? string.Create(CultureInfo.InvariantCulture, $"{form}, {document.Count} bản")
            : form;
    }
}

/// <summary>Texts of <see cref="DocumentWording"/>: how a paper is shown.</summary>
public static class DocumentTexts
{
    public const string Original = "bản chính";
    public const string Copy = "bản sao";
    public const string Show = "cho cán bộ xem";
}
