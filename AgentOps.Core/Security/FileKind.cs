using System.Runtime.InteropServices;

namespace AgentOps.Core.Security;

public enum FileType { Missing, Regular, Directory, Symlink, Fifo, CharDevice, BlockDevice, Socket, Unknown }

/// <summary>
/// What a path is, without opening it: opening a FIFO for reading blocks until a writer comes (the
/// build, validate and learn hung on one), and a device such as /dev/zero never ends. Every reader of
/// user files asks this first and opens only regular files. Linux: statx(2) (its layout is the same
/// on every architecture); elsewhere the managed view (symlinks and folders; other files count as regular).
/// libc is part of the OS, so this adds no native dependency to the build-time library.
/// </summary>
public static class FileKind
{
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000, StatxType = 0x1;
    private static bool _statxMissing;

    /// <summary>The type of the path itself (a symlink is reported as <see cref="FileType.Symlink"/>).</summary>
    public static FileType Of(string path) => Stat(AtFdCwd, path, AtSymlinkNoFollow) ?? Managed(path, followLinks: false);

    /// <summary>The type of what the path finally points at (symlinks followed).</summary>
    public static FileType OfTarget(string path) => Stat(AtFdCwd, path, 0) ?? Managed(path, followLinks: true);

    /// <summary>The type of an open descriptor (Linux; null elsewhere).</summary>
    public static FileType? OfDescriptor(int fd) => Stat(fd, "", AtEmptyPath);

    public static string Describe(FileType t) => t switch
    {
        FileType.Fifo => "a named pipe (FIFO)",
        FileType.CharDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        FileType.Directory => "a folder",
        FileType.Symlink => "a symbolic link",
        FileType.Missing => "missing",
        _ => "unreadable (a symbolic link loop, or a kind of file we do not know)",
    };

    private static FileType? Stat(int dirFd, string path, int flags)
    {
        if (!OperatingSystem.IsLinux() || _statxMissing) return null;
        var buffer = new byte[256];
        try
        {
            if (statx(dirFd, path, flags, StatxType, buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno is 2 or 20 ? FileType.Missing : null; // ENOENT, ENOTDIR
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => FileType.Regular,
            0x4000 => FileType.Directory,
            0xA000 => FileType.Symlink,
            0x1000 => FileType.Fifo,
            0x2000 => FileType.CharDevice,
            0x6000 => FileType.BlockDevice,
            0xC000 => FileType.Socket,
            _ => FileType.Unknown,
        };
    }

    private static FileType Managed(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (!followLinks) return FileType.Symlink;
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists) return FileType.Missing;
                return target is DirectoryInfo ? FileType.Directory : FileType.Regular;
            }
            if (info is DirectoryInfo) return FileType.Directory;
            return info.Exists ? FileType.Regular : FileType.Missing;
        }
        catch (IOException) { return FileType.Unknown; }
        catch (UnauthorizedAccessException) { return FileType.Unknown; }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, byte[] statxbuf);
}
