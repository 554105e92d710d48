using Microsoft.Extensions.DependencyInjection;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Handoff;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Staff;

namespace OneStopBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The dialog engine, the root of the conversation and every dialog it can start.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddSingleton<ProcedureTopic>();
        services.AddSingleton<ProcedureAnswers>();
        services.AddSingleton<Dialog, AskProcedureDialog>();
        services.AddSingleton<Dialog, TalkToStaffDialog>();
        services.AddSingleton<DossierDetails>();
        services.AddSingleton<Dialog, PreRegisterDialog>();
        services.AddSingleton<Dialog, CheckDossierDialog>();
        services.AddSingleton<Dialog, StaffShowDossierDialog>();
        services.AddSingleton<Dialog, StaffUpdateDossierDialog>();
        services.AddSingleton<Dialog, StaffStatisticsDialog>();

        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<RootReplies>();
        services.AddSingleton<RootRouter>();
        services.AddSingleton<ConversationRunner>();
        return services;
    }
}
