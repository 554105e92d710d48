using OneStopBot.Office.Notices;
using OneStopBot.Office.Storage;

namespace OneStopBot.Office.Tests.Notices;

/// <summary>The worker is woken once a row can be read: after the transaction that wrote it commits, never before.</summary>
public sealed class OutboxWakeUpTests : IDisposable
{
    private readonly NoticeTestHost office = new();

    public void Dispose() => office.Dispose();

    private static OutboxMessage Message() => new(DeliveryKind.StatusChange, NoticeTestHost.Chat("u1"), "Hồ sơ đã có kết quả.");

    [Fact]
    public async Task A_row_written_inside_a_transaction_wakes_the_worker_only_when_it_commits()
    {
        var signal = office.Get<OutboxSignal>();
        Task? early = null;

        office.Get<OfficeDatabase>().InTransaction(() =>
        {
            office.Get<Outbox>().Enqueue(Message());
            // A signal already raised would be taken at once by this wait.
            early = signal.WaitAsync(CancellationToken.None);
            Assert.False(early.IsCompleted);
            return 0;
        });

        await early!.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Single(office.Get<Outbox>().Due(office.Time.GetUtcNow(), limit: 10));
    }

    [Fact]
    public void A_row_rolled_back_wakes_nobody()
    {
        Assert.Throws<InvalidOperationException>(() => office.Get<OfficeDatabase>().InTransaction<int>(() =>
        {
            office.Get<Outbox>().Enqueue(Message());
            throw new InvalidOperationException("the status change failed");
        }));

        Assert.False(office.Get<OutboxSignal>().WaitAsync(CancellationToken.None).IsCompleted);
        Assert.Empty(office.Get<Outbox>().Due(office.Time.GetUtcNow(), limit: 10));
    }

    [Fact]
    public async Task A_row_written_on_its_own_wakes_the_worker_at_once()
    {
        office.Get<Outbox>().Enqueue(Message());

        await office.Get<OutboxSignal>().WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
