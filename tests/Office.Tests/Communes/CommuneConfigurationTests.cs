using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Communes;

namespace OneStopBot.Office.Tests.Communes;

public sealed class CommuneConfigurationTests
{
    private static readonly Dictionary<string, string?> Province = new()
    {
        ["Office:CommuneName"] = "xã Phước Đức",
        ["Office:WorkingHours"] = "Sáng 7:30–11:30",
        ["Office:AgencyCode"] = "000.32.30.H49",
        ["Office:Villages:0"] = "Thôn 1",
        ["Office:Handlers:communePolice:Name"] = "Công an xã",
        ["Office:Handlers:communePolice:Place"] = "trụ sở công an",
        ["Office:Handlers:communePolice:Hours"] = "Sáng",
        ["Office:Handlers:communeMilitary:Name"] = "Ban Chỉ huy quân sự xã",
        ["Office:Handlers:communeMilitary:Place"] = "UBND xã",
        ["Office:Handlers:communeMilitary:Hours"] = "Sáng",
    };

    private static ServiceProvider Build(Dictionary<string, string?> extra)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Province.Concat(extra)).Build();
        return new ServiceCollection().AddCommunes(configuration).BuildServiceProvider();
    }

    private static Dictionary<string, string?> TwoCommunes() => new()
    {
        ["Communes:0:Id"] = "phuoc-duc",
        ["Communes:0:AgencyCode"] = "000.32.30.H49",
        ["Communes:1:Id"] = "phuoc-nang",
        ["Communes:1:CommuneName"] = "xã Phước Năng",
        ["Communes:1:AgencyCode"] = "000.33.30.H49",
        ["Communes:1:WorkingHours"] = "Sáng 7:00–11:00",
        ["Communes:1:Villages:0"] = "Thôn A",
        ["Communes:1:Villages:1"] = "Thôn B",
        ["Communes:1:Handlers:communePolice:Name"] = "Công an xã Phước Năng",
        ["Communes:1:HostNames:0"] = "phuocnang.example.vn",
        ["Communes:1:ZaloOaId"] = "oa-phuoc-nang",
    };

    [Fact]
    public void Without_a_list_the_office_is_the_one_commune_named_by_its_slug()
    {
        using var services = Build([]);
        var directory = services.GetRequiredService<CommuneDirectory>();

        var commune = Assert.Single(directory.All);
        Assert.Equal("phuoc-duc", commune.Id);
        Assert.Equal("000.32.30.H49", commune.Office.AgencyCode);
        Assert.Same(commune, services.GetRequiredService<CommuneContext>().Current);
    }

    [Fact]
    public void Each_commune_takes_the_province_facts_it_does_not_set_and_keeps_its_own_lists()
    {
        using var services = Build(TwoCommunes());
        var directory = services.GetRequiredService<CommuneDirectory>();

        var nang = directory.Find("phuoc-nang")!;
        Assert.Equal(["Thôn A", "Thôn B"], nang.Office.Villages);
        Assert.Equal("Sáng 7:00–11:00", nang.Office.WorkingHours);
        Assert.Equal("Công an xã Phước Năng", nang.Office.Handlers[OfficeOptions.CommunePolice].Name);
        Assert.Equal("trụ sở công an", nang.Office.Handlers[OfficeOptions.CommunePolice].Place);
        var duc = directory.Find("phuoc-duc")!;
        Assert.Equal(["Thôn 1"], duc.Office.Villages);
        Assert.Equal("Sáng 7:30–11:30", duc.Office.WorkingHours);
        Assert.Same(nang, directory.ByHost("PhuocNang.example.vn"));
        Assert.Same(nang, directory.ByZaloOa("oa-phuoc-nang"));
        Assert.Null(directory.ByZaloOa("OA-PHUOC-NANG"));
        Assert.Null(directory.ByZaloOa(""));
    }

    [Theory]
    [InlineData("000.32.30.H49-261203-0001", "phuoc-duc")]
    [InlineData("000.33.30.H49-261203-0001", "phuoc-nang")]
    [InlineData("000.32.30.H4-261203-0001", null)]
    [InlineData("000.32.30.H49", null)]
    [InlineData(null, null)]
    public void A_dossier_code_says_whose_it_is(string? code, string? owner)
    {
        using var services = Build(TwoCommunes());

        Assert.Equal(owner, services.GetRequiredService<CommuneDirectory>().ByDossierCode(code)?.Id);
    }

    [Theory]
    [InlineData("000.32.30.H49.01-261203-0001", "phuoc-duc-1")]
    [InlineData("000.32.30.h49.01-261203-0001", "phuoc-duc-1")]
    [InlineData("000.32.30.H49-261203-0001", "phuoc-duc")]
    [InlineData("000.32.30.h49-261203-0001", "phuoc-duc")]
    [InlineData("000.32.30.H49.02-261203-0001", "phuoc-duc")]
    public void A_commune_whose_agency_code_begins_another_s_does_not_take_its_dossiers(string code, string owner)
    {
        var settings = TwoCommunes();
        settings["Communes:2:Id"] = "phuoc-duc-1";
        settings["Communes:2:CommuneName"] = "xã Phước Đức Một";
        settings["Communes:2:AgencyCode"] = "000.32.30.H49.01";
        using var services = Build(settings);

        Assert.Equal(owner, services.GetRequiredService<CommuneDirectory>().ByDossierCode(code)?.Id);
    }

    [Fact]
    public void With_several_communes_nothing_is_current_until_one_is_entered()
    {
        using var services = Build(TwoCommunes());
        var context = services.GetRequiredService<CommuneContext>();

        Assert.Throws<NoCommuneException>(() => context.Current);
        using (context.Enter("phuoc-nang"))
        {
            Assert.Equal("phuoc-nang", context.Current.Id);
            using (context.Enter("phuoc-duc"))
            {
                Assert.Equal("phuoc-duc", context.Current.Id);
            }
            Assert.Equal("phuoc-nang", context.Current.Id);
        }
        Assert.Null(context.CurrentOrNull);
        Assert.Null(context.Enter("khong-co"));
    }

    [Theory]
    [InlineData("Communes:1:Id", "Phuoc Nang", "Communes:1:Id must be a slug")]
    [InlineData("Communes:1:Id", "phuoc-duc", "the Id phuoc-duc is given to more than one commune")]
    [InlineData("Communes:1:AgencyCode", "000.32.30.H49", "the AgencyCode 000.32.30.H49 is given to more than one commune")]
    [InlineData("Communes:1:AgencyCode", "abc", "Communes:1:AgencyCode must be dot-separated")]
    [InlineData("Communes:1:Handlers:communeMilitary:Hours", "", "Communes:1:Handlers:communeMilitary must have Name, Place and Hours")]
    [InlineData("Communes:0:HostNames:0", "PHUOCNANG.example.vn", "the host name PHUOCNANG.example.vn is given to more than one commune")]
    public void A_wrong_commune_stops_the_start_with_its_setting_named(string key, string value, string problem)
    {
        var settings = TwoCommunes();
        settings[key] = value;
        using var services = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CommunesOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xã Phước Đức", "phuoc-duc")]
    [InlineData("Phường Hải Châu", "hai-chau")]
    [InlineData("đặc khu Hoàng Sa", "hoang-sa")]
    [InlineData("xã Đắk Pring", "dak-pring")]
    [InlineData("", "xa")]
    public void A_commune_name_gives_its_slug(string name, string slug) => Assert.Equal(slug, CommunesOptions.SlugOf(name));
}
