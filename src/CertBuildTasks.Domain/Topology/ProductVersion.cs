namespace CertBuildTasks.Topology;

/// <summary>The server product the topology runs. It decides which features (XMPP, Persistent Chat) exist.</summary>
public enum ProductVersion
{
    Lync2013,
    SfB2015,
    SfB2019,
}
