using System.Buffers;
using System.IO.Compression;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// Reads an OSV bulk export (<c>PyPI/all.zip</c>, FORMATS.md §6.3) entry by entry. A zip that cannot be opened or
/// an entry that fails to inflate is a <see cref="PyfleetException"/> (the sync then keeps the previous database);
/// a bad record inside a good zip is a warning.
/// </summary>
public static class OsvZipLoader
{
    /// <summary>Loads every <c>*.json</c> entry of the zip at <paramref name="path"/>.</summary>
    public static OsvLoadResult Load(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw new PyfleetException("OSV zip not found", path);
        }
        catch (DirectoryNotFoundException)
        {
            throw new PyfleetException("OSV zip not found", path);
        }
    }

    /// <summary>Loads every <c>*.json</c> entry of a seekable zip stream; <paramref name="displayName"/> names it in messages.</summary>
    public static OsvLoadResult Load(Stream stream, string displayName, CancellationToken cancellationToken = default)
    {
        var records = new List<OsvRecord>();
        var warnings = new List<AdvisoryWarning>();
        var seen = 0;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"not a valid zip (truncated or corrupt download?): {ex.Message}", displayName, null, ex);
        }

        using (archive)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
            try
            {
                foreach (var entry in archive.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    seen++;
                    var length = ReadEntry(entry, ref buffer, displayName);
                    var record = OsvRecordReader.Read(buffer.AsSpan(0, length), $"{displayName}!{entry.FullName}", warnings);
                    if (record is not null)
                    {
                        records.Add(record);
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                // The central directory itself is damaged (e.g. NumEntriesWrong): the whole download is unusable.
                throw new PyfleetException($"corrupt zip: {ex.Message}", displayName, null, ex);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return new OsvLoadResult(records, warnings, seen);
    }

    private static int ReadEntry(ZipArchiveEntry entry, ref byte[] buffer, string displayName)
    {
        if (entry.Length > 64L * 1024 * 1024)
        {
            throw new PyfleetException($"entry {entry.FullName} is {entry.Length} bytes, larger than any OSV record", displayName);
        }

        if (buffer.Length < entry.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent((int)entry.Length);
        }

        try
        {
            using var input = entry.Open();
            var total = 0;
            int read;
            while (total < entry.Length && (read = input.Read(buffer, total, (int)entry.Length - total)) > 0)
            {
                total += read;
            }

            if (total != entry.Length)
            {
                throw new PyfleetException($"entry {entry.FullName} is truncated ({total} of {entry.Length} bytes)", displayName);
            }

            return total;
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"entry {entry.FullName} is corrupt: {ex.Message}", displayName, null, ex);
        }
    }
}
