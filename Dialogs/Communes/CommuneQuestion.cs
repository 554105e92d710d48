using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using OneStopBot.Dialogs.Dossiers;
using OneStopBot.Office;
using OneStopBot.Dialogs.Engine;
using OneStopBot.Dialogs.Root;
using OneStopBot.Office.Communes;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Dialogs.Communes;

/// <summary>What a chat on a channel shared by several communes has said about its commune, kept in the user's state.</summary>
/// <param name="Id">The commune the resident lives in; null until they say it.</param>
/// <param name="Pending">What they asked before the commune was known (numbers masked), answered once it is.</param>
/// <param name="Offered">The communes offered as buttons; not null while the question waits for its answer.</param>
public sealed record ChatCommune(string? Id = null, string? Pending = null, string[]? Offered = null);

/// <summary>
/// On a channel that several communes share (one provincial Zalo OA), the resident says their commune once: asked
/// "Anh/chị ở xã nào?" on their first message, kept in the user's state, changed with "đổi xã", and taken from the
/// agency code of a dossier code they give. The question that was waiting is answered once the commune is known.
/// </summary>
public sealed class CommuneQuestion
{
    // No commune's agency code is this: a code read with it names its agency itself, or says nothing of its commune.
    private const string NoAgency = "-";

    private static readonly string[] ChangeWords = ["doi xa", "doi sang xa", "chuyen xa", "chuyen sang xa"];

    // What a resident can do next once the commune is known: the menu's first four, as many as a phone shows well.
    private static readonly string[] WhatNextChoices = [MainMenu.AskProcedure, MainMenu.CheckDossier, MainMenu.PreRegister, MainMenu.TalkToStaff];

    private readonly CommuneDirectory directory;
    private readonly CommuneNames names;
    private readonly UserState userState;
    private readonly IStatePropertyAccessor<ChatCommune> accessor;

    public CommuneQuestion(CommuneDirectory directory, CommuneNames names, UserState userState)
    {
        this.directory = directory;
        this.names = names;
        this.userState = userState;
        accessor = userState.CreateProperty<ChatCommune>(nameof(ChatCommune));
    }

    /// <summary>"đổi xã", "doi xa Hoa Vang": the words that change the chat's commune, and what follows them.</summary>
    public static bool IsChange(string? text, out string rest)
    {
        var folded = UserText.Fold(text).Trim(' ', '.', '!', '?', ':');
        foreach (var word in ChangeWords)
        {
            if (folded == word || folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                rest = folded[word.Length..].Trim();
                return true;
            }
        }
        rest = string.Empty;
        return false;
    }

    /// <summary>
    /// The chat's commune, to run the turn in; null when this turn was answered here (the question asked or asked
    /// again, the commune noted with nothing waiting). A turn whose question was waiting carries that question on.
    /// </summary>
    public async Task<Commune?> CommuneOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var state = await accessor.GetAsync(turnContext, () => new ChatCommune(), cancellationToken);
        var activity = turnContext.Activity;
        var text = activity.Type == ActivityTypes.Message ? activity.Text : null;
        if (!IsFromResident(activity))
        {
            // Leaving the chat, or anything else no one typed: acted on in the commune known, never asked.
            return directory.Find(state.Id);
        }
        if (IsChange(text, out var rest))
        {
            var named = rest.Length > 0 ? names.Match(rest, []) : new CommuneMatch(null, []);
            if (named.Chosen is { } chosen)
            {
                return await NoteAsync(turnContext, new ChatCommune(), chosen, cancellationToken);
            }
            return await AskAsync(turnContext, new ChatCommune(), CommuneTexts.AskChange, named.Likely.Count > 0 ? named.Likely : Few(), cancellationToken);
        }
        // A dossier code names its commune by its agency code: the resident need not be asked.
        if (state.Id is null && DossierCode.TryFind(text, NoAgency, out var code) && directory.ByDossierCode(code) is { } owner)
        {
            await SaveAsync(turnContext, new ChatCommune(owner.Id), cancellationToken);
            return owner;
        }
        if (directory.Find(state.Id) is { } known)
        {
            return known;
        }
        if (state.Offered is not { } offered)
        {
            var pending = string.IsNullOrWhiteSpace(text) ? null : Masking.NumbersIn(text);
            var question = activity.Type == ActivityTypes.Message ? CommuneTexts.Ask : CommuneTexts.Welcome + " " + CommuneTexts.Ask;
            return await AskAsync(turnContext, new ChatCommune(Pending: pending), question, Few(), cancellationToken);
        }
        var match = names.Match(text, offered);
        if (match.Chosen is { } answer)
        {
            return await NoteAsync(turnContext, state, answer, cancellationToken);
        }
        return match.Likely.Count > 0
            ? await AskAsync(turnContext, state, CommuneTexts.PickLikely, match.Likely, cancellationToken)
            : await AskAsync(turnContext, state, CommuneTexts.NotFound, Few(), cancellationToken);
    }

    /// <summary>Keeps the commune and says so; the question that was waiting goes on as this turn's text.</summary>
    private async Task<Commune?> NoteAsync(ITurnContext turnContext, ChatCommune state, Commune commune, CancellationToken cancellationToken)
    {
        await SaveAsync(turnContext, new ChatCommune(commune.Id), cancellationToken);
        var noted = TextTemplate.Fill(CommuneTexts.Noted, CommuneNames.NameOf(commune));
        if (state.Pending is { } pending)
        {
            await turnContext.SendActivityAsync(noted, cancellationToken: cancellationToken);
            turnContext.Activity.Text = pending;
            turnContext.Activity.Value = null;
            return commune;
        }
        await turnContext.SendActivityAsync(Replies.WithChoices(noted + "\n" + CommuneTexts.WhatNext, WhatNextChoices), cancellationToken);
        return null;
    }

    private async Task<Commune?> AskAsync(
        ITurnContext turnContext, ChatCommune state, string question, IReadOnlyList<Commune> likely, CancellationToken cancellationToken)
    {
        await SaveAsync(turnContext, state with { Id = null, Offered = [.. likely.Select(c => c.Id)] }, cancellationToken);
        var example = CommuneNames.NameOf(likely.Count > 0 ? likely[0] : directory.All[0]);
        await turnContext.SendActivityAsync(
            Replies.WithChoices(TextTemplate.Fill(question, example), [.. likely.Select(CommuneNames.NameOf)]),
            cancellationToken);
        return null;
    }

    // A few communes fit as buttons; out of many, the resident types theirs.
    private IReadOnlyList<Commune> Few() => directory.All.Count <= Replies.MaxButtons ? directory.All : [];

    // A message, or the resident joining: the turns a chat without a commune is asked it in.
    private static bool IsFromResident(Activity activity) =>
        activity.Type == ActivityTypes.Message
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true);

    private async Task SaveAsync(ITurnContext turnContext, ChatCommune state, CancellationToken cancellationToken)
    {
        await accessor.SetAsync(turnContext, state, cancellationToken);
        await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
    }
}

/// <summary>What the commune question says. {0}: a commune's name, as an example.</summary>
public static class CommuneTexts
{
    public const string Welcome = "Chào anh/chị! Em là trợ lý bộ phận một cửa của các xã.";
    public const string Ask = "Anh/chị ở xã nào? Anh/chị gõ tên xã, ví dụ: {0}.";
    public const string AskChange = "Dạ. Anh/chị ở xã nào? Anh/chị gõ tên xã, ví dụ: {0}.";
    public const string PickLikely = "Em chưa chắc anh/chị ở xã nào. Anh/chị bấm tên xã bên dưới, hoặc gõ lại tên xã.";
    public const string NotFound = "Em chưa tìm ra xã đó. Anh/chị gõ lại tên xã, ví dụ: {0}.";
    public const string Noted = "Dạ, em ghi nhận anh/chị ở {0}. Muốn đổi xã, anh/chị gõ \"đổi xã\".";
    public const string WhatNext = "Anh/chị cần làm gì? Bấm một nút bên dưới nhé.";
}
