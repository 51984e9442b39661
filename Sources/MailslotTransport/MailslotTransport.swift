// Local mailslots and remote mailslots over the NetBIOS datagram service.
