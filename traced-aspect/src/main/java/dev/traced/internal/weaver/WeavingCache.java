package dev.traced.internal.weaver;

import dev.traced.internal.Setting;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.aspectj.bridge.Version;
import org.aspectj.weaver.tools.cache.CacheBacking;
import org.aspectj.weaver.tools.cache.CacheFactory;
import org.aspectj.weaver.tools.cache.CacheKeyResolver;
import org.aspectj.weaver.tools.cache.DefaultCacheKeyResolver;
import org.aspectj.weaver.tools.cache.DefaultFileCacheBacking;
import org.aspectj.weaver.tools.cache.WeavedClassCache;

/**
 * AspectJ's weaving cache ({@code -Daj.weaving.cache.enabled=true -Daj.weaving.cache.dir=DIR}),
 * made safe to leave on: {@link WeaverStartup} installs it before the weaver builds its cache.
 *
 * <p>A JVM that finds its classes in the cache skips weaving them, about half of what the
 * weaver adds to start-up ({@code docs/performance.md}). AspectJ keys its cache by each class's
 * own bytes and, for the application class loader, by nothing else: after an upgrade of traced, a
 * library or a supertype, or an edit of an {@code aop.xml}, it would hand back classes woven
 * against what is gone. Here the cache of a class loader is also keyed by the
 * {@link ClassPathFingerprint} of everything that loader reads, the weaver's jar and version, and
 * the JVM's version; any change starts a new cache. A loader whose class path is not known (one
 * that is neither the application's nor a {@link URLClassLoader} over files) weaves without one.
 *
 * <p>Classes from the cache are defined as the application's own, so a directory that another user
 * owns, or every user may write, is refused with one line, as is a cache switched on without a
 * directory.
 */
final class WeavingCache implements CacheFactory {

  /** Where the caches live, or null when none is to be used. */
  private final Path directory;

  private WeavingCache(Path directory) {
    this.directory = directory;
  }

  /** Makes AspectJ build every weaving cache of this JVM here, in the directory its settings name. */
  static void install() {
    WeavedClassCache.setDefaultCacheFactory(new WeavingCache(directory(
        System.getProperty(WeavedClassCache.WEAVED_CLASS_CACHE_ENABLED), System.getProperty(DefaultFileCacheBacking.WEAVED_CLASS_CACHE_DIR))));
  }

  @Override
  public CacheKeyResolver createResolver() {
    return new ClassPathKeys(directory != null);
  }

  @Override
  public CacheBacking createBacking(String scope) {
    return directory == null ? null : DefaultFileCacheBacking.createBacking(directory.resolve(scope).toFile());
  }

  /**
   * The cache's directory for these values of {@code aj.weaving.cache.enabled} and
   * {@code aj.weaving.cache.dir}, created if need be; null, said in one line, when there is none to use.
   */
  static Path directory(String enabled, String name) {
    // AspectJ caches for any value of its switch, "false" included; here false means no cache.
    if (!new Setting("-D" + WeavedClassCache.WEAVED_CLASS_CACHE_ENABLED, enabled).flag(false, "weaving without a cache")) {
      return null;
    }
    if (name == null || name.isBlank()) {
      report("-D" + WeavedClassCache.WEAVED_CLASS_CACHE_ENABLED + " is set without -D" + DefaultFileCacheBacking.WEAVED_CLASS_CACHE_DIR
          + "; weaving without a cache");
      return null;
    }
    try {
      Path directory = Files.createDirectories(Path.of(name));
      if (!Files.isWritable(directory)) {
        report("weaving cache " + directory + " is not writable; weaving without a cache");
        return null;
      }
      if (writableByEveryone(directory) || ownedByAnotherUser(directory)) {
        report("weaving cache " + directory + " is writable by other users than this one, and this JVM would run the classes"
            + " found there; weaving without a cache");
        return null;
      }
      return directory;
    } catch (IOException | InvalidPathException e) {
      report("weaving cache " + name + " cannot be used as a directory (" + e + "); weaving without a cache");
      return null;
    }
  }

  private static boolean writableByEveryone(Path directory) throws IOException {
    try {
      return Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException notPosix) {
      return false;
    }
  }

  /** Whether another user owns the directory (and so could put classes in it): compared with a file this JVM makes there. */
  private static boolean ownedByAnotherUser(Path directory) throws IOException {
    Path probe = Files.createTempFile(directory, ".owner", "");
    try {
      return !Files.getAttribute(directory, "unix:uid").equals(Files.getAttribute(probe, "unix:uid"));
    } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
      return false;
    } finally {
      Files.delete(probe);
    }
  }

  /** On standard error, in one line, as traced's other start-up settings are. */
  private static void report(String what) {
    System.err.println("traced: " + what);
  }

  /** AspectJ's keys for each class, in a scope that is the fingerprint of the loader's class path. */
  static final class ClassPathKeys extends DefaultCacheKeyResolver {

    private static final String CONFIGURATION = "org.aspectj.weaver.loadtime.configuration";
    private static final String DEFINITIONS = "aj5.def";

    private final boolean caching;

    ClassPathKeys(boolean caching) {
      this.caching = caching;
    }

    /**
     * A scope for the loader, or null (no cache) when caching is off or its class path is not
     * known. The weaver calls this while it starts: whatever goes wrong means no cache, not no weaver.
     */
    @Override
    public String createClassLoaderScope(ClassLoader loader, List<String> aspects) {
      try {
        List<Path> classPath = caching ? classPathOf(loader) : null;
        return classPath == null ? null : String.join(".", loader.getClass().getSimpleName(), fingerprint(classPath, aspects));
      } catch (RuntimeException e) {
        report("the weaving cache cannot read the class path (" + e + "); weaving without a cache");
        return null;
      }
    }

    private static String fingerprint(List<Path> classPath, List<String> aspects) {
      Path weaverJar = weaverJar();
      if (weaverJar != null) {
        classPath.add(weaverJar);
      }
      List<String> more = new ArrayList<>(aspects);
      // String.join rather than +: each new shape of concatenation costs the weaver's start a few ms.
      more.add(String.join(" ", "aspectj", Version.getText(), Version.getTimeText()));
      more.add(String.join(" ", "java", System.getProperty("java.vm.version")));
      // Configuration files the weaver is told to read from outside the class path count as entries of it.
      String configuration = System.getProperty(CONFIGURATION, "META-INF/aop.xml");
      more.add(String.join(" ", "aop.xml", configuration));
      for (String resource : configuration.split(";")) {
        Path file = resource.startsWith("file:") ? fileOf(resource) : null;
        if (file != null) {
          classPath.add(file);
        }
      }
      String definitions = System.getProperty(DEFINITIONS);
      if (definitions != null) {
        classPath.add(Path.of(definitions));
      }
      return ClassPathFingerprint.of(classPath, more);
    }

    /** What the loader reads classes from, or null when that cannot be known. */
    static List<Path> classPathOf(ClassLoader loader) {
      List<Path> paths = new ArrayList<>();
      if (loader == ClassLoader.getSystemClassLoader()) {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
          try {
            paths.add(Path.of(entry.isEmpty() ? "." : entry));
          } catch (InvalidPathException malformed) {
            return null;
          }
        }
        return paths;
      }
      if (!(loader instanceof URLClassLoader urlLoader)) {
        return null;
      }
      for (URL url : urlLoader.getURLs()) {
        Path path = fileOf(url.toString());
        if (path == null) {
          return null;
        }
        paths.add(path);
      }
      return paths;
    }

    /** The file a URL reads from: itself, or the archive a {@code jar:} URL points into. */
    private static Path fileOf(String url) {
      String spec = url;
      if (spec.startsWith("jar:")) {
        int end = spec.indexOf("!/");
        spec = spec.substring("jar:".length(), end < 0 ? spec.length() : end);
      }
      try {
        URL file = new URL(spec);
        return "file".equals(file.getProtocol()) ? Path.of(file.toURI()) : null;
      } catch (IOException | URISyntaxException | IllegalArgumentException unknown) {
        return null;
      }
    }

    private static Path weaverJar() {
      CodeSource source = WeavedClassCache.class.getProtectionDomain().getCodeSource();
      return source == null ? null : fileOf(source.getLocation().toString());
    }
  }
}
