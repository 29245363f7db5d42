using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Http.Internal;

/// <summary>
/// <c>http.ca-bundle</c>: certificate authorities from a PEM file trusted besides the system's. A server
/// certificate the system accepts is accepted; one whose only fault is an untrusted root is accepted when its
/// chain ends in one of the bundle's certificates; a name mismatch is never accepted.
/// </summary>
internal sealed class CaBundleValidator(X509Certificate2Collection authorities)
{
    /// <summary>Reads the bundle; a missing or unreadable file is an error naming it.</summary>
    public static CaBundleValidator Load(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new PyfleetException($"http.ca-bundle: cannot read the certificates: {ex.Message}", path, inner: ex);
        }

        return authorities.Count > 0 ? new CaBundleValidator(authorities)
            : throw new PyfleetException("http.ca-bundle: no PEM certificate in the file", path);
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
