using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Knowledge.Procedures;

namespace OneStopBot.Bot.Tests.Security;

/// <summary>
/// A procedure file edited by someone careless or hostile (every field a resident reads holds markup) is shown as text
/// on the public pages: nothing in it becomes a tag, an attribute or a link. Understanding and search keep the shipped
/// catalog, so the host starts as shipped.
/// </summary>
public sealed class ProcedurePageAttackTests : IDisposable
{
    private const string Script = "<script>window.hacked=1</script>";
    private const string Attribute = "\"><img src=x onerror=\"window.hacked=2\">";
    private const string Link = "[bấm](javascript:window.hacked=3)";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "onestop-tests", Guid.NewGuid().ToString("N"));
    private readonly HostileCatalogHost host;

    public ProcedurePageAttackTests()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "thu-xss.yaml"), $"""
            id: thu-xss
            officialName: '{Script} Đăng ký {Attribute}'
            simpleName: '{Attribute}'
            group: '{Script}'
            whoNeedsIt: '{Script}'
            whoQualifies: '{Attribute}'
            proxy: '{Link}'
            deadline: '{Script}'
            penalty: '{Attribute}'
            summary: '{Script}'
            steps:
              - '{Attribute}'
            documents:
              - name: '{Script}'
                form: original
                note: '{Attribute} {Link}'
            time:
              workingDays: 1
              text: '{Script}'
            fee:
              free: false
              text: '{Attribute}'
            whereAndWhen: '{Script}'
            online:
              available: true
              text: '{Link} https://evil.example/'
            onlineGuide:
              app: '{Script}'
              photograph:
                - '{Attribute}'
              steps:
                - '{Link}'
              after: '{Script}'
            post: '{Attribute}'
            legalBasis:
              - '{Script}'
            phrases:
              - thu xss
            """);
        host = new HostileCatalogHost(ProcedureCatalog.Load(folder));
    }

    [Theory]
    [InlineData("/thu-tuc")]
    [InlineData("/thu-tuc/thu-xss")]
    public async Task Markup_in_a_procedure_file_shows_as_text(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await host.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("onerror=\"", html);
        Assert.DoesNotContain("href=\"javascript", html);
        Assert.DoesNotContain("href=\"https://evil", html);
        Assert.Contains("&lt;script&gt;window.hacked=1&lt;/script&gt;", html);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=&quot;window.hacked=2&quot;&gt;", html);
    }

    public void Dispose()
    {
        host.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class HostileCatalogHost(ProcedureCatalog hostile) : OneStopBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The pages read the hostile catalog; understanding and search stay the shipped ones the base host shares.
            builder.ConfigureTestServices(services => services.AddSingleton(hostile));
        }
    }
}
