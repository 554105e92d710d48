using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloTextSplitterTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \n ", new string[0])]
    [InlineData(" Ngắn thôi. ", new[] { "Ngắn thôi." })]
    [InlineData("Câu một. Câu hai. Câu ba.", new[] { "Câu một. Câu hai.", "Câu ba." })]
    [InlineData("Mang CCCD? Có! Nộp ở xã.", new[] { "Mang CCCD? Có!", "Nộp ở xã." })]
    [InlineData("Dòng một\nDòng hai rất dài", new[] { "Dòng một", "Dòng hai rất dài" })]
    [InlineData("không có dấu chấm nào ở đây cả", new[] { "không có dấu chấm", "nào ở đây cả" })]
    [InlineData("https://dichvucong.gov.vn/p/home", new[] { "https://dichvucong.g", "ov.vn/p/home" })]
    public void Text_is_cut_at_sentence_ends_then_between_words(string text, string[] expected)
    {
        Assert.Equal(expected, ZaloTextSplitter.Split(text, 20));
    }

    [Fact]
    public void Emoji_are_never_cut_in_half()
    {
        var text = string.Concat(Enumerable.Repeat("🙏", 25));

        var parts = ZaloTextSplitter.Split(text, 9);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 9));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(2000)]
    public void Every_part_fits_and_nothing_is_lost(int maxLength)
    {
        var text = string.Join(" ", Enumerable.Range(1, 400).Select(i => i % 7 == 0 ? $"Bước {i}: mang giấy tờ gốc." : $"chữ{i}"));

        var parts = ZaloTextSplitter.Split(text, maxLength);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, maxLength));
        Assert.Equal(text, string.Join(" ", parts));
    }
}
