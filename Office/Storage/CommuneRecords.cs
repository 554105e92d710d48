using LiteDB;

namespace OneStopBot.Office.Storage;

/// <summary>A record that belongs to one commune: the slug of <see cref="Communes.Commune.Id"/>, stamped when it is written.</summary>
public interface ICommuneRecord
{
    string Commune { get; }
}

/// <summary>
/// How stores keep to the current commune: every read goes through <see cref="In{T}"/> (or <see cref="Own{T}"/> after a
/// read by id), so a query cannot reach another commune's records by forgetting a filter of its own.
/// </summary>
public static class CommuneRecords
{
    /// <summary>The field of every record that names its commune, indexed in every collection.</summary>
    public const string Field = nameof(ICommuneRecord.Commune);

    /// <summary>The records of <paramref name="commune"/> only, read through the commune's index, to be narrowed further.</summary>
    public static ILiteQueryable<T> In<T>(this ILiteCollection<T> collection, string commune) =>
        collection.Query().Where(Is(commune));

    /// <summary>
    /// The records of <paramref name="commune"/> that match <paramref name="by"/>, read through <paramref name="by"/>'s own
    /// index. LiteDB reads through the first of equally cheap indexes, so the narrow one (a phone, a chat) goes first and
    /// the commune is checked on the few records it finds, rather than reading all the commune's records.
    /// </summary>
    public static ILiteQueryable<T> In<T>(this ILiteCollection<T> collection, string commune, BsonExpression by) =>
        collection.Query().Where(by).Where(Is(commune));

    private static BsonExpression Is(string commune) => Filter.Equal(Field, commune);

    /// <summary><paramref name="record"/> when it is <paramref name="commune"/>'s, else null (a record read by id).</summary>
    public static T? Own<T>(this T? record, string commune)
        where T : class, ICommuneRecord =>
        record is not null && string.Equals(record.Commune, commune, StringComparison.Ordinal) ? record : null;

    /// <summary>The index on the commune, which every commune's reads start from.</summary>
    public static void EnsureCommuneIndex<T>(this ILiteCollection<T> collection) => collection.EnsureIndex(Field);
}
