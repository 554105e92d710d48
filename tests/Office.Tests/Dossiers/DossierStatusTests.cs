using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests.Dossiers;

public sealed class DossierStatusTests
{
    [Theory]
    [InlineData(DossierStatus.PreRegistered, "preRegistered")]
    [InlineData(DossierStatus.SupplementRequested, "supplementRequested")]
    [InlineData(DossierStatus.FinancialObligation, "financialObligation")]
    [InlineData(DossierStatus.ResultReady, "resultReady")]
    [InlineData(DossierStatus.Withdrawn, "withdrawn")]
    public void Statuses_have_camel_case_names(DossierStatus status, string name)
    {
        Assert.Equal(name, status.JsonName());
        Assert.True(DossierStatuses.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("done")]
    [InlineData("Đang")]
    [InlineData("giải quyết xong rồi")]
    public void Unknown_written_statuses_are_not_read(string? written) =>
        Assert.False(DossierStatuses.TryRead(written, out _));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("done")]
    [InlineData("5")]
    public void Unknown_status_names_are_refused(string? name)
    {
        Assert.False(DossierStatuses.TryParse(name, out _));
    }

    [Theory]
    [InlineData(DossierStatus.PreRegistered, DossierStatus.Received, null, true, null)]
    [InlineData(DossierStatus.PreRegistered, DossierStatus.ResultReady, null, true, StatusRefusalKind.NotAllowed)]
    [InlineData(DossierStatus.Received, DossierStatus.SupplementRequested, null, true, StatusRefusalKind.NoteRequired)]
    [InlineData(DossierStatus.Received, DossierStatus.SupplementRequested, "Thiếu tờ khai", true, null)]
    [InlineData(DossierStatus.InProgress, DossierStatus.PaymentRequested, " ", true, StatusRefusalKind.NoteRequired)]
    [InlineData(DossierStatus.InProgress, DossierStatus.Rejected, null, true, StatusRefusalKind.NoteRequired)]
    [InlineData(DossierStatus.InProgress, DossierStatus.Stopped, null, true, StatusRefusalKind.NoteRequired)]
    [InlineData(DossierStatus.InProgress, DossierStatus.FinancialObligation, "Nộp thuế", false, StatusRefusalKind.NoFinancialObligation)]
    [InlineData(DossierStatus.InProgress, DossierStatus.FinancialObligation, "Nộp thuế", true, null)]
    [InlineData(DossierStatus.Rejected, DossierStatus.FinancialObligation, "x", true, StatusRefusalKind.FinalStatus)]
    [InlineData(DossierStatus.FinancialObligation, DossierStatus.InProgress, null, true, null)]
    [InlineData(DossierStatus.ResultReady, DossierStatus.ResultReturned, null, true, null)]
    [InlineData(DossierStatus.ResultReady, DossierStatus.InProgress, null, true, StatusRefusalKind.NotAllowed)]
    [InlineData(DossierStatus.Withdrawn, DossierStatus.Received, null, true, StatusRefusalKind.FinalStatus)]
    public void Changes_follow_the_office_table(DossierStatus from, DossierStatus to, string? note, bool land, StatusRefusalKind? refusal)
    {
        var reason = DossierStatuses.Refusal(from, to, note, land);

        Assert.Equal(refusal, reason?.Kind);
        if (reason is not null)
        {
            Assert.Equal((from, to), (reason.From, reason.To));
            Assert.Equal(from.AllowedNext(), reason.Allowed);
        }
    }

    [Fact]
    public void Ends_have_nothing_after_them_and_every_other_status_can_still_reach_a_returned_result()
    {
        var ends = new[] { DossierStatus.ResultReturned, DossierStatus.Rejected, DossierStatus.Stopped, DossierStatus.Withdrawn };
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            if (ends.Contains(status))
            {
                Assert.Empty(status.AllowedNext());
                continue;
            }
            var reached = new HashSet<DossierStatus> { status };
            var frontier = new Queue<DossierStatus>([status]);
            while (frontier.TryDequeue(out var next))
            {
                foreach (var after in next.AllowedNext().Where(reached.Add))
                {
                    frontier.Enqueue(after);
                }
            }
            Assert.Contains(DossierStatus.ResultReturned, reached);
            Assert.DoesNotContain(status, status.AllowedNext());
        }
        Assert.Equal(
            [DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.Rejected, DossierStatus.Stopped],
            Enum.GetValues<DossierStatus>().Where(s => s.RequiresNote()));
    }
}
