using LiteDB;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Storage;

/// <summary>
/// A commune's lookups stay as cheap with 94 communes as with one: LiteDB reads them through the narrow index (the code,
/// the phone), the commune being checked on the few records found, never through the commune's whole index.
/// </summary>
public sealed class CommuneQueryPlanTests : IDisposable
{
    private readonly TestOffice office = new();

    /// <summary>Index name, its expression, a value.</summary>
    public static TheoryData<string, string, string> Lookups() => new()
    {
        { nameof(Dossier.Code), nameof(Dossier.Code), "000.32.30.H49-261126-0001" },
        { nameof(Dossier.Phone), nameof(Dossier.Phone), "0912345621" },
        { "owner", DossierStore.OwnerExpression, "webchat/dan-1" },
        { "phoneTail", DossierSearch.PhoneTailExpression, "5621" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public void A_lookup_in_a_commune_reads_the_lookup_s_own_index(string index, string expression, string value)
    {
        var dossiers = office.Get<OfficeDatabase>().Collection<Dossier>(DossierStore.CollectionName);

        var plan = dossiers.In("phuoc-duc", Filter.Equal(expression, value)).GetPlan();

        Assert.Equal(index, plan["index"]["name"].AsString);
    }

    [Fact]
    public void Whether_a_chat_has_an_open_handoff_is_read_through_the_resident_s_index()
    {
        // Every message of every turn asks it.
        var handoffs = office.Get<OfficeDatabase>().Collection<Handoff>(HandoffStore.CollectionName);

        var plan = handoffs.In("phuoc-duc", Filter.Equal(HandoffStore.ResidentUserExpression, "dan-1")).GetPlan();

        Assert.Equal(HandoffStore.ResidentUserExpression, plan["index"]["expr"].AsString);
    }

    public void Dispose() => office.Dispose();
}
