using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>
/// The shipped files against the office's facts on filing online: every procedure the facts say can be filed online is
/// marked so and explained step by step, through VNeID or dichvucong.gov.vn signed in with VNeID.
/// </summary>
public sealed class OnlineGuideTests
{
    private static readonly ProcedureCatalog Catalog = ProcedureCatalog.Load(KnowledgeOptions.DefaultProceduresPath);

    /// <summary>The procedures the facts sheet marks "yes" for filing online (liên thông groups included).</summary>
    public static TheoryData<string> OnlineByTheFacts => new()
    {
        "khai-sinh", "khai-tu", "ket-hon", "xac-nhan-hon-nhan", "thuong-tru", "tam-tru", "mai-tang-phi", "ho-ngheo",
    };

    [Theory]
    [MemberData(nameof(OnlineByTheFacts))]
    public void A_procedure_the_facts_file_online_has_a_guide(string id)
    {
        var procedure = Catalog.Find(id)!;

        Assert.True(procedure.Online.Available, id);
        var guide = Assert.IsType<OnlineGuide>(procedure.OnlineGuide);
        Assert.Contains("VNeID", guide.App, StringComparison.Ordinal);
        Assert.Contains("mức 2", guide.App, StringComparison.Ordinal);
        Assert.Contains("dichvucong.gov.vn", guide.App, StringComparison.Ordinal);
        Assert.NotEmpty(guide.Photograph);
        Assert.InRange(guide.Steps.Count, 3, 7);
    }

    [Fact]
    public void Every_procedure_marked_online_has_a_guide_and_no_other_has_one()
    {
        foreach (var procedure in Catalog.All)
        {
            Assert.Equal(procedure.Online.Available == true, procedure.OnlineGuide is not null);
        }
    }

    /// <summary>
    /// Only what the facts confirm: sign in, fill the form, attach the photos, send, follow the status. Menu paths change,
    /// so no step names a menu; a slow reader gets short steps.
    /// </summary>
    [Fact]
    public void Guide_steps_are_short_and_name_no_menu_path()
    {
        const int MaxWords = 25;
        foreach (var guide in Catalog.All.Select(p => p.OnlineGuide).OfType<OnlineGuide>())
        {
            Assert.StartsWith("Mở ứng dụng VNeID", guide.Steps[0], StringComparison.Ordinal);
            Assert.Contains(guide.Steps, step => step.Contains("Gắn ảnh", StringComparison.Ordinal));
            Assert.Contains("gửi", guide.Steps[^1], StringComparison.Ordinal);
            foreach (var text in guide.Steps.Append(guide.After).Concat(guide.Photograph))
            {
                Assert.DoesNotContain(">", text, StringComparison.Ordinal);
                Assert.DoesNotContain("menu", text, StringComparison.OrdinalIgnoreCase);
                Assert.All(text.Split(". "), sentence => Assert.True(sentence.Split(' ').Length <= MaxWords, sentence));
            }
        }
    }

    [Fact]
    public void Kinds_of_trip_the_facts_rule_out_are_said_as_such()
    {
        // Both partners sign in person; biometrics are taken in person; the recruit registers himself.
        Assert.StartsWith("Không.", Catalog.Find("ket-hon")!.Post, StringComparison.Ordinal);
        Assert.StartsWith("Không.", Catalog.Find("can-cuoc")!.Post, StringComparison.Ordinal);
        Assert.StartsWith("Không.", Catalog.Find("can-cuoc")!.Proxy, StringComparison.Ordinal);
        Assert.StartsWith("Không.", Catalog.Find("nghia-vu-quan-su")!.Proxy, StringComparison.Ordinal);
        // Post is accepted for these by the facts sheet.
        foreach (var id in new[] { "xac-nhan-hon-nhan", "mai-tang-phi", "ho-ngheo" })
        {
            Assert.StartsWith("Được.", Catalog.Find(id)!.Post, StringComparison.Ordinal);
        }
    }
}
