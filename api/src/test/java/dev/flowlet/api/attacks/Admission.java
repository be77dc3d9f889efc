package dev.flowlet.api.attacks;

import dev.flowlet.api.attacks.Targets.Ids;
import dev.flowlet.api.auth.DeclaredAccess;
import java.util.Arrays;
import java.util.Optional;

/** Who the declared access matrix admits to an operation of the document. */
final class Admission {

  private final Targets targets;

  Admission(Targets targets) {
    this.targets = targets;
  }

  /** The matrix line for the operation on the fixtures' ids, or empty when no line matches. */
  Optional<DeclaredAccess.Expectation> expectation(ApiOperations.Operation operation) {
    String path = targets.path(operation, Ids.EXISTING).orElseThrow();
    int query = path.indexOf('?');
    return DeclaredAccess.of(operation.method(), query < 0 ? path : path.substring(0, query));
  }

  static boolean admits(DeclaredAccess.Expectation expected, Caller caller) {
    return caller == Caller.ANONYMOUS ? expected.isPublic() : expected.admits(caller.role);
  }

  /** The first caller the matrix admits (a signed-in one before nobody), if any. */
  Optional<Caller> firstAdmitted(ApiOperations.Operation operation) {
    return expectation(operation)
        .flatMap(
            expected ->
                Arrays.stream(Caller.values())
                    .filter(caller -> admits(expected, caller))
                    .findFirst());
  }
}
