using Microsoft.Extensions.Hosting;
using OneStopBot.Bot.Hosting;

namespace OneStopBot.Bot.Tests.Hosting;

/// <summary>`eval` runs held-out conversations through the real dialogs and scores each reply by the facts it states.</summary>
public sealed class ConversationEvaluationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("onestop-eval-tests").FullName;

    /// <summary>A one-commune deployment, and a province's: the conversations speak to its first commune.</summary>
    public static TheoryData<string[]> Deployments() => new()
    {
        Array.Empty<string>(),
        new[] { "--Communes:0:Id=phuoc-duc", "--Communes:1:Id=mau-mot", "--Communes:1:CommuneName=xã Mẫu Một", "--Communes:1:AgencyCode=000.99.30.H49" },
    };

    [Theory]
    [MemberData(nameof(Deployments))]
    public async Task A_conversation_is_right_when_every_reply_states_an_expected_fact_and_the_failing_turns_are_named(string[] communes)
    {
        var path = Path.Combine(folder, "conversations.yaml");
        File.WriteAllText(path, """
            - id: deadline
              style: teencode
              turns:
                - say: "đăng ký khai sinh cho con"
                  intent: ask
                  procedure: khai-sinh
                  expect_any: ["khai sinh"]
                - say: "de lau roi gio lam dc ko"
                  intent: ask
                  procedure: khai-sinh
                  aspect: deadline
                  expect_any: ["60 ngày"]
                  expect_none: ["chưa tìm thấy thủ tục"]
            - id: unmet
              style: dialect
              turns:
                - say: "đăng ký khai sinh cho con"
                  intent: ask
                  procedure: khai-sinh
                  expect_any: ["hộ chiếu"]
            """);
        var builder = Host.CreateApplicationBuilder([$"--Storage:DatabasePath={Path.Combine(folder, "host.db")}", .. communes]);
        builder.AddOneStopBot();
        using var host = builder.Build();

        var report = await ConversationEvaluation.RunAsync(host.Services, path, CancellationToken.None);

        Assert.Equal((2, 1), (report.Count, report.Right));
        Assert.Contains("unmet turn 1", report.Format(), StringComparison.Ordinal);
        Assert.DoesNotContain("deadline turn", report.Format(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
