using System.Globalization;
using OneStopBot.Dialogs.Engine;

namespace OneStopBot.Dialogs.Prompts;

/// <summary>A choice picked from a list.</summary>
public sealed record FoundChoice(int Index, string Value);

/// <summary>Which of the offered choices a message means: its number, its label (diacritics optional) or its button.</summary>
public static class ChoiceRecognizer
{
    private static readonly string[] NumberLeads = ["so ", "chon ", "cau ", "muc "];

    public static Recognition<FoundChoice> Recognize(string? text, IReadOnlyList<string> choices)
    {
        var folded = Trim(UserText.Fold(text));
        if (folded.Length == 0 || choices.Count == 0)
        {
            return Recognition<FoundChoice>.Failed;
        }

        var labels = choices.Select(c => Trim(UserText.Fold(c))).ToList();
        var exact = labels.IndexOf(folded);
        if (exact >= 0)
        {
            return Found(exact, choices);
        }

        var number = NumberLeads.Aggregate(folded, (s, lead) => s.StartsWith(lead, StringComparison.Ordinal) ? s[lead.Length..] : s);
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= choices.Count ? Found(n - 1, choices) : Recognition<FoundChoice>.Failed;
        }

        // A part of one label only ("khai sinh" for "Đăng ký khai sinh"), or a message that names one label only.
        if (folded.Length >= 3)
        {
            var partial = Unique(labels, label => label.Contains(folded, StringComparison.Ordinal))
                ?? Unique(labels, label => folded.Contains(label, StringComparison.Ordinal));
            if (partial is { } index)
            {
                return Found(index, choices);
            }
        }
        return Recognition<FoundChoice>.Failed;
    }

    private static int? Unique(List<string> labels, Func<string, bool> matches)
    {
        var hits = labels.Select((label, index) => (label, index)).Where(x => x.label.Length > 0 && matches(x.label)).ToList();
        return hits.Count == 1 ? hits[0].index : null;
    }

    private static Recognition<FoundChoice> Found(int index, IReadOnlyList<string> choices) =>
        Recognition<FoundChoice>.Of(new FoundChoice(index, choices[index]));

    private static string Trim(string folded) => folded.Trim(' ', '.', ',', '!', '?', ':', ';', '"', '\'', '(', ')');
}
