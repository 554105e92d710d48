using System.Text;
using OneStopBot.Bot.Channels.Zalo;

namespace OneStopBot.Bot.Tests.Zalo;

public sealed class ZaloSignatureTests
{
    // Known answers computed independently (sha256 over the UTF-8 concatenation).
    [Theory]
    [InlineData("4213641083251702331", "{\"event_name\":\"follow\",\"timestamp\":\"1764158400000\"}", "1764158400000", "oa-secret-Xq7fT2",
        "210c844063b41ab1c91fcf114fefe34484216b88be894970111f4118336ae9ae")]
    [InlineData("app", "{\"a\":\"tiếng Việt\"}", "42", "key", "82a76d41dca212df4e6464896d68e2b5d5d8f05a7248392aaa09e9c7e37bcf8b")]
    public void The_mac_is_the_plain_sha256_of_app_body_timestamp_and_key(string appId, string body, string timestamp, string key, string hex)
    {
        Assert.Equal("mac=" + hex, ZaloSignature.Compute(appId, Encoding.UTF8.GetBytes(body), timestamp, key));
    }

    [Theory]
    [InlineData("mac=82a76d41dca212df4e6464896d68e2b5d5d8f05a7248392aaa09e9c7e37bcf8b", true)]
    [InlineData("  mac=82A76D41DCA212DF4E6464896D68E2B5D5D8F05A7248392AAA09E9C7E37BCF8B ", true)]
    [InlineData("82a76d41dca212df4e6464896d68e2b5d5d8f05a7248392aaa09e9c7e37bcf8b", false)]
    [InlineData("mac=82a76d41dca212df4e6464896d68e2b5d5d8f05a7248392aaa09e9c7e37bcf8", false)]
    [InlineData("mac=", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_exact_mac_is_valid(string? header, bool valid)
    {
        Assert.Equal(valid, ZaloSignature.IsValid(header, "app", Encoding.UTF8.GetBytes("{\"a\":\"tiếng Việt\"}"), "42", "key"));
    }

    [Theory]
    [InlineData("{\"a\": \"tiếng Việt\"}", "42")]
    [InlineData("{\"a\":\"tieng Viet\"}", "42")]
    [InlineData("{\"a\":\"tiếng Việt\"}", "43")]
    public void Any_change_to_the_bytes_or_the_timestamp_breaks_it(string body, string timestamp)
    {
        const string mac = "mac=82a76d41dca212df4e6464896d68e2b5d5d8f05a7248392aaa09e9c7e37bcf8b";
        Assert.False(ZaloSignature.IsValid(mac, "app", Encoding.UTF8.GetBytes(body), timestamp, "key"));
    }
}
