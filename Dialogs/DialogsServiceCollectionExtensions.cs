using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStopBot.Dialogs.Communes;
using OneStopBot.Dialogs.Deadlines;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Feedback;
using OneStopBot.Dialogs.Handoff;
using OneStopBot.Dialogs.Messages;
using OneStopBot.Dialogs.Notices;
using OneStopBot.Dialogs.Procedures;
using OneStopBot.Dialogs.Reminders;
using OneStopBot.Dialogs.Root;
using OneStopBot.Dialogs.Staff;
using OneStopBot.Dialogs.Telemetry;
using OneStopBot.Knowledge.Understanding;
using OneStopBot.Office;
using OneStopBot.Office.Dossiers;
using OneStopBot.Office.Notices;

namespace OneStopBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The dialog engine, the root of the conversation and every dialog it can start.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        // Pre-registration sends residents to these receivers: a missing place or hours stops the start-up.
        services.AddOptions<OfficeOptions>()
            .Validate(office => !office.HandlerProblems().Any(), "Office:Handlers must have Name, Place and Hours for communePolice and communeMilitary.")
            .ValidateOnStart();
        // Where the host has no model that can be replaced (tests, the conversation evaluation), the one model serves.
        services.AddMetrics();
        services.TryAddSingleton<DialogTelemetry>();
        services.TryAddSingleton(sp => new LiveUnderstanding(sp.GetRequiredService<MessageUnderstanding>()));
        services.AddSingleton<ProcedureTopic>();
        services.AddSingleton<MessageReader>();
        services.AddSingleton<PlainWords>();
        services.AddSingleton<ProcedureAnswers>();
        services.AddSingleton<Dialog, AskProcedureDialog>();
        services.AddSingleton<DeadlineOffers>();
        services.AddSingleton<Dialog, DeadlineDialog>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderReplies>();
        services.AddSingleton<Dialog, TalkToStaffDialog>();
        services.AddSingleton<DossierDetails>();
        services.AddSingleton<Dialog, PreRegisterDialog>();
        services.AddSingleton<Dialog, CheckDossierDialog>();
        services.AddSingleton<Dialog, StaffShowDossierDialog>();
        services.AddSingleton<Dialog, StaffUpdateDossierDialog>();
        services.Replace(ServiceDescriptor.Singleton<IProcedureObligations, CatalogProcedureObligations>());
        services.AddSingleton<Dialog, StaffStatisticsDialog>();
        services.AddNoticeFlows();
        services.AddSingleton<Dialog, SubscribeDialog>();
        services.AddSingleton<Dialog, UnsubscribeDialog>();
        services.AddSingleton<Dialog, OfferNoticesDialog>();
        services.AddSingleton<Dialog, RatingDialog>();
        services.AddSingleton<Dialog, FeedbackDialog>();
        services.AddSingleton<Dialog, StaffBroadcastDialog>();
        services.AddSingleton<StaffTurnCommune>();
        services.AddSingleton<Dialog, StaffReplyDialog>();
        services.AddSingleton<Dialog, ConfirmCancelDialog>();

        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>(), sp.GetRequiredService<DialogTelemetry>()));
        services.AddSingleton<RootReplies>();
        services.AddSingleton<RootRouter>();
        services.AddSingleton<DialogDrafts>();
        services.AddSingleton<ButtonPages>();
        services.AddSingleton<ConversationRunner>();
        services.AddCommuneTurns();
        return services;
    }

    /// <summary>What enters each turn's commune, with the question that asks it on a shared channel. Safe to call more than once.</summary>
    public static IServiceCollection AddCommuneTurns(this IServiceCollection services)
    {
        services.TryAddSingleton<UserState>();
        services.TryAddSingleton<CommuneNames>();
        services.TryAddSingleton<CommuneQuestion>();
        services.TryAddSingleton<CommuneTurns>();
        return services;
    }

    /// <summary>
    /// The resident who filed a dossier is told of each change of its status, whoever makes it: the staff API, the
    /// workspace, a staff chat or the province's sync. Composed by the host beside the staff endpoints, not by
    /// <see cref="AddDialogs"/>, so that whoever reads the composition sees why a status change sends a message.
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddDossierStatusNotices(this IServiceCollection services)
    {
        services.AddNoticeFlows();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDossierStatusObserver, DossierStatusNotifier>());
        return services;
    }

    /// <summary>The notice records and service, with the words the office's own messages use. Safe to call more than once.</summary>
    public static IServiceCollection AddNoticeFlows(this IServiceCollection services)
    {
        services.AddNoticeStores();
        services.TryAddSingleton<INoticeTexts, NoticeTexts>();
        return services;
    }
}
