package dev.traced.internal.weaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weaving cache's key changes with every change to what the class path holds, and only then. */
class ClassPathFingerprintTest {

  private static final FileTime EARLIER = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

  @TempDir Path root;

  @Test
  void theSameClassPathGivesTheSameValue() throws IOException {
    Path classes = classesDirectory();
    Path jar = jar("lib.jar", null);

    assertThat(fingerprint(classes, jar)).isEqualTo(fingerprint(classes, jar)).hasSize(16).matches("\\p{XDigit}+");
  }

  @Test
  void aClassChangedAddedOrRemovedInADirectoryChangesIt() throws IOException {
    Path classes = classesDirectory();
    String before = fingerprint(classes);

    Files.setLastModifiedTime(classes.resolve("com/acme/Orders.class"), EARLIER);
    String touched = fingerprint(classes);
    Files.writeString(classes.resolve("com/acme/Invoices.class"), "invoices");
    String added = fingerprint(classes);
    Files.delete(classes.resolve("com/acme/Invoices.class"));

    assertThat(List.of(before, touched, added)).doesNotHaveDuplicates();
    assertThat(fingerprint(classes)).isEqualTo(touched);
  }

  @Test
  void aJarOfTheSameNameWithOtherContentsChangesIt() throws IOException {
    Path jar = jar("lib.jar", null);
    String before = fingerprint(jar);

    Files.writeString(jar, "another build");
    Files.setLastModifiedTime(jar, EARLIER);

    assertThat(fingerprint(jar)).isNotEqualTo(before);
  }

  @Test
  void theLibrariesAnExecutableJarNamesInItsManifestCount() throws IOException {
    Path library = jar("lib/library.jar", null);
    Path application = jar("application.jar", "lib/library.jar lib/missing.jar not%a%url");
    String before = fingerprint(application);

    Files.setLastModifiedTime(library, EARLIER);
    String libraryChanged = fingerprint(application);
    jar("lib/missing.jar", null);

    assertThat(List.of(before, libraryChanged, fingerprint(application))).doesNotHaveDuplicates();
  }

  @Test
  void theConfigurationGivenBesideTheClassPathCounts() throws IOException {
    Path classes = classesDirectory();

    assertThat(ClassPathFingerprint.of(List.of(classes), List.of("aspectj 1.9.27")))
        .isNotEqualTo(ClassPathFingerprint.of(List.of(classes), List.of("aspectj 1.9.28")));
  }

  @Test
  void aMissingEntryCountsAsMissingUntilItIsThere() throws IOException {
    Path later = root.resolve("later");
    String missing = fingerprint(later);

    Files.createDirectories(later);

    assertThat(fingerprint(later)).isNotEqualTo(missing);
  }

  private Path classesDirectory() throws IOException {
    Path classes = root.resolve("classes");
    Files.createDirectories(classes.resolve("com/acme"));
    Files.writeString(classes.resolve("com/acme/Orders.class"), "orders");
    return classes;
  }

  private Path jar(String name, String classPath) throws IOException {
    Path jar = root.resolve(name);
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }

  private static String fingerprint(Path... entries) {
    return ClassPathFingerprint.of(List.of(entries), List.of());
  }
}
