"""The conformance datagram vectors as the shell-level tests send them."""


def encoded_name(name, suffix=0):
    """RFC 1001 first-level encoding of NAME<suffix>, no scope (34 bytes)."""
    raw = name.upper().encode()[:15].ljust(15, b" ") + bytes([suffix])
    return bytes([0x20]) + bytes(c for b in raw for c in (0x41 + (b >> 4), 0x41 + (b & 15))) + b"\0"


def addressed(vector, computer):
    """The vector's datagram readdressed to computer<00> (a host keeps only datagrams to names it
    holds); BROADCAST datagrams (for every node) stay as they are."""
    raw = bytes.fromhex(vector["hex"])
    if raw[0] == 0x12:
        return raw
    return raw[:48] + encoded_name(computer) + raw[82:]
