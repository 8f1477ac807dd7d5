namespace CivicGrid.Core.PublicServices.Catalogue;

/// <summary>How a service reaches the people entitled to it.</summary>
public enum DeliveryMode
{
    /// <summary>免申即享: offered to everyone eligible without an application.</summary>
    Proactive,
    /// <summary>入户送达: offered by the grid worker on a visit.</summary>
    OnVisit,
    /// <summary>依申请: the resident applies.</summary>
    OnApplication,
}

public static class DeliveryModes
{
    public static string ChineseName(this DeliveryMode mode) => mode switch
    {
        DeliveryMode.Proactive => "免申即享",
        DeliveryMode.OnVisit => "入户送达",
        _ => "依申请",
    };
}
