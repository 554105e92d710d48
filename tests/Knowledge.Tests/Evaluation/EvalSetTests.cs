using OneStopBot.Knowledge.Evaluation;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Evaluation;

[Collection(KnowledgeCollection.Name)]
public sealed class EvalSetTests(KnowledgeFixture knowledge) : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"eval-{Guid.NewGuid():N}.tsv");

    [Fact]
    public void Loads_rows_skipping_comments_and_the_header()
    {
        File.WriteAllText(path, "# comment\ntext\tintent\tprocedure\nđăng ký kết hôn\task\tket-hon\nxin chào\tgreeting\t-\n");

        var set = EvalSet.Load(path);

        Assert.Equal(
            [new EvalCase(3, "đăng ký kết hôn", Intent.Ask, "ket-hon"), new EvalCase(4, "xin chào", Intent.Greeting, null)],
            set.Cases);
    }

    [Fact]
    public void Reads_the_aspect_and_style_columns_where_a_set_has_them()
    {
        File.WriteAllText(path, "text\tintent\tprocedure\taspect\tstyle\nkhai sinh mất mấy đồng\task\tkhai-sinh\tfee\tdialect\nxin chào\tgreeting\t-\t-\tthanks\n");

        var cases = EvalSet.Load(path).Cases;

        Assert.Equal([(ProcedureAspect.Fee, "dialect"), (ProcedureAspect.None, "thanks")], cases.Select(c => (c.Aspect!.Value, c.Style!)));
    }

    [Fact]
    public void Scores_the_aspect_and_each_style_and_how_far_none_can_be_trusted()
    {
        File.WriteAllText(path, string.Join('\n',
            "text\tintent\tprocedure\taspect\tstyle",
            "đăng ký kết hôn ở đâu\task\tket-hon\twhere\tplain",
            "đăng ký kết hôn ở đâu\task\tket-hon\tfee\tplain",
            "xin chào\tnone\t-\t-\tother"));

        var report = EvalSet.Load(path).Evaluate(knowledge.Understanding);

        Assert.Equal(2 / 3.0, report.AspectAccuracy!.Value, 3);
        Assert.Equal([("other", 1, 0.0, 1.0), ("plain", 2, 1.0, 0.5)], report.ByStyle());
        Assert.Contains("line 3: \"đăng ký kết hôn ở đâu\" expected ask/ket-hon, got ask/ket-hon (score", report.Format());
        Assert.Contains("aspect expected fee, got where", report.Format());
    }

    [Theory]
    [InlineData("only one column\n", "3 tab-separated columns")]
    [InlineData("xin chào\twave\t-\n", "unknown intent 'wave'")]
    [InlineData("xin chào\tgreeting\t-\tcolour\n", "unknown aspect 'colour'")]
    public void A_malformed_row_names_its_line(string content, string reason)
    {
        File.WriteAllText(path, "text\tintent\tprocedure\n" + content);

        var error = Assert.Throws<FormatException>(() => EvalSet.Load(path));

        Assert.Contains(":2:", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Scores_intent_procedure_and_both_and_lists_the_misses()
    {
        File.WriteAllText(path, string.Join('\n',
            "text\tintent\tprocedure",
            "đăng ký kết hôn\task\tket-hon",
            "đăng ký kết hôn\task\tkhai-sinh",
            "xin chào\thelp\t-",
            "xin chào\tgreeting\t-"));

        var report = EvalSet.Load(path).Evaluate(knowledge.Understanding);

        Assert.Equal((4, 0.75, 0.75, 0.5), (report.Count, report.IntentAccuracy, report.ProcedureAccuracy, report.BothAccuracy));
        Assert.Equal([3, 4], report.Misses.Select(m => m.Case.Line));
        var text = report.Format();
        Assert.Contains("both-correct accuracy: 50.0", text);
        Assert.Contains("line 3: \"đăng ký kết hôn\" expected ask/khai-sinh, got ask/ket-hon", text);
        Assert.Contains("line 4: \"xin chào\" expected help/-, got greeting/-", text);
    }

    [Fact]
    public void Lists_the_worst_procedure_pairs_and_the_share_of_out_of_scope_messages_answered_none()
    {
        File.WriteAllText(path, string.Join('\n',
            "text\tintent\tprocedure",
            "đăng ký kết hôn\task\tkhai-sinh",
            "giấy kết hôn\task\tkhai-sinh",
            "đăng ký khai sinh\task\tkhai-tu",
            "hôm nay trời mưa không\tnone\t-",
            "làm giấy khai sinh\tnone\t-"));

        var report = EvalSet.Load(path).Evaluate(knowledge.Understanding);

        Assert.Equal([("khai-sinh", "ket-hon", 2), ("-", "khai-sinh", 1), ("khai-tu", "khai-sinh", 1)], report.Confusions(10));
        Assert.Equal(0.5, report.OutOfScopeAnsweredNone);
        Assert.Contains("  khai-sinh -> ket-hon: 2", report.Format());
    }

    public void Dispose() => File.Delete(path);
}
