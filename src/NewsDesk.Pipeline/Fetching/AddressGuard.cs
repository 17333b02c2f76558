using System.Net;
using System.Net.Sockets;

namespace NewsDesk.Fetching;

/// <summary>
/// Decides whether NewsDesk may connect to an address. Checked on the resolved address of every direct connection
/// (in the socket connect callback), so a redirect or a DNS name that points inward is caught as well; with a proxy,
/// on the target's addresses before the request is handed to the proxy (<see cref="ProxyTargetGuard"/>).
/// </summary>
public static class AddressGuard
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) // link-local, including the cloud metadata address
                || b[0] >= 224); // multicast and reserved
        }

        // A translator or tunnel on the path delivers these to the IPv4 address they carry, so that address decides.
        if (EmbeddedIPv4(address) is { } embedded)
        {
            return IsPublic(embedded);
        }

        var v6 = address.GetAddressBytes();

        // The local-use NAT64 prefix (RFC 8215) only ever leads into the operator's own network.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4] == 0x00 && v6[5] == 0x01)
        {
            return false;
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }

    /// <summary>
    /// The IPv4 address inside a NAT64 (<c>64:ff9b::/96</c>), 6to4 (<c>2002::/16</c>), IPv4-compatible (<c>::a.b.c.d</c>)
    /// or SIIT (<c>::ffff:0:a.b.c.d</c>) address; null for any other IPv6 address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var siit = b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0;
        return nat64 || compatible || siit ? new IPAddress(b.AsSpan(12, 4)) : null;
    }

    /// <summary>The addresses a URL host stands for: itself when it is a literal, else what DNS answers.</summary>
    public static async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
}
