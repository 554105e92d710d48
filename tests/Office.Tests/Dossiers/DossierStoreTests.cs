using Microsoft.Extensions.Options;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Tests.Storage;
using OneStopBot.Office.Tests.Storage.PostgreSql;

namespace OneStopBot.Office.Tests.Dossiers;

/// <summary>What every storage engine's dossier store must do; <see cref="DossierStoreTests"/> runs it on LiteDB.</summary>
public abstract class DossierStoreContract<TEngine> : StoreContract<TEngine>
    where TEngine : IStoreEngine, new()
{
    private IDossierStore Store => Get<IDossierStore>();

    internal static NewDossier Request(string phone = "0912345621", ChatAddress? owner = null, int? workingDays = 3) => new()
    {
        ProcedureId = "khai-sinh",
        ApplicantName = "  Alăng   Thị Hoa ",
        Phone = phone,
        Village = "thôn 2",
        CitizenId = "0012 3456 7889",
        Owner = owner,
        WorkingDays = workingDays,
    };

    internal static ChatAddress Owner(string userId, string channel = "webchat") =>
        new(channel, userId, "conv-" + userId) { BotId = "bot", ServiceUrl = "http://localhost:3978/" };

    [Fact]
    public async Task A_pre_registration_gets_the_day_code_and_normalised_data()
    {
        var dossier = await Store.PreRegisterAsync(Request(owner: Owner("u1")));

        Assert.Equal("000.32.30.H49-261126-0001", dossier.Code);
        Assert.Equal(DossierStatus.PreRegistered, dossier.Status);
        Assert.Equal(("Alăng Thị Hoa", "0912345621", "001234567889", "Thôn 2"), (dossier.ApplicantName, dossier.Phone, dossier.CitizenId, dossier.Village));
        Assert.Null(dossier.ReceivedAt);
        // The clock starts when staff receive the complete dossier.
        Assert.Null(dossier.DueDate);
        var step = Assert.Single(dossier.History);
        Assert.Equal((DossierStatus.PreRegistered, DossierDesk.ResidentActor), (step.Status, step.Actor));
        Assert.Equal("000.32.30.H49-261126-0002", (await Store.PreRegisterAsync(Request())).Code);
    }

    [Fact]
    public async Task A_pre_registration_gets_its_due_date_when_received_counted_from_reception()
    {
        var dossier = await Store.PreRegisterAsync(Request() with { AppointmentDate = new DateOnly(2026, 12, 4) });
        Assert.Equal(new DateOnly(2026, 12, 4), dossier.AppointmentDate);
        Assert.Null(dossier.DueDate);

        // Received today, Thursday 26/11: 3 working days.
        var received = (await Store.ChangeStatusAsync(dossier.Code, DossierStatus.Received, "Cán bộ Hoa", null))!;
        Assert.Equal(new DateOnly(2026, 12, 1), received.DueDate);
    }

    [Fact]
    public async Task Codes_restart_each_local_day()
    {
        // 23:59 in Vietnam on Thursday 26/11.
        Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal("000.32.30.H49-261126-0001", (await Store.PreRegisterAsync(Request())).Code);

        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("000.32.30.H49-261127-0001", (await Store.PreRegisterAsync(Request())).Code);
    }

    [Fact]
    public async Task Parallel_filings_never_share_a_code()
    {
        var start = new TaskCompletionSource();
        var filings = Enumerable.Range(0, 40)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return (await Store.PreRegisterAsync(Request(owner: Owner("u" + i)))).Code;
            }))
            .ToList();

        start.SetResult();
        var codes = await Task.WhenAll(filings);

        Assert.Equal(40, codes.Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, 40).Select(i => DossierCode.Format("000.32.30.H49", new DateOnly(2026, 11, 26), i)).Order(),
            codes.Order());
    }

    [Theory]
    [InlineData("000.32.30.H49-261126-0001")]
    [InlineData("000.32.30.h49-261126-0001")]
    [InlineData("0003230H49 261126 0001")]
    [InlineData("261126-0001")]
    [InlineData("2611260001")]
    public async Task Dossiers_are_found_by_the_code_as_typed(string typed)
    {
        var filed = await Store.PreRegisterAsync(Request());

        Assert.Equal(filed.Code, (await Store.FindAsync(typed))?.Code);
    }

    [Theory]
    [InlineData("261126-0002")]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Unknown_or_malformed_codes_find_nothing(string? typed)
    {
        await Store.PreRegisterAsync(Request());

        Assert.Null(await Store.FindAsync(typed));
    }

    [Fact]
    public async Task A_chat_lists_only_its_own_dossiers_newest_first()
    {
        var first = await Store.PreRegisterAsync(Request(owner: Owner("u1")));
        Time.Advance(TimeSpan.FromMinutes(5));
        // Another procedure: the same draft twice would be one filing.
        var second = await Store.PreRegisterAsync(Request(owner: Owner("u1")) with { ProcedureId = "khai-tu" });
        await Store.PreRegisterAsync(Request(owner: Owner("u2")));
        await Store.PreRegisterAsync(Request(owner: Owner("u1", channel: "zalo")));

        var mine = await Store.ListByOwnerAsync("WebChat", "u1");

        Assert.Equal([second.Code, first.Code], mine.Select(d => d.Code));
        Assert.Empty(await Store.ListByOwnerAsync("webchat", "nobody"));
        var owner = mine[0].Owner!;
        Assert.Equal(("webchat", "u1", "conv-u1"), (owner.ChannelId, owner.UserId, owner.ConversationId));
    }

    [Fact]
    public async Task Staff_filings_are_received_with_a_due_date_and_audited()
    {
        Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero)); // 15:30 local

        var dossier = await Store.ReceiveAsync(Request(workingDays: 0) with { Submission = Submission.InPerson }, "Chị Lan");

        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal(Time.GetUtcNow(), dossier.ReceivedAt);
        Assert.Equal(new DateOnly(2026, 11, 27), dossier.DueDate);
        var action = Assert.Single(Get<IStaffAuditLog>().ForTarget(dossier.Code));
        Assert.Equal(("Chị Lan", "dossier.create", Time.GetUtcNow()), (action.Staff, action.Action, action.At));
    }

    [Fact]
    public async Task Status_changes_append_history_set_dates_and_are_audited()
    {
        var filed = await Store.PreRegisterAsync(Request(owner: Owner("u1"), workingDays: 3));
        Time.Advance(TimeSpan.FromDays(1)); // Friday 27/11 09:00
        var received = (await Store.ChangeStatusAsync(filed.Code, DossierStatus.Received, "Chị Lan", null))!;
        Time.Advance(TimeSpan.FromDays(4)); // Tuesday 1/12
        await Store.ChangeStatusAsync("261126-0001", DossierStatus.ResultReady, "Anh Tuấn", "  Mang căn cước khi đến nhận. ");
        Time.Advance(TimeSpan.FromHours(2));
        var returned = (await Store.ChangeStatusAsync(filed.Code, DossierStatus.ResultReturned, "Anh Tuấn", null))!;

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(7)), received.ReceivedAt);
        Assert.Equal(new DateOnly(2026, 12, 2), received.DueDate);
        Assert.Equal(Time.GetUtcNow(), returned.ReturnedAt);
        Assert.Equal(
            [DossierStatus.PreRegistered, DossierStatus.Received, DossierStatus.ResultReady, DossierStatus.ResultReturned],
            returned.History.Select(h => h.Status));
        Assert.Equal("Mang căn cước khi đến nhận.", returned.History[2].Note);
        Assert.Equal(returned.History, (await Store.FindAsync(filed.Code))!.History);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)), returned.ResolvedAt);
        var audit = Get<IStaffAuditLog>().ForTarget(filed.Code);
        Assert.Equal(["Chị Lan", "Anh Tuấn", "Anh Tuấn"], audit.Select(a => a.Staff));
        Assert.All(audit, a => Assert.Equal("dossier.status", a.Action));
        Assert.Contains("resultReady", audit[1].Details);
    }

    [Fact]
    public async Task Changing_an_unknown_dossier_gives_null_and_audits_nothing()
    {
        Assert.Null(await Store.ChangeStatusAsync("261126-0099", DossierStatus.ResultReady, "Chị Lan", null));
        Assert.Null(await Store.ChangeStatusAsync("🙂", DossierStatus.ResultReady, "Chị Lan", null));
        Assert.Empty(Get<IStaffAuditLog>().Recent(10));
    }

    [Fact]
    public async Task An_overlong_note_is_refused_and_changes_nothing()
    {
        var filed = await Store.ReceiveAsync(Request(), "Chị Lan");

        var error = await Assert.ThrowsAsync<DossierValidationException>(() =>
            Store.ChangeStatusAsync(filed.Code, DossierStatus.Rejected, "Chị Lan", new string('x', 5000)));

        Assert.Equal(new DossierValidationError("note", DossierProblem.NoteTooLong, Limit: DossierValidation.MaxNoteLength), Assert.Single(error.Errors));
        Assert.Equal(DossierStatus.Received, (await Store.FindAsync(filed.Code))!.Status);
    }

    [Theory]
    [InlineData("", "Hoa", "0912345678", "Thôn 6", null, "procedureId", DossierProblem.MalformedProcedureId)]
    [InlineData("Khai Sinh!", "Hoa", "0912345678", "Thôn 6", null, "procedureId", DossierProblem.MalformedProcedureId)]
    [InlineData("khai-sinh", "", "0912345678", "Thôn 6", null, "applicantName", DossierProblem.InvalidName)]
    [InlineData("khai-sinh", "🙂🙂", "0912345678", "Thôn 6", null, "applicantName", DossierProblem.InvalidName)]
    [InlineData("khai-sinh", "12345", "0912345678", "Thôn 6", null, "applicantName", DossierProblem.InvalidName)]
    [InlineData("khai-sinh", "Hoa", "12345", "Thôn 6", null, "phone", DossierProblem.InvalidPhone)]
    [InlineData("khai-sinh", "Hoa", "0912345678", "Thôn Không Có", null, "village", DossierProblem.UnknownVillage)]
    [InlineData("khai-sinh", "Hoa", "0912345678", "", null, "village", DossierProblem.UnknownVillage)]
    [InlineData("khai-sinh", "Hoa", "0912345678", "Thôn 6", "123", "citizenId", DossierProblem.InvalidCitizenId)]
    public async Task Bad_requests_name_the_field_and_store_nothing(
        string procedure, string name, string phone, string village, string? citizenId, string field, DossierProblem problem)
    {
        var request = new NewDossier { ProcedureId = procedure, ApplicantName = name, Phone = phone, Village = village, CitizenId = citizenId };

        var error = await Assert.ThrowsAsync<DossierValidationException>(() => Store.PreRegisterAsync(request));

        var refused = Assert.Single(error.Errors);
        Assert.Equal((field, problem), (refused.Field, refused.Problem));
        Assert.Null(await Store.FindAsync("261126-0001"));
    }

    [Theory]
    [InlineData("", PersonNameProblem.Empty)]
    [InlineData("12345", PersonNameProblem.HasDigits)]
    [InlineData("🙂🙂", PersonNameProblem.HasOther)]
    public async Task A_refused_name_says_why(string name, PersonNameProblem why) =>
        Assert.Equal(
            why,
            Assert.Single((await Assert.ThrowsAsync<DossierValidationException>(() => Store.PreRegisterAsync(Request() with { ApplicantName = name }))).Errors).Name);

    [Fact]
    public async Task An_unknown_village_carries_the_configured_ones_to_choose_from()
    {
        var error = await Assert.ThrowsAsync<DossierValidationException>(() => Store.PreRegisterAsync(Request() with { Village = "Thôn Không Có" }));

        Assert.Equal(Get<IOptions<OfficeOptions>>().Value.Villages, Assert.Single(error.Errors).Choices);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(DossierValidation.MaxWorkingDays + 1)]
    public async Task A_time_limit_out_of_range_is_refused_with_the_limit(int workingDays)
    {
        var error = await Assert.ThrowsAsync<DossierValidationException>(() => Store.ReceiveAsync(Request() with { WorkingDays = workingDays }, "Chị Lan"));

        Assert.Equal(new DossierValidationError("workingDays", DossierProblem.WorkingDaysOutOfRange, Limit: DossierValidation.MaxWorkingDays), Assert.Single(error.Errors));
    }

    [Fact]
    public async Task Without_configured_villages_a_missing_village_is_refused_as_missing()
    {
        var valid = DossierValidation.Normalize(Request() with { Village = "  " }, [], out var errors);

        Assert.Equal(new DossierValidationError("village", DossierProblem.MissingVillage), Assert.Single(errors));
        Assert.Equal(string.Empty, valid.Village);
    }

    [Fact]
    public async Task A_huge_name_is_refused()
    {
        var error = await Assert.ThrowsAsync<DossierValidationException>(() => Store.PreRegisterAsync(Request() with { ApplicantName = new string('a', 100_000) }));

        Assert.Equal(new DossierValidationError("applicantName", DossierProblem.InvalidName, PersonNameProblem.TooLong), Assert.Single(error.Errors));
    }

    [Fact]
    public async Task Output_never_shows_the_phone_or_citizen_id()
    {
        var dossier = await Store.PreRegisterAsync(Request(owner: Owner("u1")));

        var text = dossier.ToString();

        Assert.Equal(("09******21", "0*********89"), (dossier.MaskedPhone, dossier.MaskedCitizenId));
        Assert.Equal("Dossier 000.32.30.H49-261126-0001 (preRegistered)", text);
    }

    [Theory]
    [InlineData("5621", true)]
    [InlineData(" 56 21 ", true)]
    [InlineData("5622", false)]
    [InlineData("621", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task Verification_checks_the_last_four_digits(string? digits, bool matches)
    {
        var dossier = await Store.PreRegisterAsync(Request());

        Assert.Equal(matches, dossier.PhoneEndsWith(digits));
    }

    [Theory]
    [InlineData(DossierStatus.Received, "2026-12-01", false)]
    [InlineData(DossierStatus.Received, "2026-12-02", true)]
    [InlineData(DossierStatus.SupplementRequested, "2026-12-02", true)]
    [InlineData(DossierStatus.ResultReady, "2026-12-02", false)]
    [InlineData(DossierStatus.Rejected, "2026-12-02", false)]
    public async Task Overdue_means_still_in_progress_after_the_due_date(DossierStatus status, string today, bool overdue)
    {
        var dossier = (await Store.ReceiveAsync(Request(workingDays: 3), "Chị Lan")); // due Tuesday 1/12
        var current = (await Store.ChangeStatusAsync(dossier.Code, status, "Chị Lan", null))!;

        Assert.Equal(overdue, current.IsOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class DossierStoreTests : DossierStoreContract<LiteDbOffice>;

/// <summary>LiteDB's own promise: the day's counter is kept in the file, so a restart does not reuse a code.</summary>
public sealed class DossierStoreRestartTests : IDisposable
{
    private readonly TestOffice office = new();

    private DossierDesk Store => office.Get<DossierDesk>();

    [Fact]
    public async Task The_day_counter_survives_a_restart()
    {
        await Store.PreRegisterAsync(DossierStoreTests.Request());
        await Store.PreRegisterAsync(DossierStoreTests.Request());

        using var reopened = office.Reopen();
        var dossier = await reopened.Get<DossierDesk>().PreRegisterAsync(DossierStoreTests.Request());

        Assert.Equal("000.32.30.H49-261126-0003", dossier.Code);
        Assert.Equal("Alăng Thị Hoa", (await reopened.Get<DossierDesk>().FindAsync("261126-0001"))!.ApplicantName);
    }

    public void Dispose() => office.Dispose();
}

public sealed class PostgresDossierStoreTests : DossierStoreContract<PostgresOffice>;
