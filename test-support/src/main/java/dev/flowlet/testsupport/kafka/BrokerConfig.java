package dev.flowlet.testsupport.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code server.properties} of a one-node KRaft cluster: one process is broker and controller,
 * both listeners on the loopback interface. An optional third listener is advertised on another
 * port, where a TCP proxy forwards to it: clients that bootstrap through the proxy are told to
 * reconnect through it too, while the broker's own traffic (transaction markers) stays direct.
 */
final class BrokerConfig {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final String PROXIED_LISTENER = "PROXIED";

  private BrokerConfig() {}

  static Properties forSingleNode(Path logDir, int brokerPort, int controllerPort) {
    return forSingleNode(logDir, brokerPort, controllerPort, null);
  }

  static Properties forSingleNode(
      Path logDir, int brokerPort, int controllerPort, KafkaBroker.ProxiedListener proxied) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    // A static voter set keeps the controller's address out of the stored metadata, so a restart on
    // the same log dir may use another controller port.
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    String listeners =
        "PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://127.0.0.1:"
            + controllerPort;
    String advertised = "PLAINTEXT://127.0.0.1:" + brokerPort;
    String protocols = "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
    if (proxied != null) {
      listeners += "," + PROXIED_LISTENER + "://127.0.0.1:" + proxied.port();
      advertised += "," + PROXIED_LISTENER + "://127.0.0.1:" + proxied.advertisedPort();
      protocols += "," + PROXIED_LISTENER + ":PLAINTEXT";
    }
    props.put("listeners", listeners);
    props.put("advertised.listeners", advertised);
    props.put("listener.security.protocol.map", protocols);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());

    // With one broker, exactly-once (transactions, Streams exactly_once_v2) hangs silently unless
    // the internal topics accept a single replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // 50 partitions per internal topic (the default) only slow down the first group and the first
    // transaction on a one-node cluster.
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");

    // Several partitions per topic, so keyed ordering and rebalancing are really exercised.
    props.put("num.partitions", "3");
    props.put("auto.create.topics.enable", "true");
    props.put("group.initial.rebalance.delay.ms", "0");
    // The log cleaner allocates this buffer up front; the 128 MB default is sized for production.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    return props;
  }
}
