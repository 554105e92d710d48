using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Bot.Tests.Crash;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary><c>seed-demo</c> with several communes: each commune entered in turn and filled with its own villages and month.</summary>
public sealed class DemoCommunesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-demo", Guid.NewGuid().ToString("N"));

    public DemoCommunesTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Every_commune_is_filled_inside_it_with_its_own_villages_and_a_second_seeding_fills_none()
    {
        using var factory = new CommunesFactory();
        // Villages the province also lists, so that the dossiers are valid wherever villages are checked.
        factory.Settings["Communes:1:Villages:0"] = "Thôn 5";
        factory.Settings["Communes:1:Villages:1"] = "Thôn 6";
        var demo = factory.Get<DemoData>();

        var seeded = await demo.SeedEveryCommuneAsync();

        Assert.Equal([CommunesFactory.A, CommunesFactory.B], seeded.Select(s => s.Commune.Id));
        var communes = factory.Get<CommuneContext>();
        foreach (var (commune, result) in seeded)
        {
            Assert.True(result.Created > 0);
            using var scope = communes.Enter(commune);
            var villages = (await Task.WhenAll(result.CodesToTry.Select(code => factory.Get<DossierDesk>().FindAsync(code)))).Select(d => d!.Village).ToList();
            Assert.NotEmpty(villages);
            Assert.All(villages, village => Assert.Contains(village, commune.Office.Villages));
        }
        // The office's published year goes to the first commune only, whose report it is.
        Assert.True(seeded[0].Result.Created > seeded[1].Result.Created + DemoData.PublishedReceived / 2);
        var before = seeded.Sum(s => s.Result.Created);
        await Assert.ThrowsAsync<InvalidOperationException>(() => demo.SeedEveryCommuneAsync());
        Assert.Equal(before, seeded.Sum(s => s.Result.Created));
    }

    [Fact]
    public async Task The_demo_configuration_names_its_communes_and_seed_demo_fills_each()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "appsettings.Demo.json"), Path.Combine(folder, "appsettings.Demo.json"));
        var database = $"--Storage:DatabasePath={Path.Combine(folder, "demo.db")}";

        var first = await HostProcess.RunToExitAsync(folder, "seed-demo", "--environment=Demo", database);
        var second = await HostProcess.RunToExitAsync(folder, "seed-demo", "--environment=Demo", database);

        Assert.Equal(0, first.Code);
        Assert.Contains("hồ sơ mẫu cho xã Phước Đức (/xa/phuoc-duc/).", first.Output, StringComparison.Ordinal);
        Assert.Contains("hồ sơ mẫu cho xã Mẫu Một (tên mẫu) (/xa/mau-mot/).", first.Output, StringComparison.Ordinal);
        Assert.Contains("hồ sơ mẫu cho xã Mẫu Hai (tên mẫu) (/xa/mau-hai/).", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.Code);
        Assert.Contains("Cơ sở dữ liệu đã có hồ sơ", second.Output, StringComparison.Ordinal);
    }
}
