using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Dashboard.Access;

namespace Pyfleet.Dashboard.Pages;

/// <summary><c>POST /logout</c> deletes the login cookie; <c>GET</c> shows a button for it.</summary>
[AnonymousPage]
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        SessionCookie.Delete(Response);
        return LocalRedirect("/login");
    }
}
