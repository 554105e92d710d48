using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;

namespace OneStopBot.Dialogs.Tests.Engine;

/// <summary>How dialogs leave the stack: every one told why, innermost first; and how a waterfall names its positions.</summary>
public sealed class DialogLifecycleTests
{
    private readonly List<string> ends = [];

    /// <summary>A dialog that waits for the user and writes down each time it leaves the stack, and whether it was the active one then.</summary>
    private sealed class RecordingDialog(string id, List<string> ends) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);

        public override Task EndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        {
            ends.Add($"{instance.Id} {reason}{(ReferenceEquals(dc.ActiveInstance, instance) ? string.Empty : " (not active)")}");
            return Task.CompletedTask;
        }
    }

    private DialogContext Context(params string[] begun)
    {
        var dialogs = new DialogSet(new[] { "a", "b", "c" }.Select(id => new RecordingDialog(id, ends)));
        var turn = new TurnContext(new TestAdapter(), (Activity)MessageFactory.Text("xin chào"));
        var dc = new DialogContext(dialogs, turn, new DialogStack());
        foreach (var id in begun)
        {
            dc.Stack.Instances.Add(new DialogInstance { Id = id, Version = dialogs.Find(id).Version });
        }
        return dc;
    }

    private static readonly Dictionary<string, Func<DialogContext, Task>> Moves = new()
    {
        ["end"] = dc => dc.EndDialogAsync(null, CancellationToken.None),
        ["replace"] = dc => dc.ReplaceDialogAsync("c", null, CancellationToken.None),
        ["cancel all"] = dc => dc.CancelAllDialogsAsync(CancellationToken.None),
        ["put aside"] = dc => dc.EndAllDialogsAsync(DialogReason.Suspended, CancellationToken.None),
        ["end above the first"] = dc => dc.EndDialogsAboveAsync(1, DialogReason.Cancelled, CancellationToken.None),
    };

    [Theory]
    // A dialog that ends resumes its parent, which (by default) ends in turn.
    [InlineData("end", "b Ended|a Ended", "")]
    [InlineData("replace", "b Replaced", "a c")]
    [InlineData("cancel all", "b Cancelled|a Cancelled", "")]
    [InlineData("put aside", "b Suspended|a Suspended", "")]
    [InlineData("end above the first", "b Cancelled", "a")]
    public async Task Every_dialog_leaving_the_stack_is_told_why_while_it_is_the_active_one(string move, string told, string left)
    {
        var dc = Context("a", "b");

        await Moves[move](dc);

        Assert.Equal(told.Split('|'), ends);
        Assert.Equal(left, string.Join(' ', dc.Stack.Instances.Select(i => i.Id)));
    }

    [Fact]
    public async Task Cancel_all_tells_every_dialog_innermost_first_and_says_it_cancelled()
    {
        var dc = Context("a", "b", "c");

        var result = await dc.CancelAllDialogsAsync(CancellationToken.None);

        Assert.Equal(["c Cancelled", "b Cancelled", "a Cancelled"], ends);
        Assert.Empty(dc.Stack.Instances);
        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Equal(DialogTurnStatus.Empty, (await dc.CancelAllDialogsAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_stack_the_dialogs_can_go_on_from_is_left_as_it_is()
    {
        var dc = Context("a", "b");

        Assert.False(await dc.EndChangedDialogsAsync(CancellationToken.None));
        Assert.Empty(ends);
        Assert.Equal(2, dc.Stack.Instances.Count);
    }

    [Theory]
    // Saved before dialogs had versions, by another version of "b", by a dialog no longer registered (no hook to call).
    [InlineData(null, "c VersionChanged|b VersionChanged|a VersionChanged")]
    [InlineData("b:older", "c VersionChanged|b VersionChanged|a VersionChanged")]
    [InlineData("retired", "c VersionChanged|a VersionChanged")]
    public async Task A_stack_saved_by_another_version_ends_whole_each_dialog_told_so(string? saved, string told)
    {
        var dc = Context("a");
        dc.Stack.Instances.Add(saved == "retired" ? new DialogInstance { Id = "retired", Version = "retired" } : new DialogInstance { Id = "b", Version = saved });
        dc.Stack.Instances.Add(new DialogInstance { Id = "c", Version = "c" });

        Assert.True(await dc.EndChangedDialogsAsync(CancellationToken.None));

        Assert.Equal(told.Split('|'), ends);
        Assert.Empty(dc.Stack.Instances);
    }

    [Fact]
    public async Task Continuing_a_stack_saved_by_another_version_ends_it_rather_than_continue_it()
    {
        var dc = Context("a");
        dc.Stack.Instances[0] = new DialogInstance { Id = "a", Version = null };

        var result = await dc.ContinueDialogAsync(CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
        Assert.Equal(["a VersionChanged"], ends);
    }

    [Fact]
    public void A_waterfall_version_is_its_steps_names_in_order()
    {
        var time = new FakeTimeProvider(Infrastructure.ConversationHarness.DefaultStart);
        var versions = Enum.GetValues<SampleSteps>().Select(steps => new SampleRegistrationDialog(time, steps).Version).ToList();

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(versions[0], new SampleRegistrationDialog(time).Version);
        Assert.StartsWith(DialogIds.PreRegister + ":", versions[0], StringComparison.Ordinal);
    }

    private sealed class LambdaStepDialog() : WaterfallDialog<SampleRegistration>("lambda")
    {
        protected override SampleRegistration CreateState(object? options) => new();

        protected override IReadOnlyList<WaterfallStep<SampleRegistration>> Steps() => [(step, token) => step.EndDialogAsync(null, token)];
    }

    private sealed class TwiceStepDialog() : WaterfallDialog<SampleRegistration>("twice")
    {
        protected override SampleRegistration CreateState(object? options) => new();

        protected override IReadOnlyList<WaterfallStep<SampleRegistration>> Steps() => [EndStepAsync, EndStepAsync];

        private static Task<DialogTurnResult> EndStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken) =>
            step.EndDialogAsync(null, cancellationToken);
    }

    [Fact]
    public void A_waterfall_whose_steps_have_no_stable_names_is_refused_when_registered()
    {
        Assert.Contains("'lambda'", Assert.Throws<InvalidOperationException>(() => new DialogSet([new LambdaStepDialog()])).Message, StringComparison.Ordinal);
        Assert.Contains("'EndStepAsync' twice", Assert.Throws<InvalidOperationException>(() => new DialogSet([new TwiceStepDialog()])).Message, StringComparison.Ordinal);
    }

    private sealed class StrayJumpDialog() : WaterfallDialog<SampleRegistration>("stray")
    {
        protected override SampleRegistration CreateState(object? options) => new();

        protected override IReadOnlyList<WaterfallStep<SampleRegistration>> Steps() => [JumpStepAsync];

        private static Task<DialogTurnResult> JumpStepAsync(WaterfallStepContext<SampleRegistration> step, CancellationToken cancellationToken) =>
            step.GoToStepAsync(nameof(NotAStep), cancellationToken);

        private static void NotAStep()
        {
        }
    }

    [Fact]
    public async Task Going_to_a_step_by_a_name_that_is_no_step_fails_at_once()
    {
        var dc = new DialogContext(new DialogSet([new StrayJumpDialog()]), new TurnContext(new TestAdapter(), (Activity)MessageFactory.Text("xin chào")), new DialogStack());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => dc.BeginDialogAsync("stray", null, CancellationToken.None));
        Assert.Contains("'NotAStep'", error.Message, StringComparison.Ordinal);
    }
}
