using System.Net;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneStopBot.Bot.Channels.Zalo;
using OneStopBot.Bot.Tests.DirectLine;
using OneStopBot.Bot.Tests.Infrastructure;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;
using OneStopBot.Office.Staff;
using OneStopBot.Office.Storage;
using OneStopBot.Dialogs.Addressing;

namespace OneStopBot.Bot.Tests.Security;

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityHost>
{
    public const string Name = "Security attacks against the real host";
}

/// <summary>
/// The real host and bot as shipped, with staff on every channel, a Direct Line secret, a Zalo OA and a staff API key,
/// and a header that stands in for the network peer's address so that attacks can come from elsewhere than loopback.
/// </summary>
public sealed class SecurityHost : IDisposable
{
    public const string PeerHeader = "X-Test-Peer";
    public const string ApiKey = "staff-api-key-0123456789";
    public const string BackendSecret = "backend-secret-of-the-commune-site";
    public const string StaffPasswordText = "mat-khau-rieng-cua-chi-Hoa";
    public const string WebChatStaff = "hoa";
    public const string EmulatorStaff = "staff-emu";
    public const string ZaloStaff = "2512000000000001";
    public const string ZaloAppId = "4213641083251702331";
    public const string ZaloSecret = "oa-secret-Xq7fT2";

    // The resident's personal data: none of it may appear in a reply to anyone else.
    public const string Name = "Hồ Thị Lan";
    public const string Phone = "0912345621";
    public const string Village = "Thôn 2";
    public const string Note = "Thiếu bản sao sổ hộ khẩu của bà Lan";

    /// <summary>What the bot says to a staff command from someone who is not authenticated staff.</summary>
    public const string StaffOnly = "Lệnh này chỉ dành cho cán bộ một cửa.";

    private int peers;

    public SecurityHost()
    {
        Factory = new HostFactory();
        var settings = Factory.Settings;
        settings["Staff:ApiKey"] = ApiKey;
        settings["Staff:Members:0:Channel"] = "webchat";
        settings["Staff:Members:0:UserId"] = WebChatStaff;
        settings["Staff:Members:0:Name"] = "Chị Hoa";
        settings["Staff:Members:0:PasswordHash"] = StaffPassword.Hash(StaffPasswordText);
        settings["Staff:Members:1:Channel"] = "emulator";
        settings["Staff:Members:1:UserId"] = EmulatorStaff;
        settings["Staff:Members:1:Name"] = "Anh Tú";
        settings["Staff:Members:2:Channel"] = "zalo";
        settings["Staff:Members:2:UserId"] = ZaloStaff;
        settings["Staff:Members:2:Name"] = "Chị Mai";
        settings["DirectLine:Secret"] = BackendSecret;
        settings["Zalo:AppId"] = ZaloAppId;
        settings["Zalo:OaSecretKey"] = ZaloSecret;
        settings["Zalo:AccessToken"] = "access";
        // Nothing listens there: whatever the bot would send to Zalo fails at once, on this machine.
        settings["Zalo:ApiBaseUrl"] = "http://127.0.0.1:9/";
        settings["Zalo:OAuthBaseUrl"] = "http://127.0.0.1:9/";
        settings["Edge:ConversationStartsPerMinute"] = "20";
        settings["Edge:MaxFailedCredentials"] = "5";
        Local = Factory.CreateClient();
    }

    public HostFactory Factory { get; }

    /// <summary>A client on the host's own machine (loopback).</summary>
    public HttpClient Local { get; }

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A client from an address of its own, so that per-address limits of one test do not touch another.</summary>
    public HttpClient FromElsewhere()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(PeerHeader, $"203.0.113.{Interlocked.Increment(ref peers)}");
        return client;
    }

    /// <summary>A dossier with every personal field, filed from a Zalo chat that is not the attacker's.</summary>
    public async Task<Dossier> DossierAsync()
    {
        var owner = new ConversationReference
        {
            ChannelId = "zalo",
            ServiceUrl = "http://127.0.0.1:9/",
            User = new ChannelAccount("2512999" + Interlocked.Increment(ref peers).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)),
            Bot = new ChannelAccount("oa"),
            Conversation = new ConversationAccount { Id = "owner-conversation" },
        };
        var dossier = (await Get<DossierDesk>().PreRegisterAsync(new NewDossier
        {
            ProcedureId = "khai-sinh", ApplicantName = Name, Phone = Phone, Village = Village, CitizenId = "001234567889",
            Owner = owner.ToChatAddress(), WorkingDays = 5, AppointmentDate = new DateOnly(2026, 12, 7),
        }));
        return (await Get<DossierDesk>().ChangeStatusAsync(dossier.Code, DossierStatus.SupplementRequested, "Chị Hoa", Note))!;
    }

    private static readonly string[] SendProgress =
        [nameof(Delivery.State), nameof(Delivery.Attempts), nameof(Delivery.DueAt), nameof(Delivery.LastError), nameof(Delivery.SentAt)];

    /// <summary>The office's records that an attack must not change.</summary>
    public string Records()
    {
        var database = Get<OfficeDatabase>();
        string[] names =
        [
            DossierStore.CollectionName, SubscriptionStore.CollectionName, RatingStore.CollectionName, StaffAuditLog.CollectionName,
            HandoffStore.CollectionName, HandoffStore.StaffChatsCollectionName, NoticeCollections.NoticesName, NoticeCollections.DeliveriesName,
        ];
        var builder = new StringBuilder();
        foreach (var name in names)
        {
            builder.Append(name).Append(':');
            foreach (var document in database.Collection<BsonDocument>(name).FindAll())
            {
                if (name == NoticeCollections.DeliveriesName)
                {
                    // The outbox's sender may be trying a row meanwhile: what was queued counts, not how far its sending got.
                    foreach (var progress in SendProgress)
                    {
                        document.Remove(progress);
                    }
                }
                builder.Append(LiteDB.JsonSerializer.Serialize(document));
            }
            builder.AppendLine();
        }
        return builder.ToString();
    }

    /// <summary>The texts queued for the chat of <paramref name="userId"/>.</summary>
    public IReadOnlyList<string> DeliveriesTo(string userId) =>
        [.. Get<OfficeDatabase>().Collection<Delivery>(NoticeCollections.DeliveriesName).FindAll()
            .Where(d => d.To.UserId == userId).Select(d => d.Text)];

    public IReadOnlyList<(string Staff, string Action)> AuditActions() =>
        [.. Get<OfficeDatabase>().Collection<StaffAction>(StaffAuditLog.CollectionName).FindAll().Select(a => (a.Staff, a.Action))];

    public void Dispose()
    {
        Local.Dispose();
        Factory.Dispose();
    }

    /// <summary>Fails when any personal field of <see cref="Dossier"/> shows in <paramref name="reply"/>.</summary>
    public static void AssertNoPersonalData(string reply)
    {
        foreach (var secret in new[] { Name, "Lan", Phone, "091234", "345621", "0*********89", "001234567889", Village, Note, "sổ hộ khẩu" })
        {
            Assert.DoesNotContain(secret, reply, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>A Zalo webhook call signed as Zalo signs it.</summary>
    public static HttpRequestMessage ZaloEvent(string userId, string msgId, string text, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new JObject
        {
            ["app_id"] = ZaloAppId,
            ["event_name"] = "user_send_text",
            ["timestamp"] = timestamp,
            ["sender"] = new JObject { ["id"] = userId },
            ["recipient"] = new JObject { ["id"] = "579745863508352884" },
            ["message"] = new JObject { ["text"] = text, ["msg_id"] = msgId },
        }.ToString(Newtonsoft.Json.Formatting.None);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, ZaloWebhook.Route) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ZaloSignature.Header, ZaloSignature.Compute(ZaloAppId, bytes, timestamp, ZaloSecret));
        return request;
    }

    public sealed class HostFactory : OneStopBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
        }
    }

    /// <summary>Sets the connection's remote address from <see cref="PeerHeader"/>, before anything else sees the request.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A web chat visitor as a browser would be one: tokens, messages and the bot's replies over HTTP.</summary>
public sealed class Visitor(HttpClient http)
{
    private readonly DirectLineClient client = new(http);
    private DirectLineClient.Conversation? conversation;
    private string watermark = "0";

    public HttpClient Http => http;

    /// <summary>Starts a conversation (optionally with a token from elsewhere) and returns the welcome.</summary>
    public async Task<string> StartAsync(string? token = null)
    {
        conversation = await client.StartAsync(token);
        return await RepliesAsync();
    }

    public string UserId => JObject.Parse(Base64Payload(conversation!.Token)).Value<string>("user")!;

    public string Token => conversation!.Token;

    public async Task<string> SayAsync(string text)
    {
        await client.SayAsync(conversation!, text);
        return await RepliesAsync();
    }

    private async Task<string> RepliesAsync()
    {
        var (activities, next) = await client.PollAsync(conversation!, watermark);
        watermark = next;
        return string.Join("\n", activities
            .Where(a => a["from"]?.Value<string>("role") == "bot")
            .Select(a => a.Value<string>("text") + " " + string.Join(" ", a["suggestedActions"]?["actions"]?.Select(b => b.Value<string>("title")) ?? [])));
    }

    public static string Base64Payload(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
    }
}
