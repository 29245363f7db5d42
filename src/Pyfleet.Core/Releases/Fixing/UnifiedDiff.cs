using System.Text;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>A unified diff (<c>diff -u</c> format) of two texts, for <c>fix --dry-run</c>.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff of <paramref name="before"/> → <paramref name="after"/>; empty when equal.</summary>
    public static string Create(string path, string before, string after, int context = 3)
    {
        var a = PinnedFile.SplitLines(before).Lines;
        var b = PinnedFile.SplitLines(after).Lines;
        var ops = Diff(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return "";
        }

        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var changed = ops.Select((o, i) => (o, i)).Where(x => x.o.Kind != ' ').Select(x => x.i).ToList();
        var start = 0;
        while (start < changed.Count)
        {
            var end = start;
            while (end + 1 < changed.Count && changed[end + 1] - changed[end] <= 2 * context)
            {
                end++;
            }

            var from = Math.Max(0, changed[start] - context);
            var to = Math.Min(ops.Count - 1, changed[end] + context);
            var hunk = ops.Skip(from).Take(to - from + 1).ToList();
            var aStart = ops.Take(from).Count(o => o.Kind != '+') + 1;
            var bStart = ops.Take(from).Count(o => o.Kind != '-') + 1;
            output.Append($"@@ -{aStart},{hunk.Count(o => o.Kind != '+')} +{bStart},{hunk.Count(o => o.Kind != '-')} @@\n");
            foreach (var op in hunk)
            {
                output.Append(op.Kind).Append(op.Text).Append('\n');
            }

            start = end + 1;
        }

        return output.ToString();
    }

    private static List<(char Kind, string Text)> Diff(List<string> a, List<string> b)
    {
        // Trim the common prefix and suffix, then LCS over the (small) middle: fix edits are local.
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var midA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var midB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        var lcs = new int[midA.Count + 1, midB.Count + 1];
        for (var i = midA.Count - 1; i >= 0; i--)
        {
            for (var j = midB.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = midA[i] == midB[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = a.Take(prefix).Select(l => (' ', l)).ToList();
        int x = 0, y = 0;
        while (x < midA.Count || y < midB.Count)
        {
            if (x < midA.Count && y < midB.Count && midA[x] == midB[y])
            {
                ops.Add((' ', midA[x++]));
                y++;
            }
            else if (x < midA.Count && (y == midB.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', midA[x++])); // removals first, as diff -u shows them
            }
            else
            {
                ops.Add(('+', midB[y++]));
            }
        }

        ops.AddRange(a.Skip(a.Count - suffix).Select(l => (' ', l)));
        return ops;
    }
}
