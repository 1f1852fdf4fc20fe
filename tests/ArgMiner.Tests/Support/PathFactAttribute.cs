namespace ArgMiner.Tests.Support;

/// <summary>
/// A test that needs a file the operating system provides (such as Linux's always-full device, <c>/dev/full</c>):
/// reported as Skipped, with the reason, where it is missing, as <see cref="ProgramFactAttribute"/> does for programs.
/// </summary>
public sealed class PathFactAttribute : FactAttribute
{
    public PathFactAttribute(string path)
    {
        if (!File.Exists(path))
        {
            Skip = $"{path} does not exist on this system";
        }
    }
}
