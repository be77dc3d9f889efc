package dev.flowlet.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      new TrustedProxies(List.of("127.0.0.1/32", "::1/128", "10.0.0.0/8"));

  @Test
  void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
    assertThat(proxies.client("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
  }

  @Test
  void takesTheRightmostAddressThatIsNotATrustedProxy() {
    assertThat(proxies.client("127.0.0.1", List.of("6.6.6.6", "198.51.100.7", "10.1.2.3")))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void fallsBackToTheLeftmostWhenEveryHopIsTrusted() {
    assertThat(proxies.client("127.0.0.1", List.of("10.0.0.9", "10.0.0.8"))).isEqualTo("10.0.0.9");
  }

  @Test
  void usesThePeerWhenATrustedProxySendsNoForwardedFor() {
    assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
  }

  @Test
  void stopsAtAnEntryThatIsNotAnAddress() {
    assertThat(proxies.client("127.0.0.1", List.of("198.51.100.7", "evil.example.com", "10.0.0.1")))
        .isEqualTo("10.0.0.1");
  }

  @Test
  void matchesIpv6AndBracketedAddresses() {
    assertThat(proxies.trusts("::1")).isTrue();
    assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(proxies.client("::1", List.of("[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void matchesCidrRangesAtTheirEdges() {
    TrustedProxies range = new TrustedProxies(List.of("192.168.4.0/22"));

    assertThat(range.trusts("192.168.4.0")).isTrue();
    assertThat(range.trusts("192.168.7.255")).isTrue();
    assertThat(range.trusts("192.168.8.0")).isFalse();
    assertThat(range.trusts("192.168.3.255")).isFalse();
    assertThat(range.trusts("::ffff:192.168.5.1")).isTrue();
  }

  @Test
  void neverTreatsHostNamesOrMalformedTextAsAddresses() {
    assertThat(IpRange.literal("localhost")).isEmpty();
    assertThat(IpRange.literal("abc")).isEmpty();
    assertThat(IpRange.literal(".:")).isEmpty();
    assertThat(IpRange.literal("1.2.3")).isEmpty();
    assertThat(IpRange.literal("01.2.3.4")).isEmpty();
    assertThat(IpRange.literal("256.1.1.1")).isEmpty();
    assertThat(IpRange.literal("1:2")).isEmpty();
    assertThat(IpRange.literal("fe80::1%eth0")).isEmpty();
  }

  @Test
  void refusesMalformedRangesInTheSettings() {
    assertThatThrownBy(() -> new TrustedProxies(List.of("nginx.internal")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
