using OneStopBot.Knowledge.Understanding;
using Understood = OneStopBot.Knowledge.Understanding.Understanding;

namespace OneStopBot.Knowledge.Tests.Understanding;

public sealed class UnderstandingJsonTests
{
    [Fact]
    public void Writes_the_contract_line_with_vietnamese_letters_as_they_are()
    {
        var understood = new Understood("làm giấy khai sinh ở đâu", Intent.Ask, "khai-sinh", 0.8333, ["trich-luc-ho-tich"], ProcedureAspect.Where);

        var json = UnderstandingJson.Serialize(understood);

        Assert.Equal(
            """{"text":"làm giấy khai sinh ở đâu","intent":"ask","procedure":"khai-sinh","score":0.83,"alternatives":["trich-luc-ho-tich"]}""",
            json);
    }

    [Fact]
    public void Writes_null_procedure_and_a_decimal_score()
    {
        var understood = new Understood("xin chào", Intent.Greeting, null, 1, [], ProcedureAspect.None);

        Assert.Equal(
            """{"text":"xin chào","intent":"greeting","procedure":null,"score":1.0,"alternatives":[]}""",
            UnderstandingJson.Serialize(understood));
    }

    [Fact]
    public void Escapes_what_json_requires_and_stays_on_one_line()
    {
        var understood = new Understood("a \"quoted\"\nline\t\\", Intent.None, null, 0, [], ProcedureAspect.None);

        var json = UnderstandingJson.Serialize(understood);

        Assert.DoesNotContain('\n', json);
        Assert.Equal("a \"quoted\"\nline\t\\", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
        Assert.Contains("\"score\":0.0", json);
    }

    [Theory]
    [InlineData(Intent.Ask, "ask")]
    [InlineData(Intent.Unsubscribe, "unsubscribe")]
    [InlineData(Intent.None, "none")]
    public void Intent_names_are_lower_case(Intent intent, string name)
    {
        Assert.Equal(name, UnderstandingJson.IntentName(intent));
    }
}
