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
}
