using OneStopBot.Knowledge.Text;

namespace OneStopBot.Knowledge.Tests.Text;

public sealed class TypoCorrectorTests
{
    private readonly TypoCorrector corrector = new(["khai", "sinh", "kết", "hôn", "thôn", "thường", "trú", "chứng", "thực"]);

    [Theory]
    [InlineData("sinnh", "sinh")]
    [InlineData("sihn", "sinh")]
    [InlineData("khia", "khai")]
    [InlineData("hhon", "hon")]
    [InlineData("thuongg", "thuong")]
    [InlineData("chung", "chung")]
    [InlineData("chứng", "chứng")]
    public void Corrects_one_typo_towards_a_known_syllable(string typed, string expected)
    {
        Assert.Equal(expected, corrector.Correct(typed));
    }

    [Theory]
    [InlineData("lúa")]
    [InlineData("xyzzy")]
    [InlineData("2024")]
    [InlineData("kkkkhai")]
    public void Leaves_short_unknown_or_far_words_alone(string typed)
    {
        Assert.Equal(typed, corrector.Correct(typed));
    }

    [Theory]
    [InlineData("khaisinh", "khai sinh")]
    [InlineData("kethon", "ket hon")]
    [InlineData("thuongtru", "thuong tru")]
    [InlineData("dangkhaisinh", null)]
    [InlineData("khai", null)]
    [InlineData("kethon2024", null)]
    [InlineData("xyzzyx", null)]
    public void Splits_syllables_typed_without_a_space_into_known_ones(string typed, string? expected)
    {
        var split = corrector.Split(typed);
        Assert.Equal(expected, split is null ? null : string.Join(' ', split));
    }

    [Theory]
    [InlineData("lamgiaykhaisinhchocon", "lam giay khai sinh cho con")]
    [InlineData("thuongtru", "thuong tru")]
    [InlineData("nophosochocon", "nop ho so cho con")]
    [InlineData("hoso", "ho so")]
    [InlineData("hohohohoho", null)]
    public void Splits_a_whole_question_typed_without_spaces_into_the_fewest_syllables(string typed, string? expected)
    {
        var sentences = new TypoCorrector(["làm", "giấy", "khai", "sinh", "cho", "con", "thu", "ông", "thường", "trú", "nộp", "hồ", "sơ", "hò"]);

        var split = sentences.Split(typed);

        Assert.Equal(expected, split is null ? null : string.Join(' ', split));
    }

    [Fact]
    public void Splits_a_long_run_in_bounded_work()
    {
        Assert.Equal("khai sinh ket hon", string.Join(' ', corrector.Split("khaisinhkethon")!));
        Assert.Null(corrector.Split(new string('a', 400)));
    }
}
