using System.Collections.Concurrent;
using System.Reflection;
using LiteDB;
using Microsoft.Extensions.Options;

namespace OneStopBot.Office.Storage;

/// <summary>
/// The one LiteDB file of the process, opened once with a direct connection and shared by every store.
/// Stores register their indexes through <see cref="ICollectionSetup"/> so they exist before the first query, and
/// every collection is created on its own before its first use.
/// </summary>
public sealed class OfficeDatabase : IDisposable
{
    private readonly LiteDatabase database;
    private readonly Lock transactionGate = new();

    // What waits for the transaction in progress to commit; set only under the gate by the thread that began it.
    private List<Action>? afterCommit;

    // Names of the collections known to exist in the file. LiteDB 5 fails, and closes its engine for good, when one
    // thread reads a collection while another's transaction is creating it (the reader sees the new name with an old
    // snapshot of its page); so a collection is created on its own, under the gate, before anyone uses it.
    private readonly ConcurrentDictionary<string, bool> existing = new(StringComparer.OrdinalIgnoreCase);

    // Record types whose LiteDB mappings are complete, with every type inside them. LiteDB publishes a type's mapping
    // before it has filled it in, so a thread using a type while another maps it reads a mapping with no fields and
    // stores an empty record; a type and every type inside it are mapped on one thread before anyone reads or writes it.
    private readonly ConcurrentDictionary<Type, bool> ready = new();
    private readonly HashSet<Type> mapped = [];
    private static readonly MethodInfo MapEntity = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!;

    // Held for the life of this object: no other process opens the file meanwhile (see LockFileOf).
    private readonly FileStream processLock;

    public OfficeDatabase(IOptions<StorageOptions> options, IEnumerable<ICollectionSetup> setups)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        processLock = TakeLock(path, FileMode.OpenOrCreate) ?? throw new DatabaseInUseException(path);
        Mapper = CreateMapper();
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Mapper);
        }
        catch
        {
            processLock.Dispose();
            throw;
        }
        foreach (var name in database.GetCollectionNames())
        {
            existing.TryAdd(name, true);
        }
        foreach (var setup in setups)
        {
            setup.Configure(this);
        }
    }

    /// <summary>The mapper of this database only; the global <see cref="BsonMapper.Global"/> is never touched.</summary>
    public BsonMapper Mapper { get; }

    public ILiteCollection<T> Collection<T>(string name)
    {
        if (!existing.ContainsKey(name))
        {
            Create(name);
        }
        if (!ready.ContainsKey(typeof(T)))
        {
            lock (mapped)
            {
                Map(typeof(T));
            }
            ready.TryAdd(typeof(T), true);
        }
        return database.GetCollection<T>(name);
    }

    /// <summary>Maps <paramref name="type"/> and the records it holds (its properties, their elements) if not yet done.</summary>
    private void Map(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!mapped.Add(type))
        {
            return;
        }
        if (type.IsArray)
        {
            Map(type.GetElementType()!);
            return;
        }
        foreach (var argument in type.GetGenericArguments())
        {
            Map(argument);
        }
        // The framework's own types (dates, lists, strings) are LiteDB's built-in conversions; only our records are mapped.
        if (type.Assembly.GetName().Name?.StartsWith(nameof(OneStopBot), StringComparison.Ordinal) != true
            || type.IsInterface || type.IsAbstract || type.IsEnum)
        {
            return;
        }
        MapEntity.MakeGenericMethod(type).Invoke(Mapper, null);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Map(property.PropertyType);
        }
    }

    private void Create(string name)
    {
        lock (transactionGate)
        {
            if (existing.ContainsKey(name))
            {
                return;
            }
            // LiteDB has no "create collection": a document written and removed in one transaction leaves it empty.
            var placeholder = new BsonDocument { ["_id"] = ObjectId.NewObjectId() };
            // Inside another transaction the collection exists only once that one commits.
            InTransaction(() =>
            {
                var collection = database.GetCollection(name);
                collection.Insert(placeholder);
                AfterCommit(() => existing.TryAdd(name, true));
                return collection.Delete(placeholder["_id"]);
            });
        }
    }

    /// <summary>The version of the records' shape this file holds (LiteDB's user version), for start-up migrations.</summary>
    internal int SchemaVersion
    {
        get => database.UserVersion;
        set => database.UserVersion = value;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. Synchronous on purpose: no transaction spans an await.
    /// Transactions are serialised so that a read-check-write inside one is atomic; a nested call joins the outer one.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        List<Action>? committed = null;
        T result;
        lock (transactionGate)
        {
            // LiteDB keeps one transaction per thread: BeginTrans is false when this thread already has one.
            var owner = database.BeginTrans();
            if (owner)
            {
                afterCommit = [];
            }
            try
            {
                result = work();
                if (owner)
                {
                    database.Commit();
                    committed = afterCommit;
                }
            }
            catch
            {
                if (owner)
                {
                    database.Rollback();
                }
                throw;
            }
            finally
            {
                if (owner)
                {
                    afterCommit = null;
                }
            }
        }
        foreach (var action in committed ?? [])
        {
            action();
        }
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once what this thread is writing is visible to every other thread: after the
    /// transaction it is in commits (never if it rolls back), or at once outside a transaction. A reader woken before
    /// the commit would find nothing new, and sleep through the row it was woken for.
    /// </summary>
    public void AfterCommit(Action action)
    {
        // Only the thread that holds the gate is inside a transaction, and only it touches the list.
        if (transactionGate.IsHeldByCurrentThread && afterCommit is { } queued)
        {
            queued.Add(action);
            return;
        }
        action();
    }

    public void Dispose()
    {
        database.Dispose();
        processLock.Dispose();
    }

    /// <summary>
    /// The file beside the database that the process using the database keeps locked (<c>onestop.db.lock</c>).
    /// LiteDB's own file sharing does not keep a second process out on Linux, and a second process opening the file
    /// replays and truncates the write-ahead log under the first one's feet; this lock does. The operating system
    /// drops it when the process ends, however it ends, so a lock file left behind is harmless.
    /// </summary>
    public static string LockFileOf(string path) => Path.GetFullPath(path) + ".lock";

    /// <summary>Whether a process (the running host, or a verb) has the database at <paramref name="path"/> open.</summary>
    public static bool InUse(string path)
    {
        try
        {
            // Open only: checking creates nothing on disk.
            using var probe = TakeLock(path, FileMode.Open);
            return probe is null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    // The exclusive lock on the lock file, or null when another holder has it.
    private static FileStream? TakeLock(string path, FileMode mode)
    {
        try
        {
            return new FileStream(LockFileOf(path), mode, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            return null;
        }
    }

    /// <summary>Why the open database cannot serve, or null: each collection's first page must be readable.</summary>
    public string? HealthProblem()
    {
        try
        {
            foreach (var name in database.GetCollectionNames())
            {
                database.GetCollection(name).Query().Limit(1).ToList();
            }
            return null;
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            return $"The database cannot be read: {e.Message}";
        }
    }

    /// <summary>
    /// Writes a copy of every collection to a new file at <paramref name="target"/>, or beside it with a suffix
    /// (<c>-1</c>, <c>-2</c>…) when that name is taken, while the host runs; returns the file written. The office's own
    /// transactions wait meanwhile, so a dossier and its counter, or a status change and its notification, are copied
    /// together. The copy is read through the engine, so the live file needs no checkpoint first (LiteDB 5.0.21's
    /// explicit checkpoint can read a log page not yet flushed, "ReadFull must read PAGE_SIZE bytes"). Indexes are not
    /// copied: every start creates them.
    /// </summary>
    public string Backup(string target)
    {
        lock (transactionGate)
        {
            var path = FreeName(Path.GetFullPath(target));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                using var copy = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
                foreach (var name in database.GetCollectionNames())
                {
                    copy.GetCollection(name).InsertBulk(database.GetCollection(name).FindAll());
                }
            }
            catch
            {
                // A half-written copy is not a backup: nothing is left that could be restored by mistake.
                foreach (var file in new[] { path, LogFileOf(path) }.Where(File.Exists))
                {
                    File.Delete(file);
                }
                throw;
            }
            return path;
        }
    }

    /// <summary><paramref name="path"/>, or the first of <c>name-1.ext</c>, <c>name-2.ext</c>… that does not exist.</summary>
    public static string FreeName(string path)
    {
        var candidate = path;
        for (var suffix = 1; File.Exists(candidate) || File.Exists(LogFileOf(candidate)); suffix++)
        {
            candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{suffix}{Path.GetExtension(path)}");
        }
        return candidate;
    }

    /// <summary>
    /// Why the file at <paramref name="path"/> cannot be used as the office's database, or null when it can (or does
    /// not exist yet). The file is only read: its first page is checked here, then the rest on a copy in a temporary
    /// folder, so a damaged file is never changed by the check.
    /// </summary>
    public static string? FileProblem(string path)
    {
        path = Path.GetFullPath(path);
        if (Directory.Exists(path))
        {
            return "it is a folder, not a database file.";
        }
        if (!File.Exists(path))
        {
            return FolderProblem(path);
        }
        if (HeaderProblem(path) is { } header)
        {
            return header;
        }
        var folder = Path.Combine(Path.GetTempPath(), "onestop-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var copy = Path.Combine(folder, Path.GetFileName(path));
            File.Copy(path, copy);
            var log = LogFileOf(path);
            if (File.Exists(log))
            {
                File.Copy(log, LogFileOf(copy));
            }
            using var database = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
            foreach (var name in database.GetCollectionNames())
            {
                // The whole collection is read: a damaged page anywhere fails here rather than in a resident's turn.
                foreach (var _ in database.GetCollection(name).FindAll())
                {
                }
            }
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e.Message;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// LiteDB takes a file shorter than one page for a new database and writes an empty one over it, so a file must show
    /// whole pages and LiteDB's header text in its first page before LiteDB is let near it, even on a copy.
    /// </summary>
    private static string? HeaderProblem(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                return "the file is empty (0 bytes), not a database.";
            }
            if (stream.Length % PageSize != 0)
            {
                return $"the file has {stream.Length} bytes, not whole {PageSize}-byte pages: it was cut short or is not a database.";
            }
            var page = new byte[PageSize];
            stream.ReadExactly(page);
            return page.AsSpan().IndexOf(HeaderText) < 0 ? "the file is not a LiteDB database (its first page has no LiteDB header)." : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>A new database's folder is created at start: no part of its path may be a file.</summary>
    private static string? FolderProblem(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return $"its folder {folder} is a file, so the database cannot be created there.";
            }
        }
        return null;
    }

    // LiteDB 5's page size, and the text its header page carries.
    private const int PageSize = 8192;
    private static readonly byte[] HeaderText = "** This is a LiteDB file **"u8.ToArray();

    /// <summary>LiteDB's write-ahead log beside the data file: <c>name-log.ext</c>.</summary>
    public static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

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

/// <summary>Another process has the database open: only one process may use the file at a time.</summary>
public sealed class DatabaseInUseException(string path)
    : IOException($"The database {path} is in use by another process (the running bot?): it cannot be opened twice.")
{
    public string DatabasePath { get; } = path;
}

/// <summary>Something that prepares its collections (indexes, mappings) when the database opens.</summary>
public interface ICollectionSetup
{
    void Configure(OfficeDatabase database);
}
