using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Bot.Qr;
using OneStopBot.Bot.Tests.Infrastructure;

namespace OneStopBot.Bot.Tests.WebChat;

/// <summary>The host with a small procedure directory, standing in for the knowledge catalog.</summary>
public class WebChatFactory : OneStopBotFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IProcedureDirectory, FakeProcedureDirectory>());
    }
}

public sealed class FakeProcedureDirectory : IProcedureDirectory
{
    public static readonly IReadOnlyList<ProcedureEntry> Procedures =
    [
        new("khai-sinh", "Đăng ký khai sinh"),
        new("ket-hon", "Đăng ký kết hôn"),
        new("chung-thuc-ban-sao", "Chứng thực bản sao từ bản chính"),
    ];

    public IReadOnlyList<ProcedureEntry> All() => Procedures;
}
