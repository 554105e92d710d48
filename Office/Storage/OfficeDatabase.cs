using LiteDB;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Storage;

/// <summary>
/// The one LiteDB file of the process, opened once with a direct connection and shared by every store.
/// Stores register their indexes through <see cref="ICollectionSetup"/> so they exist before the first query.
/// </summary>
public sealed class OfficeDatabase : IDisposable
{
    private readonly LiteDatabase database;
    private readonly Lock transactionGate = new();

    public OfficeDatabase(IOptions<StorageOptions> options, IEnumerable<ICollectionSetup> setups)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Mapper = CreateMapper();
        database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Mapper);
        foreach (var setup in setups)
        {
            setup.Configure(this);
        }
    }

    /// <summary>The mapper of this database only; the global <see cref="BsonMapper.Global"/> is never touched.</summary>
    public BsonMapper Mapper { get; }

    public ILiteCollection<T> Collection<T>(string name) => database.GetCollection<T>(name);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. Synchronous on purpose: no transaction spans an await.
    /// Transactions are serialised so that a read-check-write inside one is atomic; a nested call joins the outer one.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (transactionGate)
        {
            // LiteDB keeps one transaction per thread: BeginTrans is false when this thread already has one.
            var owner = database.BeginTrans();
            try
            {
                var result = work();
                if (owner)
                {
                    database.Commit();
                }
                return result;
            }
            catch
            {
                if (owner)
                {
                    database.Rollback();
                }
                throw;
            }
        }
    }

    public void Dispose() => database.Dispose();

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            SerializeNullValues = false,
            TrimWhitespace = false,
            EmptyStringToNull = false,
            EnumAsInteger = false,
        };
        // LiteDB hands dates back in the machine's local time; everything here is UTC in and UTC out.
        mapper.RegisterType<DateTime>(value => new BsonValue(value.ToUniversalTime()), bson => bson.AsDateTime.ToUniversalTime());
        mapper.RegisterType<DateTimeOffset>(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(
            value => new BsonValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return mapper;
    }
}

/// <summary>Something that prepares its collections (indexes, mappings) when the database opens.</summary>
public interface ICollectionSetup
{
    void Configure(OfficeDatabase database);
}
