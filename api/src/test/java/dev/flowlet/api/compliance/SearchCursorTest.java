package dev.flowlet.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

  private static final String FILTERS = "flowlet-audit|12:demo-officer|-|-|-|-|-|-";
  private static final SearchCursor.Position POSITION =
      new SearchCursor.Position(1_764_150_000_123L, "0d7b4a3e-2c51-4f0e-9a7b-3c1d2e4f5a6b");

  @Test
  void givesBackThePositionItEncodedForTheSameFilters() {
    String cursor = SearchCursor.encode(POSITION, FILTERS);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(SearchCursor.decode(cursor, FILTERS)).isEqualTo(POSITION);
  }

  @Test
  void refusesACursorHandedOutForOtherFilters() {
    String cursor = SearchCursor.encode(POSITION, FILTERS);

    assertRefused(
        () -> SearchCursor.decode(cursor, FILTERS.replace("demo-officer", "demo-auditor")));
  }

  @Test
  void refusesATruncatedCursor() {
    String cursor = SearchCursor.encode(POSITION, FILTERS);

    assertRefused(() -> SearchCursor.decode(cursor.substring(0, cursor.length() - 3), FILTERS));
    assertRefused(() -> SearchCursor.decode(cursor.substring(0, 10), FILTERS));
  }

  @Test
  void refusesACursorWhosePositionWasEdited() {
    String plain =
        new String(
            Base64.getUrlDecoder().decode(SearchCursor.encode(POSITION, FILTERS)),
            StandardCharsets.UTF_8);
    String edited = plain.replace("1764150000123", "1764150000999");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(edited.getBytes(StandardCharsets.UTF_8));

    assertRefused(() -> SearchCursor.decode(forged, FILTERS));
  }

  @Test
  void refusesTextThatIsNoCursor() {
    assertRefused(() -> SearchCursor.decode("not a cursor!", FILTERS));
    assertRefused(() -> SearchCursor.decode("' OR 1=1 --", FILTERS));
    assertRefused(() -> SearchCursor.decode("", FILTERS));
    assertRefused(() -> SearchCursor.decode("A".repeat(5000), FILTERS));
    assertRefused(
        () ->
            SearchCursor.decode(
                Base64.getUrlEncoder().encodeToString("1\nabc\nid\nsum".getBytes()), FILTERS));
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BadSearchParameter.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
  }
}
