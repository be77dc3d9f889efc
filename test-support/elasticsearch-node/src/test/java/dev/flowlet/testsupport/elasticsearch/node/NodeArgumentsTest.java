package dev.flowlet.testsupport.elasticsearch.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

class NodeArgumentsTest {

  @Test
  void buildsALoopbackSingleNodeFromTheCommandLine() {
    NodeArguments arguments =
        NodeArguments.parse(
            List.of("--http-port", "9200", "--home", "/srv/es/home", "--data", "/srv/es/data"));

    Settings settings = arguments.settings();
    assertThat(arguments.exitOnStdinEof()).isTrue();
    assertThat(settings.get("http.port")).isEqualTo("9200");
    assertThat(settings.get("path.home")).isEqualTo(Path.of("/srv/es/home").toString());
    assertThat(settings.get("path.data")).isEqualTo(Path.of("/srv/es/data").toString());
    assertThat(settings.get("cluster.name")).isEqualTo("flowlet");
    assertThat(settings.get("discovery.type")).isEqualTo("single-node");
    assertThat(settings.get("network.host")).isEqualTo("127.0.0.1");
    assertThat(settings.get("cluster.routing.allocation.disk.threshold_enabled"))
        .isEqualTo("false");
  }

  @Test
  void takesAClusterNameAndCanIgnoreStandardInput() {
    NodeArguments arguments =
        NodeArguments.parse(
            List.of(
                "--no-stdin-watch",
                "--cluster-name",
                "flowlet-local",
                "--http-port",
                "0",
                "--home",
                "h",
                "--data",
                "d"));

    assertThat(arguments.exitOnStdinEof()).isFalse();
    assertThat(arguments.settings().get("cluster.name")).isEqualTo("flowlet-local");
    assertThat(arguments.settings().get("node.name")).isEqualTo("flowlet-local-node");
  }

  @Test
  void rejectsAMissingDataFolderWithTheUsage() {
    assertThatThrownBy(() -> NodeArguments.parse(List.of("--http-port", "9200", "--home", "h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--data")
        .hasMessageContaining("usage:");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(
            () ->
                NodeArguments.parse(List.of("--http-port", "70000", "--home", "h", "--data", "d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..65535");
  }
}
