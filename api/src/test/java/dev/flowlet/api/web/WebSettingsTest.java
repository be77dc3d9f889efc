package dev.flowlet.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebSettingsTest {

  @Test
  void bindsTheProductionProxiesFromOneCommaSeparatedValue() {
    WebSettings settings = bind(Map.of("flowlet.api.trusted-proxies", "127.0.0.1/32,::1/128"));

    assertThat(settings.trustedProxies()).containsExactly("127.0.0.1/32", "::1/128");
    assertThat(new TrustedProxies(settings.trustedProxies()).trusts("::1")).isTrue();
  }

  @Test
  void trustsNoProxyAndAllows64KbByDefault() {
    WebSettings settings = bind(Map.of("flowlet.api.trusted-proxies", ""));

    assertThat(settings.trustedProxies()).isEmpty();
    assertThat(settings.maxRequestSize().toBytes()).isEqualTo(64 * 1024);
  }

  private static WebSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("flowlet.api", WebSettings.class);
  }
}
