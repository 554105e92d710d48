namespace OneStopBot.Knowledge.Tests;

/// <summary>Writes procedure files into a fresh temporary folder, removed on dispose.</summary>
internal sealed class ProcedureFiles : IDisposable
{
    public ProcedureFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "onestop-procedures-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>A complete, valid procedure file; <paramref name="phrases"/> become its phrases.</summary>
    public static string Valid(string id, params string[] phrases) => $"""
        id: {id}
        officialName: Thủ tục {id}
        simpleName: Thủ tục {id}
        group: Hộ tịch
        whoNeedsIt: Người dân cần việc này.
        summary: Một câu tóm tắt.
        steps:
          - Nộp hồ sơ.
        documents:
          - name: Tờ khai
            form: original
            count: 1
        time:
          workingDays: 0
          text: Trong ngày.
        fee:
          free: true
          text: Miễn phí.
        whereAndWhen: UBND xã.
        online:
          available: false
          text: Không.
        legalBasis:
          - Luật Hộ tịch 2014
        phrases:
        {string.Concat(phrases.Select(p => $"  - {p}\n"))}
        """;

    public ProcedureFiles Add(string fileName, string content)
    {
        var path = Path.Combine(Directory, fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
