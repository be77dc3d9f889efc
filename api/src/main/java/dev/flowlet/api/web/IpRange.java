package dev.flowlet.api.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}, or a bare
 * address). Only literal addresses are parsed, never host names: an address read from a header must
 * not cause a DNS lookup.
 */
record IpRange(byte[] network, int prefixLength) {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

  /** Parses {@code address[/prefix]}; throws {@link IllegalArgumentException} when malformed. */
  static IpRange parse(String cidr) {
    String[] parts = cidr.strip().split("/", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("Not an address range: " + cidr);
    }
    InetAddress address =
        literal(parts[0])
            .orElseThrow(() -> new IllegalArgumentException("Not an IP address: " + cidr));
    int bits = address.getAddress().length * 8;
    int prefix;
    try {
      prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a prefix length: " + cidr, e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("Prefix length out of range: " + cidr);
    }
    return new IpRange(address.getAddress(), prefix);
  }

  /** The address a literal names, or empty when it is not an IPv4 or IPv6 literal. */
  static Optional<InetAddress> literal(String text) {
    String candidate = text.strip();
    if (candidate.startsWith("[") && candidate.endsWith("]")) {
      candidate = candidate.substring(1, candidate.length() - 1);
    }
    boolean ipv4 = IPV4.matcher(candidate).matches();
    boolean ipv6 = candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
    if (!ipv4 && !ipv6) {
      return Optional.empty();
    }
    try {
      // Checked above to start with a digit or ':', so InetAddress parses it as a literal or
      // fails: it never looks it up as a host name.
      return Optional.of(InetAddress.getByName(candidate));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remainingBits)) & 0xFF;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }
}
