using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneStopBot.Office.Staff;

namespace OneStopBot.Bot.Staff;

public static class StaffApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The group <c>/api/staff</c>; every endpoint in it requires the staff API key.</summary>
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/staff").AddEndpointFilter<StaffApiKeyFilter>();

    /// <summary>Who made a staff API call, for the audit log.</summary>
    public const string ApiActor = "api";
}

public sealed class StaffApiKeyFilter(IOptionsMonitor<StaffOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.ApiKey;
        var given = context.HttpContext.Request.Headers[StaffApi.ApiKeyHeader].ToString();
        if (expected.Length == 0 || !FixedTimeEquals(expected, given))
        {
            return TypedResults.Problem("A valid X-Api-Key header is required.", statusCode: StatusCodes.Status401Unauthorized);
        }
        return await next(context);
    }

    private static bool FixedTimeEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
