using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>pip <c>req_file.preprocess</c>: join_lines, ignore_comments, expand_env_variables (FORMATS.md §3.1).</summary>
public sealed class LogicalLineReaderTests
{
    private static List<LogicalLine> Read(string text, Func<string, string?>? env = null) =>
        [.. LogicalLineReader.Read(new StringReader(text), env ?? (_ => null), CancellationToken.None)];

    [Fact]
    public void Read_Continuation_JoinsAndKeepsFirstLineNumber()
    {
        var lines = Read("a\nnumpy>=1.26,\\\n<2.0 \\\n  --hash=sha256:ab\nb\n");
        Assert.Equal([new(1, "a"), new(2, "numpy>=1.26,<2.0   --hash=sha256:ab"), new(5, "b")], lines);
    }

    [Fact]
    public void Read_CommentLineAfterContinuation_EndsTheContinuation()
    {
        var lines = Read("six==1.16 \\\n# via x\nidna\n");
        Assert.Equal([new(1, "six==1.16"), new(3, "idna")], lines);
    }

    [Fact]
    public void Read_TrailingBackslashAtEndOfFile_IsKeptAsALine()
    {
        Assert.Equal([new(1, "six")], Read("six\\"));
    }

    [Fact]
    public void Read_HashWithoutLeadingSpace_IsNotAComment()
    {
        var lines = Read("pkg @ https://h/x.whl#sha256=ab # note\n#whole\n   # indented\n");
        Assert.Equal([new(1, "pkg @ https://h/x.whl#sha256=ab")], lines);
    }

    [Fact]
    public void Read_EnvironmentVariables_OnlyBracedUppercaseAndSetOnesExpand()
    {
        var env = new Dictionary<string, string?> { ["TOKEN"] = "t0k", ["EMPTY"] = "", ["lower"] = "x" };
        var lines = Read("${TOKEN} $TOKEN %TOKEN% ${EMPTY} ${UNSET} ${lower}\n", n => env.GetValueOrDefault(n));
        Assert.Equal("t0k $TOKEN %TOKEN% ${EMPTY} ${UNSET} ${lower}", Assert.Single(lines).Text);
    }

    [Fact]
    public void Read_PythonSplitlinesSeparators_AllEndLines()
    {
        var lines = Read("a\fb\vc\u2028d\r\re\u001cf\r\ng");
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3, 4, 6, 7, 8], lines.Select(l => l.Number));
    }
}
