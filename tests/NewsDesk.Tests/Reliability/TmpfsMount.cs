using System.Diagnostics;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// A small tmpfs mounted for one test, so a full disk and a read-only file system are real (chmod does not stop
/// root). Needs root and a working `mount`; <see cref="TryMount"/> returns null with the reason otherwise.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static TmpfsMount? TryMount(long bytes, out string? whyNot)
    {
        whyNot = null;
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            whyNot = "needs root on Linux to mount a small tmpfs (chmod does not stop root, so a full or read-only disk must be real)";
            return null;
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsdesk-tmpfs-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            whyNot = $"`mount -t tmpfs` failed here ({output.Trim()})";
            return null;
        }

        return new TmpfsMount(path);
    }

    public void Remount(string options)
    {
        var (code, output) = Run("mount", "-o", "remount," + options, Path);
        if (code != 0)
        {
            throw new InvalidOperationException($"remount {options} of {Path} failed: {output}");
        }
    }

    /// <summary>Fills the file system, then gives back <paramref name="leaveFree"/> bytes. Returns the filler's path.</summary>
    public string Fill(long leaveFree)
    {
        var filler = File("filler.bin");
        using (var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            var chunk = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // The disk is full: exactly what this is for.
            }

            stream.SetLength(Math.Max(0, stream.Length - leaveFree));
        }

        return filler;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS; the mount itself is gone.
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
