using System.Text.RegularExpressions;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Knowledge.Tests.Procedures;

/// <summary>
/// Each procedure file against the list of what is unconfirmed for it (Knowledge/Procedures/unconfirmed.tsv): an
/// unconfirmed fact is never said as certain, and the resident is pointed to the office for it.
/// </summary>
[Collection(KnowledgeCollection.Name)]
public sealed partial class UnconfirmedFactsTests(KnowledgeFixture knowledge)
{
    private static readonly IReadOnlyDictionary<string, string[]> Unconfirmed =
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "Knowledge", "Procedures", "unconfirmed.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("id\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .ToDictionary(c => c[0], c => c[1] == "-" ? [] : c[1].Split(' '));

    private static readonly string[] Fields = ["documents", "time", "fee", "online", "handler", "attendance"];

    [GeneratedRegex(@"hỏi (cán bộ|bộ phận một cửa|Công an xã|Ban Chỉ huy)|dichvucong\.gov\.vn", RegexOptions.IgnoreCase)]
    private static partial Regex PointsToTheOffice();

    [GeneratedRegex(@"phải tự đến|tất cả cùng đến|phải có mặt", RegexOptions.IgnoreCase)]
    private static partial Regex CertainAttendance();

    public static TheoryData<string> Ids() => [.. Unconfirmed.Keys];

    [Fact]
    public void Every_procedure_has_one_row_with_known_fields()
    {
        Assert.Equal(knowledge.Catalog.All.Select(p => p.Id).Order(), Unconfirmed.Keys.Order());
        Assert.All(Unconfirmed.Values.SelectMany(f => f), field => Assert.Contains(field, Fields));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Unconfirmed_facts_are_not_said_as_certain(string id)
    {
        var procedure = knowledge.Catalog.Find(id)!;
        var fields = Unconfirmed[id];

        Assert.Equal(fields.Contains("handler"), procedure.Handler == ProcedureHandler.Unconfirmed);
        if (fields.Contains("time"))
        {
            Assert.Null(procedure.Time.WorkingDays);
            Assert.Matches(PointsToTheOffice(), procedure.Time.Text);
        }
        if (fields.Contains("fee"))
        {
            Assert.Null(procedure.Fee.Free);
            Assert.Matches(PointsToTheOffice(), procedure.Fee.Text);
        }
        if (fields.Contains("online"))
        {
            Assert.Null(procedure.Online.Available);
            Assert.Matches(PointsToTheOffice(), procedure.Online.Text);
        }
        if (fields.Contains("documents"))
        {
            Assert.Contains(procedure.Documents, d => d.Note is { } note && PointsToTheOffice().IsMatch(note));
            Assert.All(procedure.Documents.Where(d => d.Count > 1), d => Assert.Matches(PointsToTheOffice(), d.Note ?? string.Empty));
        }
        if (fields.Contains("attendance"))
        {
            var said = string.Join(' ', [procedure.Summary, .. procedure.Steps, procedure.WhereAndWhen, procedure.Online.Text]);
            Assert.DoesNotMatch(CertainAttendance(), said);
        }
    }
}
