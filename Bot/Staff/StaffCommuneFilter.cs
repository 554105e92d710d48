using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OneStopBot.Bot.Hosting;
using OneStopBot.Office;
using OneStopBot.Office.Communes;

namespace OneStopBot.Bot.Staff;

/// <summary>Marks a staff API endpoint that may run for no commune in particular: it serves the province as a whole.</summary>
public sealed record AcrossCommunes;

/// <summary>
/// The staff API acts for the commune a request names: <c>?commune={Id}</c>, or the commune a dossier code's agency
/// code says, or the only one served. The API key is the province's, so it may name any commune; an unknown one is a
/// 404, and with several communes a request that names none is a 400, except on endpoints that serve the province as a
/// whole (<see cref="AcrossCommunes"/>).
/// </summary>
public static class StaffCommuneFilter
{
    public const string QueryKey = "commune";

    public static RouteGroupBuilder EnterRequestCommune(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var directory = http.RequestServices.GetRequiredService<CommuneDirectory>();
            Commune? commune = null;
            if (http.Request.Query.TryGetValue(QueryKey, out var named))
            {
                commune = directory.Find(named.ToString());
                if (commune is null)
                {
                    return UnknownCommune(named.ToString());
                }
            }
            var code = http.GetRouteValue("code") as string;
            if (directory.ByDossierCode(code) is { } owner)
            {
                // A code says whose dossier it is: asked for within another commune, it is not there.
                if (commune is not null && owner.Id != commune.Id)
                {
                    return TypedResults.Problem(
                        TextTemplate.Fill(ProblemTexts.DossierNotFound, code!.Length > 80 ? code[..80] : code),
                        statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.DossierNotFoundTitle);
                }
                commune = owner;
            }
            commune ??= directory.Single;
            if (commune is null && http.GetEndpoint()?.Metadata.GetMetadata<AcrossCommunes>() is null)
            {
                return TypedResults.Problem(TextTemplate.Fill(ProblemTexts.CommuneRequired, string.Join(", ", directory.All.Select(c => c.Id))),
                    statusCode: StatusCodes.Status400BadRequest, title: ProblemTexts.CommuneRequiredTitle);
            }
            return await InCommuneAsync(context, next, http.RequestServices.GetRequiredService<CommuneContext>(), commune);
        });

    /// <summary>What the document says of <c>?commune=</c>, whose reading above no endpoint declares: the same on every operation, and what differs.</summary>
    public const string ParameterDescription =
        "The commune the call acts for: the Id of a configured commune (a slug such as phuoc-duc); an unknown Id is 404.";

    /// <summary>Declares <c>?commune=</c> on every staff operation of the OpenAPI document, as the filter above reads it.</summary>
    public static void DescribeCommuneParameter(OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            var across = description.ActionDescriptor.EndpointMetadata.OfType<AcrossCommunes>().Any();
            var when = description.ParameterDescriptions.Any(p => p.Name == "code")
                ? " Optional: the dossier code's agency code says whose dossier it is, and naming another commune answers 404."
                : !across ? " Required when several communes are served (400 without it); with one commune it may be left out."
                : description.HttpMethod == HttpMethods.Post ? " Optional: the body's commune field names it too, and wins."
                : " Optional: without it, when several communes are served, every commune's figures side by side.";
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = QueryKey,
                In = ParameterLocation.Query,
                Required = false,
                Description = ParameterDescription + when,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>The ProblemDetails of a commune Id that no configured commune has.</summary>
    public static IResult UnknownCommune(string id) =>
        TypedResults.Problem(TextTemplate.Fill(ProblemTexts.UnknownCommune, id.Length > 60 ? id[..60] : id),
            statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.UnknownCommuneTitle);

    /// <summary>
    /// Runs the endpoint with <paramref name="commune"/> entered (none: as it is), and writes its result inside too, so
    /// that a result read lazily (a file, a stream) still reads that commune's records.
    /// </summary>
    public static async ValueTask<object?> InCommuneAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, CommuneContext communes, Commune? commune)
    {
        if (commune is null)
        {
            return await next(context);
        }
        using var scope = communes.Enter(commune);
        var result = await next(context);
        if (result is IResult answer)
        {
            await answer.ExecuteAsync(context.HttpContext);
            return Results.Empty;
        }
        return result;
    }
}
