using Pyfleet.Core.Auditing;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Tests.Auditing;

public sealed class SuppressionFileTests
{
    [Fact]
    public void Parse_FullEntry_ReadsEveryField()
    {
        var suppressions = SuppressionFile.Parse("""
            [[suppress]]
            id = "PYSEC-2023-100"
            package = "django"
            environment = "shop"
            reason = "view not routed"
            expires = 2026-12-31
            """, ".pyfleet.toml");
        var s = Assert.Single(suppressions);
        Assert.Equal(("PYSEC-2023-100", "django", "shop", "view not routed", new DateOnly(2026, 12, 31)), (s.Id, s.Package, s.Environment, s.Reason, s.Expires));
        Assert.True(s.IsActive(new DateOnly(2026, 12, 31)));
        Assert.False(s.IsActive(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Parse_MissingReason_ErrorWithLine()
    {
        var ex = Assert.Throws<PyfleetException>(() => SuppressionFile.Parse("# x\n\n[[suppress]]\nid = \"A\"\n", "/p/.pyfleet.toml"));
        Assert.Equal("/p/.pyfleet.toml", ex.Path);
        Assert.Equal(3, ex.Line);
    }
}
