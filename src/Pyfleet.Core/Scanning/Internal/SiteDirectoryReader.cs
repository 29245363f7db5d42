using System.IO.Compression;
using System.IO.Enumeration;
using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Reads one <c>sys.path</c> folder the way <c>importlib.metadata</c> sees it: <c>*.dist-info</c>, <c>*.egg-info</c>
/// (folders and files) and <c>*.egg</c>; for site folders also <c>.pth</c> path lines (never the <c>import</c> lines,
/// which <c>site.py</c> would execute) and <c>.egg-link</c> files. Never runs anything it reads.
/// Spec: https://packaging.python.org/en/latest/specifications/recording-installed-packages/ and
/// https://docs.python.org/3/library/site.html
/// </summary>
internal sealed class SiteDirectoryReader(PathMap paths)
{
    private const int MaxPthWarnings = 20;

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Reads the folder at logical path <paramref name="logicalDirectory"/>.</summary>
    public DirectoryContents Read(string logicalDirectory, bool isSiteDirectory)
    {
        var contents = new DirectoryContents();
        var physical = paths.ToPhysical(logicalDirectory);
        List<(string Name, bool IsDirectory)> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<(string, bool)>(physical, static (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory), ListOptions)
            {
                ShouldIncludePredicate = static (ref FileSystemEntry e) => IsInteresting(e.FileName),
            }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            contents.Warnings.Add(new ScanWarning(logicalDirectory, $"cannot list folder: {ex.Message}"));
            return contents;
        }

        // site.py reads .pth files in sorted order; sorting everything also makes the output deterministic.
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, isDirectory) in entries)
        {
            var logical = logicalDirectory == "/" ? "/" + name : logicalDirectory + "/" + name;
            try
            {
                ReadEntry(contents, logicalDirectory, logical, name, isDirectory, isSiteDirectory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
            {
                contents.Warnings.Add(new ScanWarning(logical, Describe(ex)));
            }
        }

        return contents;
    }

    /// <summary>Reads a path entry that is itself an <c>.egg</c> (folder or zip) added by a <c>.pth</c> file.</summary>
    public DirectoryContents ReadEgg(string logicalEgg)
    {
        var contents = new DirectoryContents();
        try
        {
            ReadEntry(contents, Path.GetDirectoryName(logicalEgg) ?? "/", logicalEgg, Path.GetFileName(logicalEgg), Directory.Exists(paths.ToPhysical(logicalEgg)), false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            contents.Warnings.Add(new ScanWarning(logicalEgg, Describe(ex)));
        }

        return contents;
    }

    private static bool IsInteresting(ReadOnlySpan<char> name) =>
        name.EndsWith(".dist-info", StringComparison.Ordinal) || name.EndsWith(".egg-info", StringComparison.Ordinal)
        || name.EndsWith(".egg", StringComparison.Ordinal) || name.EndsWith(".pth", StringComparison.Ordinal)
        || name.EndsWith(".egg-link", StringComparison.Ordinal);

    private void ReadEntry(DirectoryContents contents, string logicalDirectory, string logical, string name, bool isDirectory, bool isSiteDirectory)
    {
        var physical = paths.ToPhysical(logical);
        if (name.EndsWith(".dist-info", StringComparison.Ordinal))
        {
            if (isDirectory)
            {
                AddDistInfo(contents, logical, physical);
            }
        }
        else if (name.EndsWith(".egg-info", StringComparison.Ordinal))
        {
            // A folder (setuptools) or a single PKG-INFO file (distutils, old Debian packages).
            AddFromHeader(contents, logical, isDirectory ? Path.Combine(physical, "PKG-INFO") : physical, isDirectory ? physical : null);
        }
        else if (name.EndsWith(".egg", StringComparison.Ordinal))
        {
            if (isDirectory)
            {
                AddFromHeader(contents, logical, Path.Combine(physical, "EGG-INFO", "PKG-INFO"), null);
            }
            else
            {
                AddFromZippedEgg(contents, logical, physical);
            }
        }
        else if (isSiteDirectory && !isDirectory && name.EndsWith(".pth", StringComparison.Ordinal) && !name.StartsWith('.'))
        {
            ReadPth(contents, logicalDirectory, logical, physical);
        }
        else if (isSiteDirectory && !isDirectory && name.EndsWith(".egg-link", StringComparison.Ordinal))
        {
            var target = SmallFiles.ReadFirstLine(physical);
            if (target is not null)
            {
                contents.EggLinks[PackageName.Normalize(name[..^".egg-link".Length])] = Path.TrimEndingDirectorySeparator(ResolveLine(logicalDirectory, target));
            }
        }
    }

    private void AddDistInfo(DirectoryContents contents, string logical, string physical)
    {
        var metadata = Path.Combine(physical, "METADATA");
        if (!Pyfleet.Core.IO.RegularFile.Exists(metadata) && !Path.Exists(metadata))
        {
            // One stat instead of a FileNotFoundException: 200,000 empty dist-info folders must stay fast (issue 17).
            contents.Warnings.Add(new ScanWarning(logical, "no METADATA: not a readable distribution"));
            return;
        }

        var header = MetadataHeaderReader.ReadFile(metadata);
        var package = FromHeader(contents, logical, header);
        if (package is null)
        {
            return;
        }

        string? url = null;
        var editable = false;
        // Most installs have no direct_url.json: one stat is far cheaper than the FileNotFoundException (and the
        // extra stat .NET makes to choose it) that opening a missing file costs, 200,000 times on a fleet host.
        var directUrlPath = Path.Combine(physical, "direct_url.json");
        var directUrl = File.Exists(directUrlPath) ? SmallFiles.ReadBytes(directUrlPath) : null;
        if (directUrl is not null)
        {
            try
            {
                (url, editable) = SmallFiles.ParseDirectUrl(directUrl);
            }
            catch (JsonException ex)
            {
                contents.Warnings.Add(new ScanWarning(logical + "/direct_url.json", $"not valid PEP 610 JSON: {ex.Message}"));
            }
        }

        contents.Packages.Add(package with
        {
            Installer = SmallFiles.ReadFirstLine(Path.Combine(physical, "INSTALLER")),
            Requested = File.Exists(Path.Combine(physical, "REQUESTED")),
            Url = url,
            Editable = editable,
        });
    }

    private void AddFromHeader(DirectoryContents contents, string logical, string metadataPath, string? physicalInfoDirectory)
    {
        MetadataHeader header;
        try
        {
            header = MetadataHeaderReader.ReadFile(metadataPath);
        }
        catch (FileNotFoundException)
        {
            contents.Warnings.Add(new ScanWarning(logical, "no PKG-INFO: not a readable distribution"));
            return;
        }

        var package = FromHeader(contents, logical, header);
        if (package is not null)
        {
            var installer = physicalInfoDirectory is null ? null : SmallFiles.ReadFirstLine(Path.Combine(physicalInfoDirectory, "INSTALLER"));
            contents.Packages.Add(package with { Installer = installer });
        }
    }

    private static void AddFromZippedEgg(DirectoryContents contents, string logical, string physical)
    {
        using var archive = ZipFile.OpenRead(physical);
        var entry = archive.GetEntry("EGG-INFO/PKG-INFO");
        if (entry is null)
        {
            contents.Warnings.Add(new ScanWarning(logical, "zipped egg without EGG-INFO/PKG-INFO"));
            return;
        }

        using var stream = entry.Open();
        var buffer = new byte[Math.Min(entry.Length, MetadataHeaderReader.MaxHeaderBytes)];
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var package = FromHeader(contents, logical, MetadataHeaderReader.Parse(buffer));
        if (package is not null)
        {
            contents.Packages.Add(package);
        }
    }

    private static InventoryPackage? FromHeader(DirectoryContents contents, string logical, MetadataHeader header)
    {
        if (header.Problem is not null)
        {
            contents.Warnings.Add(new ScanWarning(logical, header.Problem));
        }

        if (!header.IsComplete)
        {
            return null;
        }

        return new InventoryPackage
        {
            Name = PackageName.Normalize(header.Name!),
            DisplayName = header.Name,
            Version = header.Version,
            Location = logical,
        };
    }

    // site.addpackage: skip comments and blank lines, never execute "import" lines, keep existing paths only.
    private void ReadPth(DirectoryContents contents, string logicalDirectory, string logical, string physical)
    {
        var text = SmallFiles.ReadText(physical);
        if (text is null)
        {
            return;
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..]; // site.py decodes .pth files as utf-8-sig
        }

        var missing = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            if (rawLine.StartsWith('#') || rawLine.StartsWith("import ", StringComparison.Ordinal) || rawLine.StartsWith("import\t", StringComparison.Ordinal))
            {
                continue;
            }

            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                continue;
            }

            var entry = ResolveLine(logicalDirectory, line);
            var physicalEntry = paths.ToPhysical(entry);
            if (Path.Exists(physicalEntry) && !contents.PthEntries.Contains(entry))
            {
                contents.PthEntries.Add(entry);
            }
            else if (!Path.Exists(physicalEntry) && ++missing <= MaxPthWarnings)
            {
                contents.Warnings.Add(new ScanWarning(logical, missing == MaxPthWarnings
                    ? $"path line '{line}' names a missing folder; ignored as site.py does (further missing lines not listed)"
                    : $"path line '{line}' names a missing folder; ignored as site.py does"));
            }
        }
    }

    private static string ResolveLine(string logicalDirectory, string line)
    {
        var combined = Path.IsPathRooted(line) ? line : Path.Combine(logicalDirectory, line);
        return Path.GetFullPath(combined);
    }

    private static string Describe(Exception ex) => ex switch
    {
        InvalidDataException => $"unreadable: {ex.Message}",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
