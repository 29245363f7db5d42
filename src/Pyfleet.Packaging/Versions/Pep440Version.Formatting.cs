namespace Pyfleet.Packaging.Versions;

/// <summary>
/// Canonical text, as packaging's <c>Version.__str__</c>: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>.
/// </summary>
public sealed partial class Pep440Version
{
    /// <summary>The canonical form (<c>1.0rc1.post2.dev3+local.1</c>).</summary>
    public override string ToString() => _text ??= Format(includeLocal: true);

    /// <summary>The canonical public form (no local label).</summary>
    public string ToPublicString() => _local is null ? ToString() : Format(includeLocal: false);

    private string Format(bool includeLocal)
    {
        var builder = new System.Text.StringBuilder(16);
        if (!_epoch.IsZero)
        {
            builder.Append(_epoch.ToString()).Append('!');
        }

        for (var i = 0; i < _release.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(_release[i].ToString());
        }

        if (_preKind != PreNone)
        {
            builder.Append(_preKind switch { PreAlpha => "a", PreBeta => "b", _ => "rc" }).Append(_pre.ToString());
        }

        if (_hasPost)
        {
            builder.Append(".post").Append(_post.ToString());
        }

        if (_hasDev)
        {
            builder.Append(".dev").Append(_dev.ToString());
        }

        if (includeLocal && _local is not null)
        {
            builder.Append('+').Append(_local);
        }

        return builder.ToString();
    }
}
