using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet.Views;

namespace Pyfleet.Dashboard.Pages.Labels;

/// <summary><c>/labels</c>: every label (site, application) that an environment of a latest snapshot carries.</summary>
public sealed class IndexModel(IFleetViews views) : PageModel
{
    public IReadOnlyList<LabelUse> Labels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Labels = await views.LabelsAsync(cancellationToken);
}
