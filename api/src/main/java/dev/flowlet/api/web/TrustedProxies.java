package dev.flowlet.api.web;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client behind trusted proxies. {@code X-Forwarded-For} is read from the right: each
 * proxy appends the address it received the request from, so the rightmost address that is not a
 * trusted proxy is the client; everything left of it was written by the client and may be forged. A
 * peer that is not a trusted proxy is itself the client, whatever headers it sends.
 */
final class TrustedProxies {

  private final List<IpRange> ranges;

  TrustedProxies(List<String> cidrs) {
    this.ranges = cidrs.stream().map(IpRange::parse).toList();
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  boolean trusts(String address) {
    return IpRange.literal(address).map(this::trusts).orElse(false);
  }

  private boolean trusts(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }

  /**
   * The client's address.
   *
   * @param peer the address the connection comes from
   * @param forwardedFor the {@code X-Forwarded-For} entries, left to right, across all such headers
   */
  String client(String peer, List<String> forwardedFor) {
    if (!trusts(peer)) {
      return peer;
    }
    String client = peer;
    for (int i = forwardedFor.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpRange.literal(forwardedFor.get(i));
      if (hop.isEmpty()) {
        // Garbage in the chain: the last address known good is as far as we can trust.
        return client;
      }
      client = hop.get().getHostAddress();
      if (!trusts(hop.get())) {
        return client;
      }
    }
    return client;
  }
}
