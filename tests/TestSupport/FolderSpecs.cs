namespace ProofCheck.TestSupport;

/// <summary>
/// The base of a spec class whose tests each need an empty folder of their own: xunit makes one instance a test and
/// disposes it afterwards, so every test gets a fresh folder, deleted with everything in it when the test ends.
/// </summary>
/// <param name="prefix">The start of the folder's name under the system's temp folder (says which specs left it, if any).</param>
public abstract class FolderSpecs(string prefix) : IDisposable
{
    /// <summary>The test's own folder, a full path.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
