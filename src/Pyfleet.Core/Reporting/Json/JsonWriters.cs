using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pyfleet.Core.Reporting.Json;

/// <summary>The writer settings every JSON report shares: UTF-8 as is (no <c>\u00e9</c> escapes), indented on request.</summary>
public static class JsonWriters
{
    public static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
