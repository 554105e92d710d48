using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Wording;

namespace OneStopBot.Office.Tests.Wording;

/// <summary>The office says why a field is refused; these are the sentences residents and staff read for each reason.</summary>
public sealed class DossierValidationWordingTests
{
    [Theory]
    [InlineData("", "Anh/chị chưa gõ họ tên. Ví dụ: Hồ Thị Lan.")]
    [InlineData("Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn", "Họ tên dài quá, tối đa 100 ký tự.")]
    [InlineData("Lan 2", "Họ tên không có chữ số. Anh/chị gõ lại họ tên, ví dụ: Hồ Thị Lan.")]
    [InlineData("<b>Lan</b>", "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy ('), gạch nối (-) hoặc dấu chấm. Ví dụ: Hồ Thị Lan.")]
    public void A_refused_name_is_told_why(string typed, string told)
    {
        Assert.False(PersonName.TryNormalize(typed, out _, out var problem));
        Assert.Equal(told, problem.Message());
    }

    [Fact]
    public void Each_refused_field_of_a_request_is_told_in_one_sentence()
    {
        var request = new NewDossier
        {
            ProcedureId = "Khai Sinh!", ApplicantName = "12", Phone = "12345", Village = "Thôn 9", CitizenId = "123", WorkingDays = 400,
        };

        DossierValidation.Normalize(request, ["Thôn 1", "Thôn 2"], out var errors);

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["procedureId"] = ["Mã thủ tục không đúng. Ví dụ: khai-sinh."],
                ["applicantName"] = ["Họ tên không có chữ số. Anh/chị gõ lại họ tên, ví dụ: Hồ Thị Lan."],
                ["phone"] = ["Số điện thoại cần 10 số, bắt đầu bằng 0. Ví dụ: 0912345678."],
                ["citizenId"] = ["Số căn cước cần đủ 12 số."],
                ["village"] = ["Thôn không có trong danh sách: Thôn 1, Thôn 2."],
                ["workingDays"] = ["Thời hạn giải quyết từ 0 đến 365 ngày làm việc."],
            },
            errors.ByField());
        Assert.StartsWith("Mã thủ tục không đúng. Ví dụ: khai-sinh. Họ tên không có chữ số.", errors.InOneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_village_and_an_overlong_note_are_told_with_their_limits()
    {
        DossierValidation.Normalize(new NewDossier { ProcedureId = "khai-sinh", ApplicantName = "Lan", Phone = "0912345678", Village = "" }, [], out var errors);
        var note = Assert.Throws<DossierValidationException>(() => DossierValidation.NormalizeNote(new string('x', DossierValidation.MaxNoteLength + 1)));

        Assert.Equal("Cần ghi tên thôn.", Assert.Single(errors).Message());
        Assert.Equal("Ghi chú tối đa 1.000 ký tự.", Assert.Single(note.Errors).Message());
        Assert.Null(DossierValidation.NormalizeNote("   "));
        Assert.Equal("Mời anh/chị đến nhận.", DossierValidation.NormalizeNote(" Mời anh/chị đến nhận. "));
    }

    [Fact]
    public void Every_reason_has_its_own_wording()
    {
        var names = Enum.GetValues<PersonNameProblem>().Where(p => p != PersonNameProblem.None).Select(p => p.Message()).ToList();
        var fields = Enum.GetValues<DossierProblem>().Where(p => p != DossierProblem.InvalidName)
            .Select(p => new DossierValidationError("field", p, Limit: 9, Choices: ["Thôn 1"]).Message()).ToList();

        Assert.All(names.Concat(fields), text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal(names.Count + fields.Count, names.Concat(fields).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonNameProblem.None.Message());
    }
}
