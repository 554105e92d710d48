using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Hosting;
using OneStopBot.Knowledge.Procedures;
using OneStopBot.Office;
using OneStopBot.Office.Calendar;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Statistics;
using OneStopBot.Office.Storage;
using OneStopBot.Office.Wording;

namespace OneStopBot.Bot.Staff;

/// <summary>Body of <c>POST dossiers</c>; <c>commune</c> (an Id) says whose dossier it is, required when several communes are served.</summary>
public sealed record CreateDossierRequest(
    string? ProcedureId,
    string? ApplicantName,
    string? Phone,
    string? Village,
    string? CitizenId,
    [property: Description(CreateDossierRequest.CommuneDescription)] string? Commune = null)
{
    public const string CommuneDescription =
        "Whose dossier it is: the Id of a configured commune (a slug such as phuoc-duc); its agency code goes into the new code. "
        + "Required when several communes are served, unless ?commune= names it; an unknown Id is 404.";
}

/// <summary>Body of <c>PATCH dossiers/{code}</c>: a status name (<c>resultReady</c>) and an optional note for the resident.</summary>
public sealed record UpdateDossierRequest(string? Status, string? Note);

/// <summary>
/// The answer of <c>GET stats</c>: the numbers, the percentages written the Vietnamese way (<c>86,23%</c>), and the
/// office's goals (online share, satisfaction) with whether the period reaches them (null: nothing to count).
/// </summary>
public sealed record StatisticsResponse(
    DateOnly From,
    DateOnly To,
    int Received,
    int Online,
    string? OnlinePercent,
    int Resolved,
    int ResolvedOnTime,
    string? OnTimePercent,
    int InProgress,
    int Overdue,
    int? Ratings,
    string? SatisfactionPercent,
    int OnlineGoalPercent,
    bool? OnlineGoalMet,
    int SatisfactionGoalPercent,
    bool? SatisfactionGoalMet,
    IReadOnlyList<string> Lines)
{
    /// <summary>The answer for <paramref name="figures"/> against <paramref name="goals"/>.</summary>
    public static StatisticsResponse Of(PeriodStatistics figures, OfficeGoals goals) => new(
        figures.From,
        figures.To,
        figures.Received,
        figures.Online,
        Percent(figures.OnlinePercent),
        figures.Resolved,
        figures.ResolvedOnTime,
        Percent(figures.OnTimePercent),
        figures.InProgress,
        figures.Overdue,
        figures.Satisfaction?.Total,
        Percent(figures.SatisfactionPercent),
        goals.OnlinePercent,
        goals.OnlineMet(figures),
        goals.SatisfactionPercent,
        goals.SatisfactionMet(figures),
        StatisticsWording.Lines(figures, goals));

    private static string? Percent(decimal? percent) => percent is { } value ? VietnamesePercent.Format(value) : null;
}

/// <summary>One commune's figures in the province's answer: its Id, its name, and its figures against its own goals.</summary>
public sealed record CommuneStatisticsResponse(
    [property: Description("The commune's Id, as ?commune= takes it.")] string Commune, string CommuneName, StatisticsResponse Figures);

/// <summary>The answer of <c>GET stats</c> without <c>?commune=</c> when several communes are served: every commune side by side.</summary>
public sealed record ProvinceStatisticsResponse(DateOnly From, DateOnly To, IReadOnlyList<CommuneStatisticsResponse> Communes);

/// <summary>The staff API for dossiers: create, import, update status, read, statistics. Every call is audited as <see cref="StaffApi.ApiActor"/>.</summary>
public static class StaffDossierEndpoints
{
    /// <summary>Largest CSV body accepted by the import.</summary>
    public const int MaxImportBytes = 4 * 1024 * 1024;

    /// <summary>Title of the problem when the office's rules refuse a status change; the detail says why.</summary>
    public const string RefusedTitle = "Không đổi được trạng thái hồ sơ";

    private static readonly string[] CsvMediaTypes = ["text/csv", "application/csv", "text/plain"];

    public static RouteGroupBuilder MapDossierEndpoints(this RouteGroupBuilder staff)
    {
        // The bodies are read inside the handlers (see ReadBodyAsync), so they are declared here for the document.
        staff.MapPost("dossiers", CreateAsync).Accepts<CreateDossierRequest>("application/json").WithMetadata(new AcrossCommunes())
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        staff.MapPost("dossiers/import", ImportAsync).Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        staff.MapPatch("dossiers/{code}", UpdateAsync).Accepts<UpdateDossierRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        staff.MapGet("dossiers/{code}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("dossiers/{code}/unlock", UnlockAsync).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("stats", GetStatisticsAsync).WithMetadata(new AcrossCommunes()).ProducesProblem(StatusCodes.Status404NotFound);
        return staff;
    }

    internal static async Task<Results<Created<DossierResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest http, IDossierStore store, ProcedureCatalog catalog, CommuneContext communes, CommuneDirectory directory)
    {
        var (request, problem) = await ReadBodyAsync<CreateDossierRequest>(http);
        if (request is null)
        {
            return problem!;
        }
        // The body's commune, else the one the request named (or the only one served).
        var commune = request.Commune is { Length: > 0 } id ? directory.Find(id) : communes.CurrentOrNull;
        if (commune is null)
        {
            return request.Commune is { Length: > 0 } unknown
                ? (ProblemHttpResult)StaffCommuneFilter.UnknownCommune(unknown)
                : TypedResults.ValidationProblem(Field("commune", TextTemplate.Fill(ProblemTexts.CommuneRequired, string.Join(", ", directory.All.Select(c => c.Id)))));
        }
        using var scope = communes.Enter(commune);
        var procedure = catalog.Find(request.ProcedureId?.Trim().ToLowerInvariant() ?? string.Empty);
        if (procedure is null)
        {
            return TypedResults.ValidationProblem(Field("procedureId", "Không có thủ tục này. Ví dụ: khai-sinh."));
        }
        try
        {
            var dossier = await store.ReceiveAsync(
                new NewDossier
                {
                    ProcedureId = procedure.Id,
                    ApplicantName = request.ApplicantName ?? string.Empty,
                    Phone = request.Phone ?? string.Empty,
                    Village = request.Village ?? string.Empty,
                    CitizenId = request.CitizenId,
                    Submission = Submission.InPerson,
                    WorkingDays = procedure.Time.WorkingDays,
                },
                StaffApi.ApiActor,
                http.HttpContext.RequestAborted);
            return TypedResults.Created("/api/staff/dossiers/" + Uri.EscapeDataString(dossier.Code), DossierResponse.From(dossier));
        }
        catch (DossierValidationException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors.ByField());
        }
    }

    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, DossierImport import, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!CsvMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(ProblemTexts.CsvRequired, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        // Read the body whole first: the import reads synchronously, which Kestrel forbids on the request stream.
        var (csv, tooLarge) = await CappedBody.ReadAsync(request, MaxImportBytes);
        if (csv is null)
        {
            return tooLarge!;
        }
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return TypedResults.Ok(ImportResponse.From(await import.ImportAsync(reader, StaffApi.ApiActor, ImportWording.ImportedNote, cancellationToken)));
    }

    /// <summary>
    /// Lifts the lock that wrong last-4 guesses put on a dossier's chat verification, once staff have checked with the
    /// resident; audited. 404 for an unknown code, so the API does not confirm codes it does not hold.
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        string code, IDossierStore store, LookupGuard guard, IStaffAuditLog audit, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not { } dossier)
        {
            return NotFound(code);
        }
        var wasLocked = guard.UnlockCode(dossier.Code);
        audit.Record(StaffApi.ApiActor, "dossier.unlock", dossier.Code, wasLocked ? "locked" : "not locked");
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<DossierResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string code, HttpRequest http, DossierUpdates updates)
    {
        var (request, problem) = await ReadBodyAsync<UpdateDossierRequest>(http);
        if (request is null)
        {
            return problem!;
        }
        if (!DossierStatuses.TryParse(request.Status, out var status))
        {
            return TypedResults.ValidationProblem(Field("status", "Trạng thái không đúng. Dùng một trong: " +
                string.Join(", ", Enum.GetValues<DossierStatus>().Select(s => s.JsonName())) + "."));
        }
        try
        {
            return await updates.ChangeStatusAsync(code, status, StaffApi.ApiActor, request.Note, http.HttpContext.RequestAborted) is { } dossier
                ? TypedResults.Ok(DossierResponse.From(dossier) with
                {
                    ResidentNotified = dossier.ReachesResident(),
                    Message = dossier.ToStaff(),
                })
                : NotFound(code);
        }
        catch (DossierValidationException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors.ByField());
        }
        catch (DossierStatusRefusedException refused)
        {
            return TypedResults.Problem(refused.Refusal.Reason(), statusCode: StatusCodes.Status400BadRequest, title: RefusedTitle);
        }
    }

    internal static async Task<Results<Ok<DossierResponse>, ProblemHttpResult>> GetAsync(
        string code, IDossierStore store, IStaffAuditLog audit, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not { } dossier)
        {
            return NotFound(code);
        }
        // Reading a dossier shows personal data: it is a staff action like any other.
        audit.Record(StaffApi.ApiActor, "dossier.view", dossier.Code);
        return TypedResults.Ok(DossierResponse.From(dossier));
    }

    internal static async Task<Results<Ok<StatisticsResponse>, Ok<ProvinceStatisticsResponse>, ValidationProblem>> GetStatisticsAsync(
        string? from, string? to, OfficeStatistics statistics, ProvinceFigures province, CommuneContext communes, WorkingCalendar calendar, IStaffAuditLog audit,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var (start, end, errors) = ReadPeriod(from, to, new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (communes.CurrentOrNull is not { } commune)
        {
            // No commune named and several served: the province's view, every commune against its own goals.
            // Each commune's audit log shows that the province read its figures.
            communes.ForEach(_ => audit.Record(StaffApi.ApiActor, "stats.view", details: $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd} all communes"));
            return TypedResults.Ok(new ProvinceStatisticsResponse(start, end, [.. (await province.ComputeAsync(start, end, cancellationToken))
                .Select(row => new CommuneStatisticsResponse(row.Commune.Id, row.Commune.Office.CommuneName, StatisticsResponse.Of(row.Figures, row.Goals)))]));
        }
        audit.Record(StaffApi.ApiActor, "stats.view", details: $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}");
        return TypedResults.Ok(StatisticsResponse.Of(await statistics.ComputeAsync(start, end, cancellationToken), commune.Office.Goals));
    }

    /// <summary>
    /// Reads a JSON body inside the handler rather than by parameter binding, so that binding errors never come before
    /// the API key check, and a bad body gets a clear 400 instead of a bare one.
    /// </summary>
    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(ProblemTexts.JsonRequired, statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        try
        {
            var value = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return value is null
                ? (null, TypedResults.Problem(ProblemTexts.EmptyBody, statusCode: StatusCodes.Status400BadRequest))
                : (value, null);
        }
        catch (JsonException error)
        {
            return (null, TypedResults.Problem(error.Path is { Length: > 0 } path ? TextTemplate.Fill(ProblemTexts.InvalidJsonAt, path) : ProblemTexts.InvalidJson, statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>
    /// A period given as <c>from</c> and <c>to</c> (yyyy-MM-dd, each <paramref name="defaultFrom"/> or
    /// <paramref name="defaultTo"/> when empty), within the statistics' limits; the errors by field, in Vietnamese.
    /// </summary>
    internal static (DateOnly From, DateOnly To, Dictionary<string, string[]> Errors) ReadPeriod(string? from, string? to, DateOnly defaultFrom, DateOnly defaultTo)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ReadDay(from, defaultFrom, "from", errors);
        var end = ReadDay(to, defaultTo, "to", errors);
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = ["Ngày 'to' không được trước ngày 'from'."];
        }
        if (errors.Count == 0 && end.DayNumber - start.DayNumber > OfficeStatistics.MaxPeriodDays)
        {
            errors["to"] = [$"Khoảng thời gian dài nhất là {OfficeStatistics.MaxPeriodDays} ngày."];
        }
        return (start, end, errors);
    }

    private static DateOnly ReadDay(string? text, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = [ProblemTexts.DateFormat];
        }
        else if (!OfficeDates.Contains(day))
        {
            errors[field] = [TextTemplate.Fill(ProblemTexts.DateRange, OfficeDates.MinYear, OfficeDates.MaxYear)];
        }
        else
        {
            return day;
        }
        return fallback;
    }

    // A ProblemDetails body with its own media type, as every other error of the API.
    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(
            TextTemplate.Fill(ProblemTexts.DossierNotFound, code.Length > 80 ? code[..80] : code),
            statusCode: StatusCodes.Status404NotFound,
            title: ProblemTexts.DossierNotFoundTitle);

    private static Dictionary<string, string[]> Field(string name, string message) => new() { [name] = [message] };
}
