using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Staff;

namespace OneStopBot.Office.Tests.Staff;

/// <summary>What every storage engine's audit log must do; <see cref="LiteDbStaffAuditLogTests"/> runs it on LiteDB.</summary>
public abstract class StaffAuditLogContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    [Fact]
    public void Actions_are_recorded_with_who_when_and_what_and_listed_newest_first()
    {
        var log = Get<IStaffAuditLog>();
        log.Record("Chị Lan", "notice.send", "thôn 2", "1 thông báo");
        Time.Advance(TimeSpan.FromMinutes(3));
        log.Record("Anh Tuấn", "dossier.status", "000.32.30.H49-261126-0001");

        var recent = log.Recent(10);

        Assert.Equal(["Anh Tuấn", "Chị Lan"], recent.Select(a => a.Staff));
        Assert.Equal(Time.GetUtcNow(), recent[0].At);
        Assert.Equal("notice.send", recent[1].Action);
        Assert.Single(log.ForTarget("000.32.30.H49-261126-0001"));
        Assert.Throws<ArgumentException>(() => log.Record(" ", "x"));
    }
}

public sealed class LiteDbStaffAuditLogTests : StaffAuditLogContract<LiteDbStores>;
