using System.Collections.Concurrent;
using Newtonsoft.Json.Serialization;

namespace OneStopBot.Bot.State;

/// <summary>
/// The types bot state may name in <c>$type</c>: the project's own (dialog stacks, dialog and topic state), the Bot
/// Framework schema's (conversation references), plain values, and the framework collections of those. Anything
/// else is refused before its assembly is even loaded. Names already allowed are remembered, as every turn's state
/// names the same few types; a bound keeps tampered documents from growing that memory.
/// </summary>
public sealed class StateTypeBinder : ISerializationBinder
{
    public static readonly StateTypeBinder Instance = new();

    private static readonly HashSet<string> FrameworkAssemblies = new(StringComparer.Ordinal)
    {
        "System.Private.CoreLib", "mscorlib", "System.Runtime", "System.Collections",
    };

    private static readonly HashSet<Type> FrameworkGenerics =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(Nullable<>), typeof(KeyValuePair<,>),
    ];

    private static readonly HashSet<Type> Values =
    [
        typeof(object), typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan),
        typeof(Guid), typeof(DateOnly), typeof(TimeOnly),
    ];

    private const int MaxRemembered = 1_000;

    private readonly DefaultSerializationBinder inner = new();
    private readonly ConcurrentDictionary<(string? Assembly, string Type), Type> allowed = new();

    private StateTypeBinder()
    {
    }

    public Type BindToType(string? assemblyName, string typeName)
    {
        if (allowed.TryGetValue((assemblyName, typeName), out var known))
        {
            return known;
        }
        if (assemblyName is not null && !IsAllowedAssembly(assemblyName))
        {
            throw new Newtonsoft.Json.JsonSerializationException($"Stored state may not name types of {assemblyName}.");
        }
        var type = inner.BindToType(assemblyName, typeName);
        if (!IsAllowed(type))
        {
            throw new Newtonsoft.Json.JsonSerializationException($"Stored state may not name {type}.");
        }
        if (allowed.Count < MaxRemembered)
        {
            allowed.TryAdd((assemblyName, typeName), type);
        }
        return type;
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
        inner.BindToName(serializedType, out assemblyName, out typeName);

    private static bool IsAllowedAssembly(string name) =>
        FrameworkAssemblies.Contains(name) || IsOwnAssembly(name);

    private static bool IsOwnAssembly(string name) =>
        name.StartsWith("OneStopBot.", StringComparison.Ordinal) || name == "Microsoft.Bot.Schema";

    private static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            return (FrameworkGenerics.Contains(definition) || IsOwnAssembly(definition.Assembly.GetName().Name!))
                && type.GetGenericArguments().All(IsAllowed);
        }
        return type.IsPrimitive || Values.Contains(type) || IsOwnAssembly(type.Assembly.GetName().Name!);
    }
}
