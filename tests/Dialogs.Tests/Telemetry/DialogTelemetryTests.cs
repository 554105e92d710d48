using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Activity = System.Diagnostics.Activity;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Telemetry;

/// <summary>
/// What the dialogs tell the host's telemetry about a conversation: a span per waterfall step, counts of turns, bands
/// and fallbacks, with the dialog and step where a resident turned away; never what the resident typed.
/// </summary>
public sealed class DialogTelemetryTests
{
    private const string Name = "Hồ Thị Lan";
    private const string Phone = "0912345621";
    private const string NotUnderstood = "con chó nhà hàng xóm sủa cả đêm";

    [Fact]
    public async Task A_conversation_is_traced_step_by_step_and_counted_by_band_and_fallback_with_no_personal_data()
    {
        using var harness = new ConversationHarness();
        using var spans = new SpanRecorder();
        var meters = harness.Get<IMeterFactory>();
        using var turns = new MetricCollector<long>(meters, DialogTelemetry.Name, DialogTelemetry.TurnsCounter);
        using var readings = new MetricCollector<long>(meters, DialogTelemetry.Name, DialogTelemetry.ReadingsCounter);
        using var fallbacks = new MetricCollector<long>(meters, DialogTelemetry.Name, DialogTelemetry.FallbacksCounter);
        string[] said = [NotUnderstood, "làm giấy khai sinh cho con", "Nộp hồ sơ trước", "khai sinh", Name, Phone, "hủy", ConfirmCancelTexts.Stop];

        var last = new List<IMessageActivity>();
        foreach (var text in said)
        {
            last = [.. await harness.SayAsync(text)];
            if (text == NotUnderstood)
            {
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, ProcedureTexts.NotFound, harness.Office.Phone), Assert.Single(last).Text);
            }
        }

        Assert.Contains(RootTexts.Cancelled, last[^1].Text, StringComparison.Ordinal);
        // Every message is a turn of the test channel.
        Assert.Equal(said.Length, turns.GetMeasurementSnapshot().Where(m => Tag(m, DialogTelemetry.ChannelTag) == "test").Sum(m => m.Value));
        var bands = readings.GetMeasurementSnapshot().Select(m => $"{Tag(m, DialogTelemetry.BandTag)} {Tag(m, DialogTelemetry.IntentTag)}").ToList();
        Assert.Contains("high ask", bands);
        Assert.Contains("none none", bands);
        var fellBack = fallbacks.GetMeasurementSnapshot()
            .Select(m => $"{Tag(m, DialogTelemetry.ReasonTag)} {Tag(m, DialogTelemetry.ChannelTag)} {Tag(m, DialogTelemetry.DialogTag)} {Tag(m, DialogTelemetry.StepTag)}")
            .ToList();
        // The not-understood message, and the pre-registration left at the question it was waiting on (the village).
        Assert.Equal(["not_understood test  ", "left_dialog test submit AskVillageStepAsync"], fellBack);

        var steps = spans.Started.Select(span => $"{span.GetTagItem(DialogTelemetry.DialogTag)}.{span.GetTagItem(DialogTelemetry.StepTag)}").ToList();
        Assert.Equal(
            ["submit.AskProcedureStepAsync", "submit.SaveProcedureStepAsync", "submit.AskNameStepAsync", "submit.CheckNameMarksStepAsync", "submit.SaveNameMarksStepAsync",
                "submit.AskPhoneStepAsync", "submit.AskVillageStepAsync"],
            steps.Where(step => step.StartsWith("submit.", StringComparison.Ordinal)).Distinct());
        Assert.All(spans.Started, span =>
        {
            Assert.Equal([DialogTelemetry.DialogTag, DialogTelemetry.StepTag, DialogTelemetry.ChannelTag], span.TagObjects.Select(tag => tag.Key));
            Assert.Equal("test", span.GetTagItem(DialogTelemetry.ChannelTag));
            Assert.Empty(span.Events);
            Assert.Empty(span.Baggage);
        });

        // Neither a span nor a count carries any part of what was typed: names, numbers, the question itself.
        var recorded = spans.Started.SelectMany(span => span.TagObjects.Select(tag => tag.Value as string).Append(span.DisplayName))
            .Concat(new[] { turns, readings, fallbacks }.SelectMany(c => c.GetMeasurementSnapshot()).SelectMany(m => m.Tags.Values).Select(value => value as string))
            .OfType<string>()
            .ToList();
        foreach (var typed in said.Where(text => text.Length > 3).Concat(["Lan", "345621", "khai sinh", "hàng xóm"]))
        {
            Assert.DoesNotContain(recorded, value => value.Contains(typed, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_failing_step_marks_its_span_with_the_error_type_not_its_message()
    {
        using var spans = new SpanRecorder();
        var dc = new DialogContext(new DialogSet([new FailingDialog()]), new TurnContext(new TestAdapter(), (Microsoft.Bot.Schema.Activity)MessageFactory.Text(Phone)), new DialogStack());

        await Assert.ThrowsAsync<InvalidOperationException>(() => dc.BeginDialogAsync(FailingDialog.DialogId, null, CancellationToken.None));

        var span = Assert.Single(spans.Started);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.StatusDescription);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string value && value.Contains(Phone, StringComparison.Ordinal));
    }

    private static string? Tag(CollectedMeasurement<long> measurement, string key) =>
        measurement.Tags.TryGetValue(key, out var value) ? value as string : null;

    private sealed class FailingDialog() : WaterfallDialog<object>(DialogId)
    {
        public const string DialogId = "failing";

        protected override object CreateState(object? options) => new();

        protected override IReadOnlyList<WaterfallStep<object>> Steps() => [ThrowStepAsync];

        // An exception that quotes what was typed, as careless code might.
        private static Task<DialogTurnResult> ThrowStepAsync(WaterfallStepContext<object> step, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Không đọc được " + step.Context.Activity.Text);
    }
}
