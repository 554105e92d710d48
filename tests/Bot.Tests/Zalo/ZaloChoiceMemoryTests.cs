using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Bot.Channels;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloChoiceMemoryTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    private static readonly NumberedChoice[] Offered = [new("Hỏi thủ tục", "hoi thu tuc"), new("Xem hồ sơ", null), new("Gặp cán bộ", null)];

    [Theory]
    [InlineData("1", "hoi thu tuc")]
    [InlineData(" 2 ", "Xem hồ sơ")]
    [InlineData("3.", "Gặp cán bộ")]
    [InlineData("2)", "Xem hồ sơ")]
    [InlineData("số 3", "Gặp cán bộ")]
    [InlineData("So 1", "hoi thu tuc")]
    [InlineData("0", null)]
    [InlineData("4", null)]
    [InlineData("12", null)]
    [InlineData("1 và 2", null)]
    [InlineData("mẫu 1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("١", null)]
    public void A_typed_number_stands_for_the_offered_choice(string? typed, string? expected)
    {
        var memory = Memory();
        memory.Remember("u1", Offered);

        Assert.Equal(expected, memory.Resolve("u1", typed)?.Text);
    }

    [Fact]
    public void Choices_belong_to_the_user_they_were_offered_to_and_expire()
    {
        var memory = Memory();
        memory.Remember("u1", Offered);

        Assert.Null(memory.Resolve("u2", "1"));
        time.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(memory.Resolve("u1", "1"));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Null(memory.Resolve("u1", "1"));
    }

    [Fact]
    public void A_new_list_replaces_the_old_one()
    {
        var memory = Memory();
        memory.Remember("u1", Offered);

        memory.Remember("u1", [new NumberedChoice("Có", "có")]);

        Assert.Equal("có", memory.Resolve("u1", "1")?.Text);
        Assert.Null(memory.Resolve("u1", "2"));
    }

    [Fact]
    public void No_more_users_are_remembered_than_the_capacity()
    {
        using var memory = new ZaloChoiceMemory(Options.Create(new ZaloOptions { ChoicesCapacity = 3 }), time);

        foreach (var user in new[] { "u1", "u2", "u3", "u4", "u5" })
        {
            memory.Remember(user, Offered);
        }

        Assert.NotNull(memory.Resolve("u5", "1"));
        Assert.InRange(new[] { "u1", "u2", "u3", "u4", "u5" }.Count(user => memory.Resolve(user, "1") is not null), 1, 3);
    }

    private ZaloChoiceMemory Memory() =>
        new(Options.Create(new ZaloOptions { ChoicesLifetime = TimeSpan.FromHours(2) }), time);
}
