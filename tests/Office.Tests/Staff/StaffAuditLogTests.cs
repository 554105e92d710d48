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

    [Fact]
    public void An_action_on_many_targets_is_one_entry_found_by_each_target_at_its_own_time()
    {
        var log = Get<IStaffAuditLog>();
        var at = Time.GetUtcNow().AddDays(-2);
        log.Record("api", "dossier.status", "000.32.30.H49-261120-0002");

        var batch = log.Record(new StaffAction
        {
            At = at, Staff = "api", Action = "dossier.import", Targets = ["000.32.30.H49-261120-0001", "000.32.30.H49-261120-0002"],
        });
        log.Record(new StaffAction { At = at, Staff = "api", Action = "dossier.import", Targets = ["000.32.30.H49-261120-0003"] });

        Assert.Equal(3, log.Recent(10).Count);
        Assert.Equal([(batch.Id, at, "000.32.30.H49-261120-0001")], log.ForTarget("000.32.30.H49-261120-0001").Select(a => (a.Id, a.At, a.Target)));
        Assert.Equal(["dossier.status", "dossier.import"], log.ForTarget("000.32.30.H49-261120-0002").Select(a => a.Action));
        Assert.Empty(log.ForTarget("000.32.30.H49-261120-0004"));
        Assert.Throws<ArgumentException>(() => log.Record(new StaffAction { Staff = "api", Action = " " }));
    }
}

public sealed class LiteDbStaffAuditLogTests : StaffAuditLogContract<LiteDbStores>;
