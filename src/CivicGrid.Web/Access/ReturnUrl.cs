namespace CivicGrid.Web.Access;

/// <summary>Where sign-in may send the browser afterwards: only to a path of this site.</summary>
public static class ReturnUrl
{
    /// <summary>
    /// A path of this site: one leading slash, not followed by a slash or a backslash (browsers read "/\host" as
    /// "//host"), and no control characters or spaces (browsers drop tabs and newlines, which would join the slashes).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
