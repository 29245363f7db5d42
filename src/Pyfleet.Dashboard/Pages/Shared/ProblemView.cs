using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Pyfleet.Dashboard.Pages.Shared;

/// <summary>An error shown as a page (status, title, a sentence that is safe to show), in the dashboard's layout.</summary>
public sealed record ProblemView(int Status, string Title, string Detail)
{
    internal static IActionResult Result(HttpContext http, int status, string title, string detail)
    {
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = "/Pages/Shared/Problem.cshtml",
            StatusCode = status,
            ViewData = new ViewDataDictionary<ProblemView>(metadata, new ModelStateDictionary()) { Model = new ProblemView(status, title, detail) },
        };
    }
}
