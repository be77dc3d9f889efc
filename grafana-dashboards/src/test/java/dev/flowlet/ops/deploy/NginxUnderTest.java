package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * deploy/nginx/flowlet.conf run by a real nginx for tests: in the foreground, from a temp folder
 * (certificate, logs, pid), on free loopback ports, in front of a given backend port.
 */
final class NginxUnderTest implements AutoCloseable {

  static final Path SITE = Repository.deploy("nginx/flowlet.conf");

  private final Process process;
  private final int httpPort;
  private final int httpsPort;
  private final SSLContext trustingItsCertificate;

  private NginxUnderTest(
      Process process, int httpPort, int httpsPort, SSLContext trustingItsCertificate) {
    this.process = process;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.trustingItsCertificate = trustingItsCertificate;
  }

  /** Starts nginx with the site in {@code folder}, proxying the API to {@code apiPort}. */
  static NginxUnderTest start(Path folder, int apiPort) throws Exception {
    selfSignedCertificate(folder);
    int httpPort = freePort();
    int httpsPort = freePort();
    String site = withTestPaths(Files.readString(SITE), folder);
    site = replaceRequired(site, "\\n\\s*listen \\[::\\]:\\d+[^;]*;", "");
    site = replaceRequired(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
    site = replaceRequired(site, "listen 443 ssl", "listen 127.0.0.1:" + httpsPort + " ssl");
    site = replaceRequired(site, "server 127\\.0\\.0\\.1:5001", "server 127.0.0.1:" + apiPort);
    Path config = wrapper(folder, site, true);

    Path log = folder.resolve("nginx.out");
    Process process =
        DebianTool.NGINX.start(
            folder, log, "-c", config.toString(), "-p", folder + "/", "-e", "stderr");
    await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive() || accepts(httpsPort));
    if (!process.isAlive()) {
      fail("nginx did not start:\n" + Files.readString(log));
    }
    return new NginxUnderTest(
        process, httpPort, httpsPort, sslContextTrusting(folder.resolve("fullchain.pem")));
  }

  int httpPort() {
    return httpPort;
  }

  int httpsPort() {
    return httpsPort;
  }

  SSLContext trustingItsCertificate() {
    return trustingItsCertificate;
  }

  /** Runs {@code nginx -t} on the site as written (only certificate and log paths moved). */
  static Run configurationTest(Path folder) throws IOException {
    selfSignedCertificate(folder);
    Path config = wrapper(folder, withTestPaths(Files.readString(SITE), folder), false);
    return DebianTool.NGINX.run(
        folder, "-t", "-c", config.toString(), "-p", folder + "/", "-e", "stderr");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The site with its certificate and log paths moved into {@code folder}. */
  private static String withTestPaths(String site, Path folder) {
    String moved = replaceRequired(site, "/etc/ssl/flowlet/", folder + "/");
    return replaceRequired(moved, "/var/log/nginx/", folder + "/");
  }

  /** A minimal nginx.conf that includes the site, as /etc/nginx/nginx.conf does on Debian. */
  private static Path wrapper(Path folder, String site, boolean foreground) throws IOException {
    Path siteFile = folder.resolve("flowlet.conf");
    Files.writeString(siteFile, site);
    String main =
        (foreground ? "daemon off;\nmaster_process off;\n" : "")
            + """
            pid %1$s/nginx.pid;
            error_log stderr;
            events {}
            http {
              access_log %1$s/access.log;
              client_body_temp_path %1$s/client-body;
              proxy_temp_path %1$s/proxy;
              fastcgi_temp_path %1$s/fastcgi;
              uwsgi_temp_path %1$s/uwsgi;
              scgi_temp_path %1$s/scgi;
              include %2$s;
            }
            """
                .formatted(folder, siteFile);
    Path config = folder.resolve("nginx.conf");
    Files.writeString(config, main);
    return config;
  }

  private static String replaceRequired(String text, String regex, String replacement) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      fail("deploy/nginx/flowlet.conf no longer contains /" + regex + "/; adapt this test");
    }
    return matcher.replaceAll(Matcher.quoteReplacement(replacement));
  }

  private static void selfSignedCertificate(Path folder) {
    Run run =
        DebianTool.OPENSSL.run(
            folder,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            "privkey.pem",
            "-out",
            "fullchain.pem",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost");
    assertThat(run.succeeded()).as(run.describe()).isTrue();
  }

  private static SSLContext sslContextTrusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "flowlet-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
