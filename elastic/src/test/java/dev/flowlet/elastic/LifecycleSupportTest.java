package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LifecycleSupportTest {

  @Test
  void seesNoLifecycleWhenTheClusterHasNoHandlerForIlm() {
    ClusterHttp.Reply noXpack =
        new ClusterHttp.Reply(
            400,
            "{\"error\":\"no handler found for uri [/_ilm/policy/flowlet-audit-retention] and"
                + " method [GET]\"}");

    assertThat(LifecycleSupport.availableGiven(noXpack)).isFalse();
  }

  @Test
  void seesNoLifecycleWhenAProxyAnswersAnUnknownRouteWith404() {
    assertThat(LifecycleSupport.availableGiven(new ClusterHttp.Reply(404, "Not Found"))).isFalse();
  }

  @Test
  void seesLifecycleWhenOnlyThePolicyIsMissing() {
    ClusterHttp.Reply missingPolicy =
        new ClusterHttp.Reply(
            404,
            "{\"error\":{\"type\":\"resource_not_found_exception\",\"reason\":\"Lifecycle policy"
                + " not found: flowlet-audit-retention\"},\"status\":404}");

    assertThat(LifecycleSupport.availableGiven(missingPolicy)).isTrue();
  }

  @Test
  void seesLifecycleWhenThePolicyExists() {
    assertThat(
            LifecycleSupport.availableGiven(
                new ClusterHttp.Reply(200, "{\"flowlet-audit-retention\":{\"policy\":{}}}")))
        .isTrue();
  }

  @Test
  void failsInsteadOfSkippingRetentionWhenAccessIsDenied() {
    ClusterHttp.Reply forbidden =
        new ClusterHttp.Reply(
            403,
            "{\"error\":{\"type\":\"security_exception\",\"reason\":\"action"
                + " [cluster:admin/ilm/get] is unauthorized\"},\"status\":403}");

    assertThatThrownBy(() -> LifecycleSupport.availableGiven(forbidden))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("403 security_exception");
  }
}
