package dev.flowlet.api.attacks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/** What an answer to an injected payload may and may not be. */
final class InjectionChecks {

  private InjectionChecks() {}

  /**
   * A 4xx problem that does not repeat the payload, or a 2xx with no more items than an innocent
   * value got just before ({@code baseline}) or just after ({@code after}); never a 5xx.
   */
  static void assertSafe(
      SoftAssertions softly,
      String what,
      String payload,
      AttackClient.Response answer,
      AttackClient.Response baseline,
      AttackClient.Response after) {
    softly.assertThat(answer.status()).as(what).isLessThan(500);
    if (answer.status() >= 400) {
      assertRefusal(softly, what, payload, answer);
      return;
    }
    softly
        .assertThat(baseline.status() < 300 || after.status() < 300)
        .as(what + ": a payload succeeds where an innocent value fails (" + baseline + ")")
        .isTrue();
    softly
        .assertThat(items(answer))
        .as(what + ": more items than for an innocent value")
        .isLessThanOrEqualTo(Math.max(items(baseline), items(after)));
    if (Payloads.isDistinctive(payload) && !after.body().contains(payload)) {
      softly.assertThat(answer.body()).as(what + " echoes the payload").doesNotContain(payload);
    }
  }

  /** A 4xx problem+json that does not repeat the payload. */
  static void assertRefusal(
      SoftAssertions softly, String what, String payload, AttackClient.Response answer) {
    softly.assertThat(answer.status()).as(what).isBetween(400, 499);
    softly.assertThat(answer.isProblem()).as(what + " is problem+json").isTrue();
    if (Payloads.isDistinctive(payload)) {
      softly.assertThat(answer.body()).as(what + " echoes the payload").doesNotContain(payload);
    }
  }

  static String withParameter(String path, String name, String value) {
    Map<String, String> parameter = new LinkedHashMap<>();
    parameter.put(name, value);
    return path + (path.contains("?") ? "&" : "?") + Targets.query(parameter);
  }

  /** Items in an answer: the length of a top-level array, or of the arrays an object holds. */
  static int items(AttackClient.Response answer) {
    if (answer.status() >= 300 || !answer.contentType().contains("json")) {
      return 0;
    }
    JsonNode json = answer.json();
    if (json.isArray()) {
      return json.size();
    }
    int items = 0;
    for (var field : json.properties()) {
      items += field.getValue().isArray() ? field.getValue().size() : 0;
    }
    return items;
  }

  /** The payload for a message: NUL made visible, long ones cut short. */
  static String abbreviated(String payload) {
    String printable = payload.replace("\u0000", "\\0");
    return printable.length() > 40
        ? printable.substring(0, 40) + "...(" + payload.length() + ")"
        : printable;
  }
}
