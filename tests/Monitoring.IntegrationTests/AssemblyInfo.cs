using System.Runtime.Versioning;

// The peers (the simulator, pyvmomi, POSIX file modes) are Debian programs: these tests run on Linux.
[assembly: SupportedOSPlatform("linux")]
