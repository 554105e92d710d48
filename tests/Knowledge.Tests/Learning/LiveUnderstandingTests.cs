using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Learning;

/// <summary>A retrained model goes in while turns read the running one.</summary>
public sealed class LiveUnderstandingTests
{
    private static MessageUnderstanding Model(string procedure) =>
        new([new TrainingExample("khai sinh cho con", Intent.Ask, procedure), new TrainingExample("xin chào", Intent.Greeting, null)]);

    [Fact]
    public void Replace_puts_the_new_model_in_use_and_returns_the_old()
    {
        var (first, second) = (Model("khai-sinh"), Model("khai-tu"));
        var live = new LiveUnderstanding(first);

        var previous = live.Replace(second);

        Assert.Same(first, previous);
        Assert.Same(second, live.Current);
        Assert.Equal(1, live.Version);
        Assert.Equal("khai-tu", live.Current.Understand("khai sinh cho con").ProcedureId);
    }

    [Fact]
    public async Task Readers_during_many_swaps_always_get_a_whole_model_that_answers()
    {
        MessageUnderstanding[] models = [Model("khai-sinh"), Model("khai-tu")];
        var live = new LiveUnderstanding(models[0]);
        using var writing = new CancellationTokenSource();
        const int Swaps = 2000;

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var seen = new HashSet<string?>();
            var reads = 0;
            while (!writing.IsCancellationRequested || reads == 0)
            {
                // One read per turn: the turn keeps the model it read, whatever is swapped meanwhile.
                var model = live.Current;
                Assert.Contains(model, models);
                seen.Add(model.Understand("khai sinh cho con").ProcedureId);
                reads++;
            }
            return seen;
        })).ToList();
        var writer = Task.Run(() =>
        {
            for (var i = 1; i <= Swaps; i++)
            {
                live.Replace(models[i % 2]);
            }
            writing.Cancel();
        });

        await writer;
        var seen = (await Task.WhenAll(readers)).SelectMany(s => s).ToHashSet();

        Assert.Equal(Swaps, live.Version);
        Assert.Same(models[0], live.Current);
        Assert.Subset(new HashSet<string?> { "khai-sinh", "khai-tu" }, seen);
    }
}
