using System.Text.Json;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class DossierStatusTests
{
    [Theory]
    [InlineData(DossierStatus.PreRegistered, "preRegistered")]
    [InlineData(DossierStatus.SupplementRequested, "supplementRequested")]
    [InlineData(DossierStatus.FinancialObligation, "financialObligation")]
    [InlineData(DossierStatus.ResultReady, "resultReady")]
    [InlineData(DossierStatus.Withdrawn, "withdrawn")]
    public void Statuses_have_camel_case_json_names(DossierStatus status, string name)
    {
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(status));
        Assert.Equal(status, JsonSerializer.Deserialize<DossierStatus>($"\"{name}\""));
        Assert.Equal(name, status.JsonName());
        Assert.True(DossierStatuses.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("done")]
    [InlineData("5")]
    public void Unknown_status_names_are_refused(string? name)
    {
        Assert.False(DossierStatuses.TryParse(name, out _));
    }

    [Fact]
    public void Every_status_has_a_short_simple_text()
    {
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            var text = status.Text();
            Assert.All(new[] { text.Label, text.Explanation, text.NextStep }, sentence =>
            {
                Assert.False(string.IsNullOrWhiteSpace(sentence));
                Assert.InRange(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 20);
            });
        }
        Assert.Equal(Enum.GetValues<DossierStatus>().Length, Enum.GetValues<DossierStatus>().Select(s => s.Text().Label).Distinct().Count());
    }
}
