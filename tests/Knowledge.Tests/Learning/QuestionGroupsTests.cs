using OneStopBot.Knowledge.Learning;

namespace OneStopBot.Knowledge.Tests.Learning;

public sealed class QuestionGroupsTests
{
    [Fact]
    public void Questions_alike_with_or_without_diacritics_fall_in_one_group_largest_first()
    {
        string[] questions =
        [
            "giá phân bón tháng này",
            "làm giấy khai sinh ở đâu",
            "lam giay khai sinh o dau",
            "con trâu bị ốm thì gọi ai",
            "làm giấy khai sinh ở mô",
            "gia phan bon thang nay bao nhieu",
        ];

        var groups = QuestionGroups.Group(questions);

        Assert.Equal(
            [[1, 2, 4], [0, 5], [3]],
            groups.Select(g => g.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("làm giấy khai sinh ở đâu", "lam giay khai sinh o dau", true)]
    [InlineData("đăng ký kết hôn cần gì", "dang ky ket hon can giay to gi", true)]
    [InlineData("làm giấy khai sinh ở đâu", "giá phân bón tháng này", false)]
    [InlineData("xin chào", "con trâu bị ốm thì gọi ai", false)]
    public void Two_questions_group_together_by_the_classifiers_features(string a, string b, bool alike) =>
        Assert.Equal(alike, QuestionGroups.Group([a, b]).Count == 1);

    [Fact]
    public void Empty_and_hostile_texts_group_without_error()
    {
        string[] questions = ["", "   ", "<script>alert(1)</script>", new string('a', 5000), "🙂🙂🙂"];

        var groups = QuestionGroups.Group(questions);

        Assert.Equal(Enumerable.Range(0, questions.Length), groups.SelectMany(g => g).Order());
    }
}
