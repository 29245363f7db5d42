using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Testing.Data;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>The real PyPI export loaded and compiled once for every test class that needs it.</summary>
public sealed class RealAdvisoriesFixture
{
    public RealAdvisoriesFixture()
    {
        Loaded = OsvZipLoader.Load(SharedData.OsvPyPIZip);
        Index = AdvisoryIndex.Build(Loaded.Records);
    }

    public OsvLoadResult Loaded { get; }
    public AdvisoryIndex Index { get; }

    public IEnumerable<AffectedRule> RulesOf(string id) =>
        Index.Advisories.Where(a => a.Id == id).SelectMany(a => a.Record.Affected!.Select(x => Index.RulesFor("PyPI", AdvisoryIndex.NormalizeName("PyPI", x.Package!.Name!))))
            .SelectMany(r => r).Where(r => r.Advisory.Id == id).Distinct();
}
