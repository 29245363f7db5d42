using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Pyfleet.Dashboard.Access;

/// <summary>
/// Keeps the anti-forgery keys in memory: the framework's default would write them under <c>~/.aspnet</c>, outside
/// the data folder (and fail for a service user without a home). A restart only invalidates forms open at that
/// moment; the login cookie does not depend on these keys.
/// </summary>
internal sealed class MemoryKeyRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return _elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            _elements.Add(new XElement(element));
        }
    }
}
