using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Prompts;
using OneStopBot.Knowledge.Text;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Communes;

/// <summary>What a resident typed for their commune, read against the communes served.</summary>
/// <param name="Chosen">The one commune the text names; null when it names none or several.</param>
/// <param name="Likely">A few communes the text may mean, most likely first, to offer as buttons.</param>
public sealed record CommuneMatch(Commune? Chosen, IReadOnlyList<Commune> Likely);

/// <summary>
/// Finds a commune by its name as residents type it: without diacritics, with the tier ("xã") or without, with a typo
/// per word, or by a button or its number. Every commune's name is folded once, so a message costs its own words only.
/// </summary>
public sealed class CommuneNames
{
    /// <summary>A message longer than this names no commune: only its first words are read.</summary>
    private const int MaxWords = 30;

    private readonly IReadOnlyList<(Commune Commune, string[] Words)> names;
    private readonly TypoCorrector typos;
    private readonly CommuneDirectory directory;

    public CommuneNames(CommuneDirectory directory)
    {
        this.directory = directory;
        names = [.. directory.All.Select(c => (c, CommunesOptions.SlugOf(NameOf(c)).Split('-')))];
        typos = new TypoCorrector(names.SelectMany(n => n.Words));
    }

    /// <summary>The name residents know the commune by: its configured name, or its slug when it has none.</summary>
    public static string NameOf(Commune commune) =>
        string.IsNullOrWhiteSpace(commune.Office.CommuneName) ? commune.Id : commune.Office.CommuneName;

    /// <summary>
    /// Reads <paramref name="text"/> as a commune: first as one of <paramref name="offered"/> (its label or number),
    /// then by the words of every commune's name; several communes named fully, the one with the longest name.
    /// </summary>
    public CommuneMatch Match(string? text, IReadOnlyList<string> offered)
    {
        var buttons = offered.Select(directory.Find).OfType<Commune>().ToList();
        if (buttons.Count > 0 && ChoiceRecognizer.Recognize(text, [.. buttons.Select(NameOf)]) is { Succeeded: true } pressed)
        {
            return new CommuneMatch(buttons[pressed.Value.Index], []);
        }
        var words = Words(text);
        if (words.Count == 0)
        {
            return new CommuneMatch(null, []);
        }
        var scored = names
            .Select(n => (n.Commune, n.Words.Length, Hits: n.Words.Count(w => words.Contains(w))))
            .Where(s => s.Hits > 0)
            .ToList();
        var full = scored.Where(s => s.Hits == s.Length).OrderByDescending(s => s.Length).ToList();
        var chosen = full.Count == 1 || (full.Count > 1 && full[0].Length > full[1].Length) ? full[0].Commune : null;
        var likely = scored
            .OrderByDescending(s => (double)s.Hits / s.Length)
            .ThenByDescending(s => s.Hits)
            .Take(Replies.MaxButtons - 1)
            .Select(s => s.Commune)
            .ToList();
        return new CommuneMatch(chosen, chosen is null ? likely : []);
    }

    // The folded words of the text, each corrected to a word of a commune's name when one edit away.
    private HashSet<string> Words(string? text)
    {
        var folded = UserText.Fold(text);
        var spaced = string.Concat(folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' '));
        return [.. spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).Select(typos.Correct)];
    }
}
