using OneStopBot.Bot.StaffWeb.Questions;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office.Questions;

namespace OneStopBot.Bot.Tests.StaffWeb;

/// <summary>At start-up the model learns again only the approved questions a model was accepted with.</summary>
public sealed class StoredLearnedExamplesTests : IDisposable
{
    private readonly QuestionPagesHost host = new();

    [Fact]
    public void Only_approved_questions_in_the_accepted_model_are_learned_again()
    {
        var review = host.Get<QuestionReview>();
        var inUse = host.Asked("bé mới đẻ đi mô làm giấy");
        var outOfScope = host.Asked("giá phân bón tháng này");
        var approvedOnly = host.Asked("làm căn cước mất bao lâu");
        var labelledOnly = host.Asked("đăng ký kết hôn");
        review.Label(inUse.Id, "khai-sinh", "where", outOfScope: false, "Chị Hoa");
        review.Label(outOfScope.Id, null, "none", outOfScope: true, "Chị Hoa");
        review.Label(approvedOnly.Id, "can-cuoc", "time", outOfScope: false, "Chị Hoa");
        review.Label(labelledOnly.Id, "ket-hon", "none", outOfScope: false, "Chị Hoa");
        review.Approve(inUse.Id, "Anh Minh");
        review.Approve(outOfScope.Id, "Anh Minh");
        review.MarkInUse([inUse.Id, outOfScope.Id]);
        review.Approve(approvedOnly.Id, "Anh Minh");

        var learned = new StoredLearnedExamples(host.Questions).InUse();

        Assert.Equal(
            [
                new LearnedExample("bé mới đẻ đi mô làm giấy", "khai-sinh", ProcedureAspect.Where, OutOfScope: false),
                new LearnedExample("giá phân bón tháng này", null, ProcedureAspect.None, OutOfScope: true),
            ],
            learned);
    }

    public void Dispose() => host.Dispose();
}
