package dev.traced.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The sample jar woven at compile time: ajc weaves its classes (binary weaving, {@code -inpath})
 * with traced-aspect on the aspect path, as a build with the AspectJ Maven plugin would, so that
 * the services run traced with no weaver at run time.
 */
final class CompileTimeWeaving {

  private CompileTimeWeaving() {}

  /**
   * Writes the woven jar into {@code directory}: the sample jar's classes woven, its resources and
   * its manifest, with a link to the sample's {@code lib/} beside it, as its manifest's class path
   * names. (A class path of absolute URLs would keep class-data sharing from archiving it.)
   */
  static Path weave(Path sampleJar, Path directory) throws IOException {
    Manifest manifest;
    try (JarFile jar = new JarFile(sampleJar.toFile())) {
      manifest = jar.getManifest();
    }
    List<Path> libraries = new ArrayList<>();
    for (String entry : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH).split(" +")) {
      libraries.add(sampleJar.resolveSibling(entry));
    }
    Path aspect =
        libraries.stream()
            .filter(library -> library.getFileName().toString().startsWith("traced-aspect-"))
            .findFirst()
            .orElseThrow(() -> new IOException("no traced-aspect jar on the class path of " + sampleJar));
    Path classes = Files.createDirectories(directory.resolve("woven-classes"));
    ajc(
        "-inpath", sampleJar.toString(),
        "-aspectpath", aspect.toString(),
        "-classpath", String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()),
        "-d", classes.toString(),
        "--release", "17",
        "-XnotReweavable",
        "-nowarn");
    Files.createSymbolicLink(directory.resolve("lib"), sampleJar.resolveSibling("lib"));
    Path woven = directory.resolve("sample-vertx-compile-time-woven.jar");
    try (OutputStream out = Files.newOutputStream(woven);
        JarOutputStream jar = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        if (name.equals(JarFile.MANIFEST_NAME)) {
          continue;
        }
        jar.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(file)) {
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
    return woven;
  }

  static void ajc(String... arguments) throws IOException {
    List<String> failures = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int status =
        org.aspectj.tools.ajc.Main.bareMain(arguments, false, failures, errors, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (status != 0 || !failures.isEmpty() || !errors.isEmpty()) {
      throw new IOException("ajc failed (" + status + "): " + failures + " " + errors);
    }
  }
}
