namespace CivicGrid.Web;

/// <summary>The marker type of the UI's strings. Keys are the Chinese text; other languages translate them in Resources/.</summary>
public sealed class SharedResource;
