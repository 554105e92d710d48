using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_office_library_references_no_bot_framework_assembly()
    {
        var references = typeof(Dossier).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("LiteDB", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Bot.", StringComparison.Ordinal));
        Assert.DoesNotContain("Newtonsoft.Json", references);
    }
}
