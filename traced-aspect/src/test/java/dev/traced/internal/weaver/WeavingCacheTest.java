package dev.traced.internal.weaver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.traced.testing.StandardError;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaving cache's settings, each mistake answered in one line, and the class paths it can key
 * (the cache at work, under the weaver: {@code dev.traced.weaving.WeavingCacheTest}).
 */
class WeavingCacheTest {

  @TempDir Path root;

  @Test
  void switchedOnWithADirectoryTheCacheLivesThere() {
    Path directory = root.resolve("weaving-cache");

    assertThat(quietly(() -> WeavingCache.directory("true", directory.toString()))).isEqualTo(directory);
    assertThat(directory).isDirectory();
  }

  @Test
  void falseMeansNoCacheAlthoughAspectJWouldCacheForAnyValue() {
    assertThat(errorOutput(() -> WeavingCache.directory("false", root.toString()))).isEmpty();
    assertThat(quietly(() -> WeavingCache.directory(null, root.toString()))).isNull();
  }

  @Test
  void eachMistakeIsOneLineAndMeansNoCache() throws IOException {
    Path everyones = Files.createDirectories(root.resolve("everyones"));
    Files.setPosixFilePermissions(everyones, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path file = Files.writeString(root.resolve("a-file"), "");

    assertThat(errorOutput(() -> WeavingCache.directory("ture", root.toString())))
        .containsExactly("traced: -Daj.weaving.cache.enabled=\"ture\" is not understood (use true/false, 1/0, on/off or yes/no); weaving without a cache");
    assertThat(errorOutput(() -> WeavingCache.directory("true", null)))
        .containsExactly("traced: -Daj.weaving.cache.enabled is set without -Daj.weaving.cache.dir; weaving without a cache");
    assertThat(errorOutput(() -> WeavingCache.directory("true", everyones.toString())))
        .containsExactly("traced: weaving cache " + everyones
            + " is writable by other users than this one, and this JVM would run the classes found there; weaving without a cache");
    assertThat(errorOutput(() -> WeavingCache.directory("true", file.toString())))
        .singleElement().asString().startsWith("traced: weaving cache " + file + " cannot be used as a directory (").endsWith("); weaving without a cache");
  }

  @Test
  void aDirectoryAnotherUserOwnsIsRefused() throws IOException {
    Path theirs = Files.createDirectories(root.resolve("theirs"));
    try {
      Files.setAttribute(theirs, "unix:uid", 65534);
    } catch (IOException | UnsupportedOperationException notPermitted) {
      assumeTrue(false, "giving a directory to another user needs root on a Unix file system");
    }

    assertThat(errorOutput(() -> WeavingCache.directory("true", theirs.toString())))
        .containsExactly("traced: weaving cache " + theirs
            + " is writable by other users than this one, and this JVM would run the classes found there; weaving without a cache");
  }

  @Test
  void theApplicationsClassPathIsKnownAndSoAreFilesOfAUrlClassLoader() throws Exception {
    Path jar = root.resolve("application.jar");
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {root.toUri().toURL(), new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes!/")}, null)) {
      assertThat(WeavingCache.ClassPathKeys.classPathOf(loader)).containsExactly(root, jar);
    }
    assertThat(WeavingCache.ClassPathKeys.classPathOf(ClassLoader.getSystemClassLoader()))
        .contains(Path.of(ClassPathFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
  }

  @Test
  void aLoaderReadingFromElsewhereWeavesWithoutACache() throws Exception {
    try (URLClassLoader remote = new URLClassLoader(new URL[] {new URL("https://repo.example/classes/")}, null)) {
      assertThat(WeavingCache.ClassPathKeys.classPathOf(remote)).isNull();
    }
    assertThat(WeavingCache.ClassPathKeys.classPathOf(new ClassLoader(null) {})).isNull();
    assertThat(new WeavingCache.ClassPathKeys(true).createClassLoaderScope(new ClassLoader(null) {}, List.of())).isNull();
  }

  @Test
  void withTheCacheOffNoScopeIsMade() {
    assertThat(new WeavingCache.ClassPathKeys(false).createClassLoaderScope(ClassLoader.getSystemClassLoader(), List.of())).isNull();
    assertThat(new WeavingCache.ClassPathKeys(true).createClassLoaderScope(ClassLoader.getSystemClassLoader(), List.of("com.acme.Aspect")))
        .startsWith("AppClassLoader.");
  }

  private static List<String> errorOutput(Runnable action) {
    return StandardError.of(action).lines().toList();
  }

  private static Path quietly(Supplier<Path> action) {
    Path[] result = new Path[1];
    assertThat(errorOutput(() -> result[0] = action.get())).isEmpty();
    return result[0];
  }
}
