using System.Globalization;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Messages;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Tests.Infrastructure;
using OneStopBot.Knowledge;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Dialogs.Tests.Root;

/// <summary>
/// A question the files do not cover (an agencies.yaml entry without who handles it) is never answered with a
/// neighbour's facts: "chưa có hướng dẫn", the office's phone, and the question kept for staff, with or without a
/// procedure in context. The catalog here is two shipped procedures and such an entry, learned from anew.
/// </summary>
public sealed class NotCoveredTests : IClassFixture<NotCoveredTests.Catalog>, IDisposable
{
    private readonly ConversationHarness harness;

    public NotCoveredTests(Catalog catalog) => harness = ConversationHarness.Over(catalog.Value);

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("khai-sinh")]
    public void The_reading_names_no_procedure_even_with_one_in_context(string topic)
    {
        var reading = harness.Get<MessageReader>().Read("xin lý lịch tư pháp để đi làm", new ReadingContext(topic.Length > 0 ? topic : null, ProcedureAspect.Fee));

        Assert.Equal((true, null, Intent.None), (reading.NotCovered, reading.ProcedureId, reading.Intent));
    }

    [Theory]
    [InlineData("lý lịch tư pháp xin ở mô")]
    [InlineData("đăng ký khai sinh cho con | con xin ly lich tu phap thi sao")]
    [InlineData("đăng ký kết hôn | LÀM PHIẾU LÝ LỊCH TƯ PHÁP MẤT BAO LÂU")]
    public async Task It_is_answered_honestly_with_the_phone_and_kept_for_staff(string turns)
    {
        var said = turns.Split(" | ");
        IReadOnlyList<IMessageActivity> replies = [];
        foreach (var turn in said)
        {
            replies = await harness.SayAsync(turn);
        }

        var text = Assert.Single(replies).Text;
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NotCovered, harness.Office.Phone), text);
        Assert.Equal(said[^1], Assert.Single(harness.Get<UnansweredQuestionStore>().Latest(10)).Text);
    }

    [Fact]
    public async Task An_agency_the_files_know_is_still_named()
    {
        var text = Assert.Single(await harness.SayAsync("muốn ly hôn thì làm ở đâu")).Text;

        Assert.Contains("Tòa án", text, StringComparison.Ordinal);
        Assert.Empty(harness.Get<UnansweredQuestionStore>().Latest(10));
    }

    /// <summary>Khai sinh and kết hôn as shipped, a few other intents, one agency the files know and one they do not cover.</summary>
    public sealed class Catalog : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-not-covered", Guid.NewGuid().ToString("N"));

        public Catalog()
        {
            Directory.CreateDirectory(Path.Combine(folder, "Other"));
            foreach (var id in (string[])["khai-sinh", "ket-hon"])
            {
                File.Copy(Path.Combine(KnowledgeOptions.DefaultProceduresPath, id + ".yaml"), Path.Combine(folder, id + ".yaml"));
            }
            File.WriteAllText(Path.Combine(folder, "Other", "intents.yaml"), """
                - intent: greeting
                  examples:
                    - xin chào
                    - chào em
                - intent: none
                  examples:
                    - hôm nay trời mưa to quá
                    - giá lúa năm nay bao nhiêu
                    - xe buýt lên huyện mấy giờ chạy
                """);
            File.WriteAllText(Path.Combine(folder, "Other", "agencies.yaml"), """
                - id: ly-hon
                  name: Ly hôn
                  agency: Tòa án nhân dân khu vực
                  where: Tòa án nhân dân khu vực nơi vợ hoặc chồng cư trú nhận đơn ly hôn.
                  contact: Nộp đơn trực tiếp tại Tòa án.
                  examples:
                    - thủ tục ly hôn
                    - muốn ly hôn
                    - ly dị
                    - làm đơn ly hôn ở đâu
                - id: ly-lich-tu-phap
                  name: Lý lịch tư pháp
                  examples:
                    - xin lý lịch tư pháp
                    - làm phiếu lý lịch tư pháp
                    - lý lịch tư pháp làm ở đâu
                    - cấp phiếu lý lịch tư pháp số 1
                    - ly lich tu phap
                    - xin giấy lý lịch tư pháp để đi làm
                """);
            Value = ProcedureCatalog.Load(folder);
        }

        public ProcedureCatalog Value { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
