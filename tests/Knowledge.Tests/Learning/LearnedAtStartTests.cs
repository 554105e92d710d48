using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Knowledge.Learning;
using OneStopBot.Knowledge.Understanding;

namespace OneStopBot.Knowledge.Tests.Learning;

/// <summary>The examples a model was accepted with are learned again at the next start.</summary>
public sealed class LearnedAtStartTests
{
    // Words no procedure file uses, so only the learned example can teach them.
    private const string Taught = "xin giấy cho bé nhà em mới ra đời ạ";

    [Fact]
    public void Without_learned_examples_the_shipped_model_is_the_one_in_use()
    {
        using var provider = Build(null);

        Assert.Same(provider.GetRequiredService<MessageUnderstanding>(), provider.GetRequiredService<LiveUnderstanding>().Current);
    }

    [Fact]
    public void With_learned_examples_the_model_in_use_is_trained_on_them_too()
    {
        using var provider = Build(new Learned([new LearnedExample(Taught, "khai-sinh", ProcedureAspect.None, OutOfScope: false)]));

        var live = provider.GetRequiredService<LiveUnderstanding>().Current;

        Assert.NotEqual(provider.GetRequiredService<MessageUnderstanding>().Fingerprint, live.Fingerprint);
        Assert.Equal("khai-sinh", live.Understand(Taught).ProcedureId);
    }

    private static ServiceProvider Build(ILearnedExamples? learned)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:ProceduresPath"] = "" }).Build();
        var services = new ServiceCollection();
        if (learned is not null)
        {
            services.AddSingleton(learned);
        }
        return services.AddKnowledge(configuration).BuildServiceProvider();
    }

    private sealed class Learned(IReadOnlyList<LearnedExample> examples) : ILearnedExamples
    {
        public IReadOnlyList<LearnedExample> InUse() => examples;
    }
}
