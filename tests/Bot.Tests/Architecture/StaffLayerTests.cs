using System.Text.RegularExpressions;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.Architecture;

/// <summary>
/// What staff read (the staff HTTP API and the staff workspace) takes its wording from the office's vocabulary, never
/// from the resident dialogs: the dialogs may change how they talk to residents without changing what staff read.
/// Sources are read rather than compiled types, because constants are copied into the code that uses them.
/// </summary>
public sealed partial class StaffLayerTests
{
    private static readonly string[] StaffFolders = ["Bot/Staff", "Bot/StaffWeb"];

    [GeneratedRegex(@"\bOneStopBot\s*\.\s*Dialogs\b", RegexOptions.NonBacktracking)]
    private static partial Regex DialogsNamespace();

    [Fact]
    public void The_staff_api_and_workspace_name_no_dialog_namespace()
    {
        var files = StaffFolders.SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories)).ToList();

        var uses = files.SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.Root, file), Line: i + 1, Text: line)))
            .Where(line => DialogsNamespace().IsMatch(line.Text))
            .Select(line => $"{line.File}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.Contains(files, file => file.EndsWith("StaffDossierEndpoints.cs", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith("DossierPages.cs", StringComparison.Ordinal));
        Assert.Empty(uses);
    }

    [Fact]
    public void No_global_using_brings_the_dialogs_into_the_host()
    {
        var bot = Path.Combine(RepositoryPaths.Root, "Bot");
        var globalUsings = Directory.GetFiles(bot, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith("global using", StringComparison.Ordinal) && DialogsNamespace().IsMatch(line));
        var project = File.ReadAllText(Path.Combine(bot, "OneStopBot.Bot.csproj"));

        Assert.Empty(globalUsings);
        Assert.DoesNotMatch(@"<Using\s+Include=""OneStopBot\.Dialogs", project);
    }

    [Fact]
    public void The_scan_sees_a_dialog_namespace_however_it_is_written()
    {
        Assert.Matches(DialogsNamespace(), "using OneStopBot.Dialogs.Dossiers;");
        Assert.Matches(DialogsNamespace(), "var x = global::OneStopBot.Dialogs.Notices.NoticeTexts.Broadcast;");
        Assert.Matches(DialogsNamespace(), "using D = OneStopBot . Dialogs;");
        Assert.DoesNotMatch(DialogsNamespace(), "using OneStopBot.Office.Wording;");
        Assert.DoesNotMatch(DialogsNamespace(), "using OneStopBot.DialogsExtra;");
    }
}
