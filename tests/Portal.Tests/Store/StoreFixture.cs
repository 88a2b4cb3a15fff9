using Microsoft.AspNetCore.DataProtection;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>A PortalDatabase in a temporary data directory, with a DataProtection key ring there as the portal keeps it.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly bool ownsDirectory;

    public StoreFixture(string? dataDirectory = null, StoreOptions? options = null)
    {
        ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("whistle-store-").FullName;
        Options = options ?? new StoreOptions { MinFreeBytes = 0 };
        Store = Open();
    }

    public string DataDirectory { get; }

    public StoreOptions Options { get; }

    public ManualTimeProvider Time { get; } = new();

    public PortalDatabase Store { get; private set; }

    /// <summary>The source side's door to <see cref="Store"/> (a new one after <see cref="Reopen"/>).</summary>
    public SourceStore Source => new(Store);

    /// <summary>The transfer side's door to <see cref="Store"/> (a new one after <see cref="Reopen"/>).</summary>
    public TransferStore Transfer => new(Store);

    public IDataProtectionProvider Protection => DataProtectionProvider.Create(
        new DirectoryInfo(Path.Combine(DataDirectory, "dataprotection-keys")),
        b => b.SetApplicationName("whistlesubmit-portal"));

    public PortalDatabase Open() => new(DataDirectory, Protection, Options, Time);

    public void Reopen()
    {
        Store.Dispose();
        Store = Open();
    }

    public void Dispose()
    {
        Store.Dispose();

        // A directory passed in belongs to the test, which may reopen it.
        if (ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
