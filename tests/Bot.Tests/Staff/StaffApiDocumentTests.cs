using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStopBot.Bot.Staff;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Bot.Tests.Staff;

/// <summary>The OpenAPI document the province's integrators read: complete, behind the key, errors as ProblemDetails.</summary>
public sealed class StaffApiDocumentTests : IClassFixture<StaffApiFactory>
{
    private readonly StaffApiFactory factory;

    public StaffApiDocumentTests(StaffApiFactory factory) => this.factory = factory;

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_document_lists_every_staff_endpoint_and_nothing_else()
    {
        var document = await DocumentAsync();

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(StaffApi.Prefix + "/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => Operation(method, e.RoutePattern.RawText!)))
            .Order()
            .ToList();
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => Operation(operation.Key, path.Key)))
            .Order()
            .ToList();

        Assert.True(mapped.Count >= 9, string.Join(", ", mapped));
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task Errors_are_declared_as_problem_details_and_the_key_as_the_security_scheme()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("401"), $"{method} {path} declares no 401");
                var errors = responses.Where(r => r.Key.StartsWith('4')).ToList();
                Assert.All(errors, error => Assert.Contains("application/problem+json", error.Value!["content"]!.AsObject().Select(c => c.Key)));
            }
        }
        var scheme = document["components"]!["securitySchemes"]!.AsObject().Single().Value!;
        Assert.Equal(("apiKey", "header", StaffApi.ApiKeyHeader), ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["name"]));
        Assert.Contains("maskedPhone", document["components"]!["schemas"]!["DossierResponse"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("phone", document["components"]!["schemas"]!["DossierResponse"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Every_operation_declares_the_commune_it_acts_for_and_the_body_s_commune_is_described()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var commune = operation!["parameters"]?.AsArray().SingleOrDefault(p => (string?)p!["name"] == StaffCommuneFilter.QueryKey);
                Assert.True(commune is not null, $"{method} {path} does not declare ?commune=");
                Assert.Equal(("query", false), ((string?)commune!["in"], (bool?)commune["required"] ?? false));
                Assert.StartsWith(StaffCommuneFilter.ParameterDescription, (string?)commune["description"], StringComparison.Ordinal);
            }
        }
        var stats = document["paths"]!["/api/staff/stats"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == StaffCommuneFilter.QueryKey)!;
        Assert.Contains("side by side", (string?)stats["description"], StringComparison.Ordinal);
        var body = document["components"]!["schemas"]!["CreateDossierRequest"]!["properties"]!["commune"]!;
        Assert.Equal(CreateDossierRequest.CommuneDescription, (string?)body["description"]);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task The_document_and_its_reference_page_need_the_staff_key(string path)
    {
        using var anonymous = factory.CreateClient();
        using var staff = factory.CreateStaffClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void A_dossier_on_the_wire_shows_masked_numbers_camel_case_names_and_no_chat()
    {
        var dossier = new Dossier
        {
            Code = "000.32.30.H49-261126-0001", ProcedureId = "khai-sinh", ApplicantName = "Hồ Thị Lan", Phone = "0912345621",
            CitizenId = "001234567889", Village = "Thôn 2", Status = DossierStatus.PreRegistered, Submission = Submission.InPerson,
            Owner = new ChatAddress("webchat", "u1", "conv-u1") { ServiceUrl = "http://localhost:3978/" },
        };
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var json = JsonSerializer.Serialize(DossierResponse.From(dossier), options);

        Assert.DoesNotContain("0912345621", json);
        Assert.DoesNotContain("001234567889", json);
        Assert.Contains("\"maskedPhone\":\"09******21\"", json);
        Assert.Contains("\"maskedCitizenId\":\"0*********89\"", json);
        Assert.Contains("\"status\":\"preRegistered\"", json);
        Assert.Contains("\"submission\":\"inPerson\"", json);
        Assert.DoesNotContain("conv-u1", json);
        Assert.DoesNotContain("webchat", json);
    }

    // "{code}" and "{code:alpha}" name the same path: constraints are not part of the document's keys.
    private static string Operation(string method, string route) =>
        method.ToUpperInvariant() + " /" + System.Text.RegularExpressions.Regex.Replace(route.TrimStart('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}");
}
