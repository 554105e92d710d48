using System.Reflection;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Tests.Infrastructure;

namespace OneStopBot.Dialogs.Tests.Notices;

public sealed class DialogRegistrationTests : IDisposable
{
    private readonly ConversationHarness harness = new();

    public void Dispose() => harness.Dispose();

    public static TheoryData<string> RootDialogIds() =>
        [.. typeof(DialogIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(RootDialogIds))]
    public void Every_dialog_the_root_starts_is_registered(string id) =>
        Assert.Equal(id, harness.Get<DialogSet>().Find(id).Id);
}
