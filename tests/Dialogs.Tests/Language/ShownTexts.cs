using System.Reflection;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs.Tests.Language;

/// <summary>What people read that is written in advance: the text constants and the procedure files' told fields.</summary>
internal static class ShownTexts
{
    public static IEnumerable<(string Where, string Text)> Constants() =>
        new[] { typeof(MainMenu).Assembly, typeof(NoticeService).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.Name.EndsWith("Texts", StringComparison.Ordinal) || type.Name is "MainMenu" or "NoticeButtons")
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(string) && (field.IsLiteral || field.IsInitOnly))
                .Select(field => ($"{type.Name}.{field.Name}", (string)field.GetValue(null)!)));

    public static IEnumerable<(string Where, string Text)> ProcedureFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Procedures"), "*.yaml")
            .SelectMany(path => File.ReadLines(path)
                // Phrases and examples are what residents type ("the" is "thẻ" without diacritics), not what the bot says.
                .TakeWhile(line => !line.StartsWith("phrases:", StringComparison.Ordinal) && !line.StartsWith("examples:", StringComparison.Ordinal))
                .Where(line => !line.StartsWith("id:", StringComparison.Ordinal) && !line.StartsWith("handler:", StringComparison.Ordinal))
                .Select(line => (Path.GetFileName(path), line)));

    /// <summary>The YAML key names are English by design; only the values are read by people.</summary>
    public static string ValueOf(string line) => line.Contains(':') ? line[(line.IndexOf(':') + 1)..] : line;
}
