using System.Reflection;
using System.Reflection.Emit;
using OneStopBot.Office.Demo;
using OneStopBot.Office.Dossiers;

namespace OneStopBot.Office.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly Office = typeof(Dossier).Assembly;

    /// <summary>Types whose strings are records, not messages: they may hold Vietnamese.</summary>
    private static readonly Dictionary<Type, string> DataTypes = new()
    {
        [typeof(DemoData)] = "sample dossiers: names, villages, staff and notes as residents' records hold them",
    };

    /// <summary>Single strings that are data: words compared with what people type.</summary>
    private static readonly Dictionary<string, string> DataStrings = new(StringComparer.Ordinal)
    {
        ["thôn "] = "the word before a village's name, ignored when villages are compared",
    };

    [Fact]
    public void The_office_library_references_no_bot_framework_assembly()
    {
        var references = Office.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("LiteDB", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Bot.", StringComparison.Ordinal));
        Assert.DoesNotContain("Newtonsoft.Json", references);
    }

    /// <summary>
    /// The office's vocabulary, which residents' chat and the staff's workspace and API both read (status names, field
    /// refusals, dates, figures, ratings), has one home that neither depends on the other for.
    /// </summary>
    private const string Vocabulary = "OneStopBot.Office.Wording";

    [Fact]
    public void The_office_library_words_what_people_read_only_in_its_vocabulary()
    {
        var texts = Literals(Office)
            .Where(literal => HasLetterBeyondAscii(literal.Text) && literal.Type.Namespace != Vocabulary
                && !DataTypes.ContainsKey(literal.Type) && !DataStrings.ContainsKey(literal.Text))
            .Select(literal => $"{literal.Type.Name}: \"{literal.Text}\"")
            .Distinct()
            .ToList();

        Assert.Empty(texts);
    }

    [Fact]
    public void The_vocabulary_holds_the_status_names_and_depends_on_nothing_above_the_office()
    {
        Assert.Contains(Literals(Office), literal => literal.Type.Namespace == Vocabulary && literal.Text == "Đã có kết quả");
        Assert.DoesNotContain(Office.GetReferencedAssemblies(), name => name.Name!.StartsWith("OneStopBot.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scan_sees_every_kind_of_literal()
    {
        var found = Literals(typeof(ArchitectureTests).Assembly).Where(l => l.Type == typeof(LiteralSamples)).Select(l => l.Text).ToList();

        Assert.Contains("hằng số", found);
        Assert.Contains("trong thân hàm", found);
        Assert.Contains("trong lambda", found);
        Assert.Contains("thuộc tính", found);
        Assert.Contains(found, text => text.StartsWith("nội suy ", StringComparison.Ordinal));
        Assert.True(HasLetterBeyondAscii("đ") && HasLetterBeyondAscii("Thôn") && !HasLetterBeyondAscii("Thon 1 → 2…"));
        Assert.All(DataStrings.Keys, text => Assert.Contains(Literals(Office), literal => literal.Text == text));
    }

    private static bool HasLetterBeyondAscii(string text) => text.Any(c => c > '\x7F' && char.IsLetter(c));

    /// <summary>Every string an assembly holds: constants, strings loaded in method bodies, attribute arguments; each with its outermost type.</summary>
    private static IEnumerable<(Type Type, string Text)> Literals(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is { } outer)
            {
                owner = outer;
            }
            var members = type.GetMembers(All).Append(type).ToList();
            var texts = members.OfType<FieldInfo>().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string?)f.GetRawConstantValue())
                .Concat(members.OfType<MethodBase>().SelectMany(LoadedStrings))
                .Concat(members.SelectMany(m => m.GetCustomAttributesData()).SelectMany(AttributeStrings));
            foreach (var text in texts.OfType<string>())
            {
                yield return (owner, text);
            }
        }
    }

    private static IEnumerable<string?> AttributeStrings(CustomAttributeData attribute) =>
        attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(named => named.TypedValue)).Select(argument => argument.Value as string);

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    /// <summary>The operands of <c>ldstr</c>, found by walking the IL instruction by instruction (not by byte patterns).</summary>
    private static IEnumerable<string?> LoadedStrings(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var at = 0; at < il.Length;)
        {
            var twoBytes = il[at] == 0xFE;
            var code = twoBytes ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += twoBytes ? 2 : 1;
            if (code == OpCodes.Ldstr.Value)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(il, at));
            }
            at += Operands[code] switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}

/// <summary>One literal of each kind, for <see cref="ArchitectureTests.The_scan_sees_every_kind_of_literal"/>.</summary>
internal static class LiteralSamples
{
    public const string Constant = "hằng số";

    [System.ComponentModel.Description("thuộc tính")]
    public static string Body() => "trong thân hàm";

    public static Func<string> Lambda() => () => "trong lambda";

    public static string Interpolated(int n) => $"nội suy {n}";
}
