using OneStopBot.Bot.Tests.Crash;

namespace OneStopBot.Bot.Tests.Infrastructure;

/// <summary>
/// <c>join-commune</c> run as an operator runs it: a one-commune file of the version before records had a commune moves
/// into a deployment of two communes, the counts printed in Vietnamese; a second move into the same commune, and an
/// unknown commune, are refused in one line with exit code 1.
/// </summary>
public sealed class JoinCommuneVerbTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-join-verb", Guid.NewGuid().ToString("N"));

    public JoinCommuneVerbTests() => Directory.CreateDirectory(folder);

    private string[] Run(string commune) =>
    [
        "join-commune", "--from", OldFile(), "--commune", commune,
        $"--Storage:DatabasePath={Path.Combine(folder, "data", "onestop.db")}",
        "--Communes:0:Id=phuoc-duc", "--Communes:0:AgencyCode=000.32.30.H49",
        "--Communes:1:Id=phuoc-nang", "--Communes:1:CommuneName=xã Phước Năng", "--Communes:1:AgencyCode=000.33.30.H49",
    ];

    [Fact]
    public async Task A_one_commune_file_moves_in_once_and_the_counts_are_printed()
    {
        var moved = await HostProcess.RunToExitAsync(folder, Run("phuoc-duc"));
        var again = await HostProcess.RunToExitAsync(folder, Run("phuoc-duc"));
        var unknown = await HostProcess.RunToExitAsync(folder, Run("phuoc-xyz"));

        Assert.Equal(0, moved.Code);
        Assert.Contains("  hồ sơ: 25", moved.Output.Split('\n').Select(l => l.TrimEnd()));
        Assert.Contains("  người nhận thông báo: 2", moved.Output.Split('\n').Select(l => l.TrimEnd()));
        Assert.Equal(1, again.Code);
        Assert.Contains("đã có dữ liệu", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("phuoc-duc, phuoc-nang", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
    }

    /// <summary>A copy of the file the office's tests keep, written by the version before records had a commune.</summary>
    private string OldFile()
    {
        var copy = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Office.Tests", "Communes", "one-commune-before.db"), copy);
        return copy;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
