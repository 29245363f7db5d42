using System.Security.Cryptography.X509Certificates;

namespace Pyfleet.Server.Hosting;

/// <summary>Loads the TLS certificate: a PEM certificate with its PEM key, or a PFX without a password.</summary>
internal static class Certificates
{
    public static X509Certificate2 Load(string certificatePath, string? keyPath) =>
        keyPath is not null || certificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || certificatePath.EndsWith(".crt", StringComparison.OrdinalIgnoreCase)
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(certificatePath, null);
}
