using LiteDB;

namespace OneStopBot.Office.Storage;

/// <summary>
/// Query predicates whose text never changes. LiteDB's <see cref="Query"/> helpers write the value into the
/// expression's text, so every new value is parsed and compiled to a delegate again (about a millisecond each);
/// here the value is a parameter, and each shape is compiled once and cached by LiteDB. Indexes are still used:
/// the left side is the index's own expression.
/// </summary>
internal static class Filter
{
    public static BsonExpression Equal(string path, BsonValue value) => BsonExpression.Create(path + " = @0", value);

    public static BsonExpression Between(string path, BsonValue from, BsonValue to) =>
        BsonExpression.Create(path + " BETWEEN @0 AND @1", from, to);

    public static BsonExpression AtLeast(string path, BsonValue value) => BsonExpression.Create(path + " >= @0", value);

    public static BsonExpression After(string path, BsonValue value) => BsonExpression.Create(path + " > @0", value);

    /// <summary>Any item of a multikey path (<c>$.Items[*]</c>) equals the value.</summary>
    public static BsonExpression AnyEqual(string path, BsonValue value) => BsonExpression.Create(path + " ANY = @0", value);

    public static BsonExpression In(string path, BsonArray values) => BsonExpression.Create(path + " IN @0", values);
}
