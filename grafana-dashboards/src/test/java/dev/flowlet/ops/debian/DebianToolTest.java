package dev.flowlet.ops.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DebianToolTest {

  @Test
  void failsTheTestWithTheInstallCommandWhenTheToolIsMissing() {
    DebianTool missing = new DebianTool("flowlet-no-such-tool", "flowlet-tools");

    assertThatThrownBy(missing::executable)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("flowlet-no-such-tool is not installed")
        .hasMessageContaining("apt-get install -y flowlet-tools");
  }

  @Test
  void reportsExitCodeAndOutputOfARun() {
    DebianTool.Run run =
        DebianTool.BASH.run(Path.of("."), "-c", "echo to-stdout; echo to-stderr >&2; exit 3");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.succeeded()).isFalse();
    assertThat(run.output()).contains("to-stdout", "to-stderr");
  }
}
