using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Evaluation;

public sealed class ConversationSetTests : IDisposable
{
    private const int MinimumConversations = 150;

    private readonly string path = Path.Combine(Path.GetTempPath(), $"conversations-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void The_shipped_set_has_at_least_150_conversations_each_turn_expecting_a_fact()
    {
        var conversations = ConversationSet.Load(ConversationSet.HeldOutPath);

        Assert.True(conversations.Count >= MinimumConversations, $"{conversations.Count} conversations");
        Assert.All(conversations.SelectMany(c => c.Turns), turn => Assert.NotEmpty(turn.ExpectAny));
        Assert.Equal(conversations.Count, conversations.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Reads_turns_with_intent_procedure_aspect_and_expectations()
    {
        File.WriteAllText(path, """
            - id: a
              style: teencode
              turns:
                - say: "gks mat bn tien"
                  intent: ask
                  procedure: khai-sinh
                  aspect: fee
                  expect_any: ["miễn phí"]
                  expect_none: ["chưa tìm thấy"]
                - say: "tks ad"
                  intent: greeting
                  procedure: "-"
                  expect_any: ["cảm ơn"]
            """);

        var conversation = Assert.Single(ConversationSet.Load(path));

        Assert.Equal(("a", "teencode"), (conversation.Id, conversation.Style));
        Assert.Equal(
            [new ConversationTurn("gks mat bn tien", Intent.Ask, "khai-sinh", ProcedureAspect.Fee, ["miễn phí"], ["chưa tìm thấy"]),
             new ConversationTurn("tks ad", Intent.Greeting, null, ProcedureAspect.None, ["cảm ơn"], [])],
            conversation.Turns,
            TurnComparer.Instance);
    }

    [Theory]
    [InlineData("Lệ phí: MIỄN PHÍ trong 60 ngày", true)]
    [InlineData("le phi: mien phi", true)]
    [InlineData("Lệ phí: 8.000 đồng", false)]
    [InlineData("Miễn phí. Em chưa tìm thấy thủ tục", false)]
    public void A_turn_is_met_by_any_expected_fact_and_no_forbidden_one_ignoring_case_and_diacritics(string replies, bool met)
    {
        var turn = new ConversationTurn("phí", Intent.Ask, "khai-sinh", ProcedureAspect.Fee, ["miễn phí", "không mất tiền"], ["chưa tìm thấy thủ tục"]);

        Assert.Equal(met, turn.IsMetBy(replies));
    }

    [Theory]
    [InlineData("- id: a\n  turns: []\n", "conversation a has no turns")]
    [InlineData("- id: a\n  turns:\n    - say: x\n      intent: wave\n", "unknown intent 'wave'")]
    [InlineData("- id: a\n  turns:\n    - say: x\n      intent: ask\n      aspect: colour\n", "unknown aspect 'colour'")]
    [InlineData("- id: [a\n", "")]
    public void A_malformed_conversation_is_named(string content, string reason)
    {
        File.WriteAllText(path, content);

        var error = Assert.Throws<FormatException>(() => ConversationSet.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_conversation_is_right_only_when_every_turn_is_met_and_failing_turns_are_printed()
    {
        var fee = new ConversationTurn("phí", Intent.Ask, "khai-sinh", ProcedureAspect.Fee, ["miễn phí"], []);
        var time = new ConversationTurn("bao lâu", Intent.Ask, "khai-sinh", ProcedureAspect.Time, ["trong ngày"], []);
        var report = new ConversationReport("set", [
            (new ConversationCase("a", "dialect", [fee, time]), [new ConversationTurnResult(fee, "Miễn phí"), new ConversationTurnResult(time, "Trong ngày")]),
            (new ConversationCase("b", "dialect", [fee, time]), [new ConversationTurnResult(fee, "Miễn phí"), new ConversationTurnResult(time, "Em chưa tìm thấy")]),
        ]);

        Assert.Equal((2, 1, 0.5), (report.Count, report.Right, report.Accuracy));
        var text = report.Format();
        Assert.Contains("conversations right:   1/2", text);
        Assert.Contains("b turn 2: \"bao lâu\" expected any of [trong ngày]", text);
        Assert.Contains("got: Em chưa tìm thấy", text);
        Assert.DoesNotContain("a turn", text);
    }

    public void Dispose() => File.Delete(path);

    // Records holding lists compare the lists by reference: compare their items.
    private sealed class TurnComparer : IEqualityComparer<ConversationTurn>
    {
        public static readonly TurnComparer Instance = new();

        public bool Equals(ConversationTurn? x, ConversationTurn? y) =>
            x is not null && y is not null && (x.Say, x.Intent, x.ProcedureId, x.Aspect) == (y.Say, y.Intent, y.ProcedureId, y.Aspect)
            && x.ExpectAny.SequenceEqual(y.ExpectAny) && x.ExpectNone.SequenceEqual(y.ExpectNone);

        public int GetHashCode(ConversationTurn obj) => obj.Say.GetHashCode(StringComparison.Ordinal);
    }
}
