namespace Pyfleet.Core.Policy;

/// <summary>Guesses a file's <see cref="FileRole"/> from its name; the production rules apply to Default, Production and Base.</summary>
public static class FileRoles
{
    public static FileRole Of(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var tokens = name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var token in tokens)
        {
            switch (token)
            {
                case "dev" or "develop" or "development" or "lint" or "local":
                    return FileRole.Development;
                case "test" or "tests" or "testing" or "ci":
                    return FileRole.Test;
                case "doc" or "docs":
                    return FileRole.Documentation;
                case "prod" or "production" or "deploy" or "release" or "live":
                    return FileRole.Production;
                case "base" or "common" or "core" or "main":
                    return FileRole.Base;
            }
        }

        return FileRole.Default;
    }

    public static bool IsProduction(FileRole role) => role is FileRole.Default or FileRole.Production or FileRole.Base;
}
