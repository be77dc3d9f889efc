package dev.flowlet.testsupport.elasticsearch.node;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lays out the HTTP/transport plugin as an Elasticsearch module folder, {@code
 * <home>/modules/transport-netty4}, the way a distribution ships it.
 *
 * <p>Only the server and this plugin are published to Maven Central, and the plugin must be loaded
 * by Elasticsearch's plugin loader, in a class loader of its own, not from the node's classpath.
 * Its jars (the plugin, {@code elasticsearch-ssl-config}, Netty) are listed in {@link
 * #CLASSPATH_RESOURCE} by the build. The descriptor is the one published inside the plugin jar,
 * minus {@code modulename}: the server runs from the classpath here, not as a named module, so the
 * plugin is loaded as a classic (non-modular) plugin.
 */
final class TransportNetty4Module {

  static final String NAME = "transport-netty4";
  static final String CLASSPATH_RESOURCE = "transport-netty4-module.classpath";
  private static final String DESCRIPTOR = "plugin-descriptor.properties";
  private static final String PUBLISHED_DESCRIPTOR =
      "META-INF/es-plugins/" + NAME + "/" + DESCRIPTOR;

  private TransportNetty4Module() {}

  /** Rewrites the module folder from scratch, so it always matches the jars of this build. */
  static Path installInto(Path modulesDir) throws IOException {
    List<Path> jars = moduleJars();
    Path moduleDir = modulesDir.resolve(NAME);
    deleteFolder(moduleDir);
    Files.createDirectories(moduleDir);
    for (Path jar : jars) {
      Files.copy(jar, moduleDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(moduleDir.resolve(DESCRIPTOR), classicDescriptor(jars));
    return moduleDir;
  }

  private static List<Path> moduleJars() throws IOException {
    try (InputStream in =
        TransportNetty4Module.class.getResourceAsStream("/" + CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            CLASSPATH_RESOURCE
                + " is missing from the classpath: rebuild flowlet-elasticsearch-node");
      }
      String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      List<Path> jars =
          Arrays.stream(classpath.split(File.pathSeparator))
              .filter(entry -> !entry.isBlank())
              .map(Path::of)
              .toList();
      for (Path jar : jars) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(
              jar + " (listed in " + CLASSPATH_RESOURCE + ") does not exist: rebuild the module");
        }
      }
      return jars;
    }
  }

  private static String classicDescriptor(List<Path> jars) throws IOException {
    for (Path jar : jars) {
      try (FileSystem zip = FileSystems.newFileSystem(jar)) {
        Path descriptor = zip.getPath(PUBLISHED_DESCRIPTOR);
        if (Files.exists(descriptor)) {
          try (Stream<String> lines = Files.lines(descriptor)) {
            return lines
                    .filter(line -> !line.startsWith("modulename="))
                    .collect(Collectors.joining("\n"))
                + "\n";
          }
        }
      }
    }
    throw new IllegalStateException(
        "no jar in " + CLASSPATH_RESOURCE + " has " + PUBLISHED_DESCRIPTOR);
  }

  private static void deleteFolder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
