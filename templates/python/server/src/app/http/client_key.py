import ipaddress


def client_key(address: str | None) -> str:
    """The rate-limit key for a peer address, always the socket's (never a header a
    client can set). One IPv6 host usually owns a whole /64, so keying by the full
    address would hand it billions of fresh windows; an IPv4-mapped address counts
    as the IPv4 address it is."""
    if not address:
        return "unknown"
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv4Address):
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((ip, 64), strict=False))
