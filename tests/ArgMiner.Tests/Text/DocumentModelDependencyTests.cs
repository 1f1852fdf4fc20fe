using System.Reflection;

namespace ArgMiner.Tests.Text;

/// <summary>The document model (namespace ArgMiner.Text) depends on no stage: every type its public and private members name is its own, or outside ArgMiner.</summary>
public sealed class DocumentModelDependencyTests
{
    private static IEnumerable<Type> Named(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(all))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(all))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var parameter in m.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }

        foreach (var c in type.GetConstructors(all))
        {
            foreach (var parameter in c.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }

        if (type.BaseType is { } b)
        {
            yield return b;
        }
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType)
        {
            foreach (var e in Expand(t.GetElementType()!))
            {
                yield return e;
            }
        }
        else
        {
            yield return t;
        }

        if (t.IsGenericType)
        {
            foreach (var a in t.GetGenericArguments().SelectMany(Expand))
            {
                yield return a;
            }
        }
    }

    [Fact]
    public void GivenTheDocumentModel_WhenItsTypesAreInspected_ThenNoneNamesAStageType()
    {
        var textTypes = typeof(ArgMiner.Text.Document).Assembly.GetTypes().Where(t => t.Namespace == "ArgMiner.Text").ToList();
        Assert.Contains(typeof(ArgMiner.Text.Entity), textTypes);
        var offending = textTypes
            .SelectMany(t => Named(t).SelectMany(Expand).Select(n => (t, n)))
            .Where(x => x.n.Namespace is { } ns && ns.StartsWith("ArgMiner", StringComparison.Ordinal) && ns != "ArgMiner.Text")
            .Select(x => $"{x.t.Name} -> {x.n.FullName}")
            .Distinct()
            .ToList();
        Assert.True(offending.Count == 0, string.Join("; ", offending));
    }
}
